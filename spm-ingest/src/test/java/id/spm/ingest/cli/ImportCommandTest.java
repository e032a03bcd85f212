package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** How the import command reads a job document (the token and the HTTP side: ImportTokenTest, ImportClientTest). */
class ImportCommandTest {

    static JsonNode job(String json) throws IOException {
        return Main.JSON.readTree(json);
    }

    @Test
    void exitCodeByPhaseAndRejectedRows() throws IOException {
        assertThat(ImportCommand.exitOf(job("{\"phase\":\"DONE\",\"summary\":{\"rowsRejected\":0}}"))).isZero();
        assertThat(ImportCommand.exitOf(job("{\"phase\":\"DONE\",\"summary\":{\"rowsRejected\":3}}"))).isEqualTo(1);
        assertThat(ImportCommand.exitOf(job("{\"phase\":\"REFUSED\"}"))).isEqualTo(2);
        assertThat(ImportCommand.exitOf(job("{\"phase\":\"FAILED\"}"))).isEqualTo(2);
    }

    @Test
    void onlyDoneFailedAndRefusedAreTerminal() {
        assertThat(ImportCommand.terminal("DONE")).isTrue();
        assertThat(ImportCommand.terminal("FAILED")).isTrue();
        assertThat(ImportCommand.terminal("REFUSED")).isTrue();
        assertThat(ImportCommand.terminal("RUNNING")).isFalse();
        assertThat(ImportCommand.terminal("QUEUED")).isFalse();
    }

    @Test
    void progressBarShowsTheShareOfBytesRead() throws IOException {
        String bar = ImportCommand.bar("anc.csv",
                job("{\"phase\":\"RUNNING\",\"progress\":{\"bytesRead\":50,\"bytesTotal\":100,\"rowsRead\":1234}}"));
        assertThat(bar).startsWith("anc.csv").contains("[" + "#".repeat(15) + " ".repeat(15) + "]").contains(" 50%")
                .contains("RUNNING").contains("1,234 rows");
    }

    @Test
    void summaryListsCountsAndTheFirstErrors() throws IOException {
        StringWriter s = new StringWriter();
        ImportCommand.summary(new PrintWriter(s, true), Path.of("anc.csv"), job("""
                {"id":7,"phase":"DONE","summary":{"rowsRead":10,"created":8,"updated":1,"unchanged":0,
                 "rowsRejected":1,"persons":4,"errors":[{"code":"INVALID_DATE","count":1,"title":"Invalid date",
                 "errors":[{"row":5,"column":"C","header":"Tanggal","reason":"Not a date."}]}]}}
                """));
        assertThat(s.toString()).contains("anc.csv: job 7 DONE").contains("rows read 10; records created 8, updated 1")
                .contains("INVALID_DATE (1): Invalid date").contains("row 5 col C (Tanggal): Not a date.");
    }
}
