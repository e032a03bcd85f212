package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void generateThenCheckGivesExitCodesByOutcome() throws IOException {
        assertThat(Main.run("generate", "--out", dir.toString(), "--rows", "60", "--bad-share", "0.1", "--layout",
                "ptm-kunjungan", "--layout", "puskesmas", "--format", "CSV")).isZero();
        assertThat(dir.resolve("ptm-kunjungan.csv")).exists();
        String pkm = dir.resolve("puskesmas.csv").toString();
        // Rows with errors: exit 1.
        assertThat(Main.run("check", "--today", "2026-01-15", "--puskesmas", pkm, dir.resolve("ptm-kunjungan.csv")
                .toString())).isEqualTo(1);
        Main.run("generate", "--out", dir.resolve("clean").toString(), "--rows", "30", "--bad-share", "0",
                "--layout", "ptm-kunjungan", "--format", "XLSX");
        assertThat(Main.run("check", "--today", "2026-01-15", "--json",
                dir.resolve("clean/ptm-kunjungan.xlsx").toString())).isZero();
        Path image = Files.write(dir.resolve("foto.xlsx"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 });
        assertThat(Main.run("check", image.toString())).isEqualTo(2);
        assertThat(Main.run("layouts", "-v")).isZero();
        assertThat(Main.run("check", "--layout", "tidak-ada", image.toString())).isEqualTo(2);
    }
}
