package id.spm.sample.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.Ingestor;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.report.Report;
import id.spm.sample.files.SampleFiles.Format;

/**
 * Bounded memory: failsafe runs these with {@code -Xmx256m}, and these files hold far more than that as
 * objects, so they can only be read by streaming. Correctness is asserted, not timing.
 */
class LargeFileIT {

    @TempDir
    Path dir;

    Report readGenerated(int rows, Format format) throws IOException {
        SampleFiles files = new SampleFiles(
                SampleFiles.forDistrict(7, rows, 0.01, 2025, IngestFixtures.TODAY, "73.18", IngestFixtures.REGIONS),
                IngestFixtures.LAYOUTS);
        Layout layout = IngestFixtures.LAYOUTS.find("ekohort-anc").orElseThrow();
        Path file = dir.resolve("anc" + (format == Format.CSV ? ".csv" : ".xlsx"));
        SampleFiles.Written w;
        try (OutputStream os = Files.newOutputStream(file)) {
            w = files.write(layout, format, os, file);
        }
        AtomicLong accepted = new AtomicLong();
        Ingestor ingestor = IngestFixtures.ingestor(PuskesmasRegistry.of(new HashSet<>(files.puskesmasCodes())));
        Report r = ingestor.read(file, file.getFileName().toString(), new Ingestor.Options(null, IngestFixtures.TODAY),
                a -> accepted.incrementAndGet());
        assertThat(r.rowsRead()).isEqualTo(rows);
        assertThat(r.rowsRejected()).isEqualTo(w.badRows()).isEqualTo(rows / 100);
        assertThat(accepted.get()).isEqualTo(rows - w.badRows());
        assertThat(r.persons()).isEqualTo((rows + 5) / 6);
        assertThat(r.errors().stream().mapToLong(g -> g.errors().size()).sum()).isLessThanOrEqualTo(5_000);
        return r;
    }

    @Test
    void millionRowCsv() throws IOException {
        readGenerated(1_000_000, Format.CSV);
    }

    @Test
    void twoHundredThousandRowXlsx() throws IOException {
        readGenerated(200_000, Format.XLSX);
    }
}
