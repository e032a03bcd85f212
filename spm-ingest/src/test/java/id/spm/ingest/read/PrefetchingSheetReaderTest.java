package id.spm.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.TestFiles;
import id.spm.ingest.read.FileRefusedException.Code;

/** Issue 13: an xlsx's rows read on a thread of their own come as the reader gives them, errors in place. */
class PrefetchingSheetReaderTest {

    @TempDir
    Path dir;

    /** A source of {@code n} one-cell rows that throws {@code error} (if any) instead of row {@code failAt}. */
    static final class Rows implements SheetReader {
        final int n;
        final int failAt;
        final RuntimeException error;
        final AtomicInteger served = new AtomicInteger();
        volatile boolean closed;

        Rows(int n, int failAt, RuntimeException error) {
            this.n = n;
            this.failAt = failAt;
            this.error = error;
        }

        @Override
        public String sheetName() {
            return "Data";
        }

        @Override
        public SheetRow next() {
            int i = served.incrementAndGet();
            if (i == failAt) {
                throw error;
            }
            return i > n ? null : new SheetRow(i, List.of(new Cell(0, "r" + i, Cell.Kind.TEXT)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static List<SheetRow> drain(SheetReader r) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        SheetRow row;
        while ((row = r.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void rowsComeInOrderWhateverTheBatching() throws IOException {
        for (int n : new int[] { 0, 1, 255, 256, 257, 1_000 }) {
            for (int batch : new int[] { 1, 7, 256 }) {
                Rows source = new Rows(n, -1, null);
                try (PrefetchingSheetReader r = new PrefetchingSheetReader(source, batch, 2)) {
                    List<SheetRow> rows = drain(r);
                    assertThat(rows).extracting(SheetRow::number).as("n=%d batch=%d", n, batch).hasSize(n).isSorted();
                    assertThat(r.next()).isNull();
                }
                assertThat(source.closed).isTrue();
            }
        }
    }

    @Test
    void anErrorComesAfterEveryRowBeforeIt() throws IOException {
        FileRefusedException refusal = new FileRefusedException(Code.MALFORMED_XML, "damaged");
        try (PrefetchingSheetReader r = new PrefetchingSheetReader(new Rows(1_000, 601, refusal), 256, 2)) {
            for (int i = 1; i <= 600; i++) {
                assertThat(r.next().number()).isEqualTo(i);
            }
            assertThatThrownBy(r::next).isSameAs(refusal);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void stoppingEndsTheThreadWithoutReadingOn() throws IOException {
        Rows source = new Rows(1_000_000, -1, null);
        PrefetchingSheetReader r = new PrefetchingSheetReader(source, 10, 2);
        assertThat(r.next().number()).isEqualTo(1);
        r.close();
        int served = source.served.get();
        assertThat(served).as("at most the batches ahead and the one being read").isLessThan(100);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spm-ingest-read"));
        assertThat(source.closed).isTrue();
    }

    @Test
    void aWorkbookReadsAsTheReaderReadsIt() throws IOException {
        Path f = TestFiles.xlsx(dir, "anc.xlsx", TestFiles.ancSheet(1_000, 30), false);
        List<SheetRow> direct;
        try (SheetReader r = XlsxSheetReader.open(f, null, Limits.defaults())) {
            direct = drain(r);
        }
        try (PrefetchingSheetReader r = new PrefetchingSheetReader(XlsxSheetReader.open(f, null, Limits.defaults()),
                256, 4)) {
            assertThat(r.sheetName()).isEqualTo("Data");
            assertThat(drain(r)).isEqualTo(direct);
            assertThat(r.bytesRead()).isEqualTo(r.bytesTotal()).isPositive();
        }
        // Damaged XML at the last row: the rows before it, then the reader's own refusal.
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 700; i++) {
            rows.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>").append(i)
                    .append("</v></c></row>");
        }
        rows.append("<row r=\"701\"><c r=\"A701\"><v>1</c></row>");
        Path bad = TestFiles.rawXlsx(dir, "bad.xlsx", TestFiles.sheet(rows.toString()), Map.of());
        String direct701;
        try (SheetReader r = XlsxSheetReader.open(bad, null, Limits.defaults())) {
            direct701 = catchMessage(r);
        }
        try (PrefetchingSheetReader r = new PrefetchingSheetReader(XlsxSheetReader.open(bad, null, Limits.defaults()),
                256, 4)) {
            assertThat(catchMessage(r)).isEqualTo(direct701).startsWith("700 rows, then MALFORMED_XML");
        }
    }

    private static String catchMessage(SheetReader r) throws IOException {
        int n = 0;
        try {
            while (r.next() != null) {
                n++;
            }
            return n + " rows, then the end";
        } catch (FileRefusedException e) {
            return n + " rows, then " + e.code() + ": " + e.getMessage();
        }
    }
}
