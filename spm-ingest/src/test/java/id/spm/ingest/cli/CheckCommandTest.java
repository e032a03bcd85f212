package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import id.spm.ingest.TestFiles;

class CheckCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws IOException {
        TestFiles.csv(dir, "puskesmas.csv", TestFiles.puskesmasSheet());
        TestFiles.csv(dir, "ekohort-anc.csv", TestFiles.ancSheet(54, 6));
    }

    @Test
    void rowsWithErrorsExitOneAndAreLocated() {
        CliRun r = CliRun.of("check", "--today", "2026-01-15", "--puskesmas", dir.resolve("puskesmas.csv").toString(),
                dir.resolve("ekohort-anc.csv").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("layout ekohort-anc").contains("rows read 60").containsPattern("row \\d+ col [A-Z]+");
    }

    @Test
    void jsonIsTheReport() throws IOException {
        CliRun r = CliRun.of("check", "--today", "2026-01-15", "--json", dir.resolve("ekohort-anc.csv").toString());
        JsonNode report = Main.JSON.readTree(r.out());
        assertThat(report.path("layout").asText()).isEqualTo("ekohort-anc");
        assertThat(report.path("rowsRead").asLong()).isEqualTo(60);
    }

    @Test
    void aRefusedFileExitsTwoWithItsCode() throws IOException {
        Path image = Files.write(dir.resolve("foto.xlsx"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 });
        CliRun r = CliRun.of("check", image.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("REFUSED (");
        assertThat(CliRun.of("check", "--layout", "tidak-ada", image.toString()).out()).contains("UNKNOWN_LAYOUT");
    }
}
