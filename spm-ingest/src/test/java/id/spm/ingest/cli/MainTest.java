package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.TestFiles;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void checkGivesExitCodesByOutcome() throws IOException {
        String pkm = TestFiles.csv(dir, "puskesmas.csv", TestFiles.puskesmasSheet()).toString();
        Path withErrors = TestFiles.csv(dir, "ekohort-anc.csv", TestFiles.ancSheet(54, 6));
        // Rows with errors: exit 1.
        assertThat(Main.run("check", "--today", "2026-01-15", "--puskesmas", pkm, withErrors.toString())).isEqualTo(1);
        Path clean = TestFiles.xlsx(dir, "clean.xlsx", TestFiles.ancSheet(30, 0), true);
        assertThat(Main.run("check", "--today", "2026-01-15", "--json", "--puskesmas", pkm, clean.toString())).isZero();
        Path image = Files.write(dir.resolve("foto.xlsx"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 });
        assertThat(Main.run("check", image.toString())).isEqualTo(2);
        assertThat(Main.run("layouts", "-v")).isZero();
        assertThat(Main.run("check", "--layout", "tidak-ada", image.toString())).isEqualTo(2);
    }
}
