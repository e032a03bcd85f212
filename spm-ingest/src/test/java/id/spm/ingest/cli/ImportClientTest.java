package id.spm.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

class ImportClientTest {

    @TempDir
    Path dir;

    HttpServer server;
    final List<Headers> headers = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    /** Uploads answered 503 before one is accepted. */
    final AtomicInteger busy = new AtomicInteger();
    final List<Long> slept = new ArrayList<>();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/imports", ex -> {
            headers.add(ex.getRequestHeaders());
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status;
            String body;
            if (ex.getRequestMethod().equals("GET")) {
                status = ex.getRequestURI().getPath().endsWith("/7") ? 200 : 404;
                body = "{\"id\":7,\"phase\":\"DONE\"}";
            } else if (busy.getAndDecrement() > 0) {
                status = 503;
                body = "{\"code\":\"IMPORT_QUEUE_FULL\"}";
                ex.getResponseHeaders().add("Retry-After", "4");
            } else {
                status = 202;
                body = "{\"id\":7,\"phase\":\"QUEUED\"}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ImportClient client(long maxWait) {
        return new ImportClient(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "tok", maxWait,
                new PrintWriter(err, true), slept::add);
    }

    @Test
    void uploadsMultipartWithTheTokenAndTheFilesHashAsIdempotencyKey() throws Exception {
        Path f = Files.writeString(dir.resolve("anc.csv"), "NIK,Nama\n");
        JsonNode job = client(0).upload(f, new ImportClient.UploadOptions("ekohort-anc", true, false));
        assertThat(job.path("id").asInt()).isEqualTo(7);
        Headers h = headers.get(0);
        assertThat(h.getFirst("Authorization")).isEqualTo("Bearer tok");
        assertThat(h.getFirst("Idempotency-Key")).isEqualTo(ImportClient.sha256(f) + "-dry").hasSize(64 + 4);
        assertThat(h.getFirst("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(bodies.get(0)).contains("name=\"layout\"\r\n\r\nekohort-anc").contains("name=\"dryRun\"\r\n\r\ntrue")
                .contains("name=\"allOrNothing\"\r\n\r\nfalse").contains("filename=\"anc.csv\"").contains("NIK,Nama\n");
    }

    @Test
    void aFullQueueIsRetriedAfterTheSecondsItNamesUpToTheMaximumWait() throws Exception {
        Path f = Files.writeString(dir.resolve("anc.csv"), "x\n");
        busy.set(2);
        assertThat(client(60).upload(f, new ImportClient.UploadOptions(null, false, false)).path("id").asInt())
                .isEqualTo(7);
        assertThat(slept).containsExactly(4L, 4L);
        assertThat(err.toString()).contains("busy (503); retrying in 4 s");
        busy.set(10);
        slept.clear();
        assertThatThrownBy(() -> client(6).upload(f, new ImportClient.UploadOptions(null, false, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
        assertThat(slept).containsExactly(4L, 2L);
    }

    @Test
    void readsAJobAndFailsOnAnythingButOk() throws Exception {
        assertThat(client(0).job("7").path("phase").asText()).isEqualTo("DONE");
        assertThat(headers.get(0).getFirst("Authorization")).isEqualTo("Bearer tok");
        assertThatThrownBy(() -> client(0).job("8")).isInstanceOf(IOException.class).hasMessageContaining("404");
    }
}
