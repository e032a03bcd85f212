package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryBuiltInLayoutAndWithVerboseItsColumns() {
        CliRun brief = CliRun.of("layouts");
        assertThat(brief.exit()).isZero();
        assertThat(brief.out()).contains("ekohort-anc").contains("puskesmas").contains("mutu").doesNotContain("aliases:");
        CliRun verbose = CliRun.of("layouts", "-v");
        assertThat(verbose.out()).contains("aliases:").contains("required");
    }

    @Test
    void aRegionsOwnLayoutIsListedWithItsSource() throws IOException {
        Files.writeString(dir.resolve("kabx.json"), """
                { "name": "ekohort-anc-kabx", "extends": "ekohort-anc",
                  "aliases": { "nik": ["No Induk Bumil"] } }
                """);
        CliRun r = CliRun.of("layouts", "--layouts-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ekohort-anc-kabx").contains("kabx.json");
    }
}
