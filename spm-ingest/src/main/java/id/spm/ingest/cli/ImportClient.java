package id.spm.ingest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import id.spm.ingest.read.FileHash;

/**
 * The service's import endpoints over HTTP: uploads a file to {@code POST /api/v1/imports}
 * (multipart, {@code Idempotency-Key} = the file's SHA-256, so a re-run returns the earlier job) and
 * reads a job back. A full queue (503) or a rate limit (429) is waited for as its
 * {@code Retry-After} says, up to {@code maxWaitSeconds}.
 */
final class ImportClient {

    /** What an upload asks of the service. */
    record UploadOptions(String layout, boolean dryRun, boolean allOrNothing) {
    }

    /** Waits between two attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long seconds) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI server;
    private final String token;
    private final long maxWaitSeconds;
    private final PrintWriter err;
    private final Sleeper sleeper;

    ImportClient(URI server, String token, long maxWaitSeconds, PrintWriter err) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL)
                .build(), server, token, maxWaitSeconds, err, seconds -> Thread.sleep(seconds * 1000));
    }

    ImportClient(HttpClient http, URI server, String token, long maxWaitSeconds, PrintWriter err, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.server = Objects.requireNonNull(server, "server");
        this.token = Objects.requireNonNull(token, "token");
        this.maxWaitSeconds = maxWaitSeconds;
        this.err = Objects.requireNonNull(err, "err");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Uploads a file and returns the job document the service answers with. */
    JsonNode upload(Path f, UploadOptions options) throws IOException, InterruptedException {
        String boundary = "spm-ingest-" + Long.toHexString(System.nanoTime());
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        if (options.layout() != null) {
            parts.add(field(boundary, "layout", options.layout()));
        }
        parts.add(field(boundary, "dryRun", Boolean.toString(options.dryRun())));
        parts.add(field(boundary, "allOrNothing", Boolean.toString(options.allOrNothing())));
        String name = f.getFileName().toString().replace("\"", "");
        parts.add(HttpRequest.BodyPublishers
                .ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(HttpRequest.BodyPublishers.ofFile(f));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpRequest req = HttpRequest.newBuilder(server.resolve("/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // The file's hash makes a re-run of the same cron job return the earlier job.
                .header("Idempotency-Key", sha256(f) + (options.dryRun() ? "-dry" : ""))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(new HttpRequest.BodyPublisher[0]))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        long waited = 0;
        // A full queue (503) or a rate limit (429) says when to come back: a 2 a.m. job waits, not fails.
        while ((res.statusCode() == 503 || res.statusCode() == 429) && waited < maxWaitSeconds) {
            long seconds = Math.max(1, Math.min(retryAfter(res), maxWaitSeconds - waited));
            err.println("spm-ingest: " + f.getFileName() + ": the service is busy (" + res.statusCode()
                    + "); retrying in " + seconds + " s.");
            sleeper.sleep(seconds);
            waited += seconds;
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        }
        if (res.statusCode() != 202 && res.statusCode() != 200) {
            throw new IOException(f + ": the service answered " + res.statusCode() + ": " + res.body());
        }
        return Main.JSON.readTree(res.body());
    }

    /** The job document of an import job. */
    JsonNode job(String id) throws IOException, InterruptedException {
        URI uri = server.resolve("/api/v1/imports/" + id);
        HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException(uri + ": the service answered " + res.statusCode() + ": " + res.body());
        }
        return Main.JSON.readTree(res.body());
    }

    /** The Retry-After of a response in seconds (30 when absent or a date). */
    static long retryAfter(HttpResponse<?> res) {
        try {
            return Long.parseLong(res.headers().firstValue("Retry-After").orElse("30").strip());
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private static HttpRequest.BodyPublisher field(String boundary, String name, String value) {
        return HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        return FileHash.sha256(file);
    }
}
