package id.spm.sample.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.Ingestor;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.Limits;
import id.spm.ingest.read.SheetRow;
import id.spm.ingest.read.XlsxSheetReader;
import id.spm.ingest.read.XlsxSheetReader.Parser;
import id.spm.sample.files.SampleFiles.Format;

/**
 * Issue 13: every built-in layout's generated xlsx (title rows, a tenth of the rows with an injected error) reads
 * into the same rows with the JDK's StAX (the reader's parser before) and with Aalto (the default), and imports
 * the same whether its rows are read on the importer's thread or on a thread of their own.
 */
class XlsxParsersSampleTest {

    @TempDir
    Path dir;

    static List<SheetRow> readAll(Path f, Parser parser) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (XlsxSheetReader r = XlsxSheetReader.open(f, null, Limits.defaults(), parser)) {
            SheetRow row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void everyLayoutsWorkbookReadsAlikeWithBothParsers() throws IOException {
        SampleFiles files = new SampleFiles(SampleFiles.forDistrict(7, 600, 0.1, 2025, IngestFixtures.TODAY, "73.18",
                IngestFixtures.REGIONS), IngestFixtures.LAYOUTS);
        List<String> names = IngestFixtures.LAYOUTS.all().stream().map(Layout::name).toList();
        List<SampleFiles.Written> written = files.writeAll(dir, names, EnumSet.of(Format.XLSX));
        assertThat(written).hasSize(names.size());
        Ingestor ingestor = IngestFixtures.ingestor(PuskesmasRegistry.of(new HashSet<>(files.puskesmasCodes())));
        for (SampleFiles.Written w : written) {
            List<SheetRow> jdk = readAll(w.file(), Parser.JDK);
            List<SheetRow> aalto = readAll(w.file(), Parser.AALTO);
            assertThat(aalto).as(w.layout()).isEqualTo(jdk).hasSizeGreaterThan(w.rows());
            String name = w.file().getFileName().toString();
            List<Object> one = new ArrayList<>();
            List<Object> three = new ArrayList<>();
            var r1 = ingestor.read(w.file(), name, new Ingestor.Options(w.layout(), IngestFixtures.TODAY, 1), one::add);
            var r3 = ingestor.read(w.file(), name, new Ingestor.Options(w.layout(), IngestFixtures.TODAY, 3), three::add);
            assertThat(three).as(w.layout()).isEqualTo(one);
            assertThat(r3).as(w.layout()).isEqualTo(r1);
            assertThat(r1.rowsRejected()).as(w.layout()).isEqualTo(w.badRows());
        }
    }
}
