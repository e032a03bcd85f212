package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue 7 finding 7 (CLI): the token is read from {@code SPM_TOKEN} or {@code --token-file}, never
 * needed in argv (where {@code ps} shows it); {@code --token} still works but warns.
 */
class ImportTokenTest {

    static final String TOKEN = "eyJ.rahasia.token";

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Uploads answered 503 (queue full) before the service accepts one. */
    final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/imports", ex -> {
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            ex.getRequestBody().readAllBytes();
            if (busy.getAndDecrement() > 0) {
                byte[] problem = "{\"status\":503,\"code\":\"IMPORT_QUEUE_FULL\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/problem+json");
                ex.getResponseHeaders().add("Retry-After", "1");
                ex.sendResponseHeaders(503, problem.length);
                ex.getResponseBody().write(problem);
                ex.close();
                return;
            }
            byte[] body = "{\"id\":7,\"phase\":\"DONE\",\"summary\":{\"rowsRead\":1,\"rowsRejected\":0}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(202, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int run(Map<String, String> env, String... args) {
        return Main.run(env::get, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path file() throws IOException {
        return Files.writeString(dir.resolve("hiv.csv"), "NIK,Nama\n");
    }

    @Test
    void tokenFromTheEnvironment() throws IOException {
        int exit = run(Map.of("SPM_TOKEN", TOKEN), "import", "--server", url(), file().toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(err.toString()).doesNotContain("deprecated");
    }

    @Test
    void tokenFromAFileWinsOverTheEnvironment() throws IOException {
        Path t = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        int exit = run(Map.of("SPM_TOKEN", "other"), "import", "--server", url(), "--token-file", t.toString(),
                file().toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void tokenInArgvStillWorksButWarns() throws IOException {
        int exit = run(Map.of(), "import", "--server", url(), "--token", TOKEN, file().toString());
        assertThat(exit).isZero();
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(err.toString()).contains("--token is deprecated").contains("SPM_TOKEN").contains("--token-file")
                .doesNotContain(TOKEN);
    }

    @Test
    void noTokenIsAUsageErrorNamingBothWays() throws IOException {
        int exit = run(Map.of(), "import", "--server", url(), file().toString());
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("SPM_TOKEN").contains("--token-file");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void missingOrEmptyTokenFileIsAUsageError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(run(Map.of(), "import", "--server", url(), "--token-file", empty.toString(), file().toString()))
                .isEqualTo(3);
        assertThat(run(Map.of(), "import", "--server", url(), "--token-file", dir.resolve("none").toString(),
                file().toString())).isEqualTo(3);
        assertThat(err.toString()).contains("token file");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aFullQueueIsWaitedForAsRetryAfterSays() throws IOException {
        busy.set(2);
        int exit = run(Map.of("SPM_TOKEN", "t"), "import", "--server", url(), file().toString());
        assertThat(exit).isZero();
        assertThat(authorizations).hasSize(3);
        assertThat(err.toString()).contains("busy (503); retrying in 1 s");
    }

    @Test
    void aQueueFullLongerThanMaxWaitGivesUp() throws IOException {
        busy.set(100);
        int exit = run(Map.of("SPM_TOKEN", "t"), "import", "--server", url(), "--max-wait", "1", file().toString());
        assertThat(exit).isNotZero();
        assertThat(authorizations).hasSize(2);
    }
}
