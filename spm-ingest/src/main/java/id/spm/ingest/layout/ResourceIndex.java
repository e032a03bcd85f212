package id.spm.ingest.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a class-path folder of data files (layouts, form layouts, catalogs), as its {@code index.txt} lists
 * them: one file name a line, blank lines and {@code #} comments skipped. A jar cannot list a folder, so each such
 * folder carries its index.
 */
public final class ResourceIndex {

    private ResourceIndex() {
    }

    /**
     * The files listed in {@code folder + "index.txt"}, in order.
     *
     * @param anchor a class loaded with the folder (its module's class loader finds the folder)
     * @param folder a class-path folder ending in {@code /}, e.g. {@code /layouts/}
     * @throws IllegalStateException when the folder has no index (a packaging mistake)
     */
    public static List<String> files(Class<?> anchor, String folder) {
        List<String> files = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(folder + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException(folder + "index.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
