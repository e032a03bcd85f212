package id.spm.ingest.write;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;

/** Writes CSV the way spreadsheets export it: a delimiter, quotes only where needed, CRLF. */
public final class CsvWriter implements Closeable {

    private final Writer out;
    private final char delimiter;

    public CsvWriter(OutputStream target, Charset charset, char delimiter, boolean bom) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(target, charset), 1 << 16);
        this.delimiter = delimiter;
        if (bom) {
            out.write('\uFEFF');
        }
    }

    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String s = v.toString();
            if (s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.write('"');
                out.write(s.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(s);
            }
        }
        out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
