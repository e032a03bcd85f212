package id.spm.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import id.spm.rules.area.AreaCodes;

/**
 * The Kemendagri region list ({@code kode,nama}, dotted codes: {@code 32}, {@code 32.73},
 * {@code 32.73.11}, {@code 32.73.11.1001}).
 */
public final class Regions {

    private final Map<String, String> names;

    private Regions(Map<String, String> names) {
        this.names = names;
    }

    public static Regions load(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return load(in);
        }
    }

    public static Regions load(InputStream csv) throws IOException {
        Map<String, String> names = new HashMap<>(1 << 17);
        BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        boolean first = true;
        while ((line = r.readLine()) != null) {
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("kode")) {
                    continue;
                }
            }
            int comma = line.indexOf(',');
            if (comma <= 0) {
                continue;
            }
            String code = line.substring(0, comma).strip();
            String name = line.substring(comma + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            names.put(code, name);
        }
        return new Regions(names);
    }

    /** The list shipped in the jar ({@code /wilayah/kode-wilayah-2025.csv}). */
    public static Regions builtIn() {
        try (InputStream in = Regions.class.getResourceAsStream("/wilayah/kode-wilayah-2025.csv")) {
            if (in == null) {
                throw new IllegalStateException("the region list is missing from the jar");
            }
            return load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A list holding exactly the given codes (tests, generators). */
    public static Regions of(Map<String, String> codeToName) {
        return new Regions(new HashMap<>(codeToName));
    }

    public boolean contains(String dottedCode) {
        return names.containsKey(dottedCode);
    }

    public String name(String dottedCode) {
        return names.get(dottedCode);
    }

    public int size() {
        return names.size();
    }

    /** Every code of a level (2, 4, 6 or 10 digits) below a prefix, e.g. the desa of {@code 73.18}. */
    public java.util.List<String> below(String dottedPrefix, int digits) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : names.keySet()) {
            if (c.startsWith(dottedPrefix + ".") && c.replace(".", "").length() == digits) {
                out.add(c);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * A plain ({@code 3273111001}) or dotted ({@code 32.73.11.1001}) code in dotted form, or
     * {@code null} when it has neither shape.
     */
    public static String normalise(String raw) {
        // The one rule (spm-rules' AreaCodes), region codes only.
        String n = AreaCodes.canonicalOrNull(raw);
        return n == null || AreaCodes.isPuskesmas(n) ? null : n;
    }

    /** Digits of a dotted code: 2 province, 4 kab/kota, 6 kecamatan, 10 desa. */
    public static int digits(String dotted) {
        int n = 0;
        for (int i = 0; i < dotted.length(); i++) {
            if (dotted.charAt(i) != '.') {
                n++;
            }
        }
        return n;
    }

    /** The kab/kota ({@code 73.18}) of a dotted region code of level kab/kota or below, else {@code null}. */
    public static String kabkotaOf(String dotted) {
        return dotted != null && dotted.length() >= 5 ? dotted.substring(0, 5) : null;
    }

    /** The kab/kota of a Puskesmas code: {@code P7318010201} → {@code 73.18}. */
    public static String kabkotaOfPuskesmas(String code) {
        return code.substring(1, 3) + "." + code.substring(3, 5);
    }
}
