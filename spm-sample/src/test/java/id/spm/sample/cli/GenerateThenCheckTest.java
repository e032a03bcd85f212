package id.spm.sample.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.cli.Main;

/** The newcomer's first run (README): generate sample files, then check them with the importer's CLI. */
class GenerateThenCheckTest {

    @TempDir
    Path dir;

    static int check(String... args) {
        return Main.run(Map.<String, String> of()::get, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
    }

    @Test
    void generatedFilesCheckWithTheExitCodeOfTheirOutcome() {
        assertThat(SampleMain.run("generate", "--out", dir.toString(), "--rows", "60", "--bad-share", "0.1", "--layout",
                "ptm-kunjungan", "--layout", "puskesmas", "--format", "CSV")).isZero();
        assertThat(dir.resolve("ptm-kunjungan.csv")).exists();
        String pkm = dir.resolve("puskesmas.csv").toString();
        // Rows with errors: exit 1.
        assertThat(check("check", "--today", "2026-01-15", "--puskesmas", pkm, dir.resolve("ptm-kunjungan.csv")
                .toString())).isEqualTo(1);
        assertThat(SampleMain.run("generate", "--out", dir.resolve("clean").toString(), "--rows", "30", "--bad-share", "0",
                "--layout", "ptm-kunjungan", "--format", "XLSX")).isZero();
        assertThat(check("check", "--today", "2026-01-15", "--json",
                dir.resolve("clean/ptm-kunjungan.xlsx").toString())).isZero();
    }
}
