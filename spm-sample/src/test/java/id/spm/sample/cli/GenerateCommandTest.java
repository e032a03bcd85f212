package id.spm.sample.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheNamedLayoutsInTheNamedFormatsAndListsTheInjectedErrors() throws IOException {
        CliRun r = CliRun.of("generate", "--out", dir.toString(), "--rows", "50", "--bad-share", "0.1", "--layout",
                "ptm-kunjungan", "--format", "csv,xlsx");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dir.resolve("ptm-kunjungan.csv")).exists();
        assertThat(dir.resolve("ptm-kunjungan.xlsx")).exists();
        assertThat(r.out()).contains("ptm-kunjungan.csv").contains("50 rows").contains("Puskesmas codes: P7318");
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        CliRun.of("generate", "--out", dir.resolve("a").toString(), "--rows", "20", "--layout", "hiv-tes", "--format",
                "csv", "--seed", "5");
        CliRun.of("generate", "--out", dir.resolve("b").toString(), "--rows", "20", "--layout", "hiv-tes", "--format",
                "csv", "--seed", "5");
        assertThat(Files.readAllBytes(dir.resolve("a/hiv-tes.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/hiv-tes.csv")));
    }
}
