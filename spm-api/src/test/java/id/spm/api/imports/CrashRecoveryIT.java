package id.spm.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

/**
 * Issue 14: the embedded default (the packaged service with its own PostgreSQL in a temporary data folder)
 * survives crashes. The service is killed with SIGKILL at several moments of an import and started again on
 * the same folder: the watchdog stops the PostgreSQL the killed JVM leaves, the new start is ready, and the
 * import committed whole or not at all, its job ended. A server left running (watchdog killed too) is taken
 * over; a lock of a dead server is recovered by PostgreSQL; the PostgreSQL killed under a running service
 * is restarted, readiness DOWN with the reason meanwhile; a normal shutdown leaves no PostgreSQL behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    static final int YEAR = 2025;
    static final String DISTRICT = "73.22";
    static final String PUSKESMAS = "P7322010101";

    @TempDir
    static Path dir;

    ServiceHarness harness;
    ServiceHarness.Service service;
    String admin;
    Map<String, Long> state;
    final List<String> restarts = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        harness = new ServiceHarness(dir);
        service = harness.embeddedService("embedded", Map.of("spm.import.heartbeat-interval", "1s",
                "spm.import.heartbeat-timeout", "3s"));
        service.start().awaitReady(Duration.ofMinutes(3));
        admin = harness.token("it-admin", List.of("*"), "admin", "importer", "viewer");
        service.register(admin, PUSKESMAS, "Puskesmas Crash", "73.22.01");
        state = service.numerators(admin, DISTRICT, YEAR);
    }

    @AfterAll
    void stop() {
        System.out.println("CrashRecoveryIT restarts: " + restarts);
        if (harness != null) {
            harness.close();
        }
    }

    Path pgDir() {
        return service.data.resolve("postgres");
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(pgDir().resolve("postmaster.pid")).get(0).strip());
    }

    /** Starts the killed service again on the same folder and records how long until it is ready. */
    void restart(String what) throws IOException {
        long t0 = System.nanoTime();
        service.start().awaitReady(Duration.ofMinutes(2));
        restarts.add(what + ": ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    @Order(1)
    void killedAtSeveralMomentsOfAnImportTheServiceStartsAgainOnTheSameFolder() throws Exception {
        long[] delays = { 0, 120, 400 };
        for (int i = 0; i < delays.length; i++) {
            int women = 400 + 100 * i;
            byte[] file = ServiceHarness.file(9900000003000000L + i * 1000L, women, PUSKESMAS, YEAR, 1 + i);
            var res = service.upload(admin, file, "crash-" + i + ".csv");
            assertThat(res.statusCode()).as("upload %d: %s", i, res.asString()).isEqualTo(202);
            long id = res.jsonPath().getLong("id");
            ServiceHarness.sleep(delays[i]);
            long pg = postmasterPid();
            service.kill();
            // The watchdog stops the PostgreSQL the killed JVM started.
            assertThat(exits(pg, Duration.ofSeconds(30))).as("PostgreSQL %d still runs after the service was killed", pg)
                    .isTrue();
            restart("kill -9 at " + delays[i] + " ms of an import");

            JsonPath job = awaitEnded(id);
            Map<String, Long> now = service.numerators(admin, DISTRICT, YEAR);
            Map<String, Long> after = new HashMap<>(state);
            after.merge(ServiceHarness.HIV, (long) women, Long::sum);
            if (job.getString("phase").equals("DONE")) {
                assertThat(now).as("import %d DONE: all of it", i).isEqualTo(after);
            } else {
                assertThat(now).as("import %d FAILED: none of it", i).isEqualTo(state);
            }
            state = now;
        }
    }

    @Test
    @Order(2)
    void aServerLeftRunningOnTheFolderIsStoppedAndTheServiceStarts() throws Exception {
        long pg = postmasterPid();
        // JVM and watchdog gone at once (as when a whole process group is killed): the server stays.
        for (ProcessHandle child : service.process.children().toList()) {
            child.destroyForcibly();
        }
        service.kill();
        ServiceHarness.sleep(500);
        assertThat(ProcessHandle.of(pg).map(ProcessHandle::isAlive)).as("the left-over server").contains(true);
        restart("a server left running, taken over");
        assertThat(exits(pg, Duration.ofSeconds(5))).as("the left-over server %d was stopped", pg).isTrue();
        assertThat(postmasterPid()).isNotEqualTo(pg);
        assertThat(service.numerators(admin, DISTRICT, YEAR)).isEqualTo(state);
    }

    @Test
    @Order(3)
    void aLockOfADeadServerIsRecoveredByPostgres() throws Exception {
        long pg = postmasterPid();
        // Watchdog, JVM, then the server: its lock (postmaster.pid) names a dead process.
        for (ProcessHandle child : service.process.children().toList()) {
            child.destroyForcibly();
        }
        service.kill();
        ProcessHandle.of(pg).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(exits(pg, Duration.ofSeconds(10))).isTrue();
        assertThat(pgDir().resolve("postmaster.pid")).as("the dead server's lock").exists();
        restart("a dead server's lock, crash recovery");
        assertThat(service.numerators(admin, DISTRICT, YEAR)).isEqualTo(state);
    }

    @Test
    @Order(4)
    void postgresKilledUnderTheRunningServiceIsRestartedAndReadinessComesBack() throws Exception {
        long pg = postmasterPid();
        long t0 = System.nanoTime();
        ProcessHandle.of(pg).ifPresent(ProcessHandle::destroyForcibly);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String downReason = null;
        long readyAgain = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && readyAgain < 0) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.base() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 503 && r.body().contains("stopped under the running service")) {
                downReason = r.body();
            } else if (r.statusCode() == 200 && downReason != null) {
                readyAgain = System.nanoTime();
            }
            ServiceHarness.sleep(20);
        }
        assertThat(downReason).as("readiness DOWN with the reason").isNotNull();
        assertThat(readyAgain).as("readiness UP again without restarting the service").isPositive();
        restarts.add("PostgreSQL killed under the service: ready again in " + (readyAgain - t0) / 1_000_000 + " ms");
        assertThat(service.process.isAlive()).isTrue();
        assertThat(postmasterPid()).isNotEqualTo(pg);
        // The next request succeeds, on the same data.
        assertThat(service.numerators(admin, DISTRICT, YEAR)).isEqualTo(state);
        byte[] file = ServiceHarness.file(9900000004000000L, 300, PUSKESMAS, YEAR, 6);
        var res = service.upload(admin, file, "after-restart.csv");
        assertThat(res.statusCode()).as(res.asString()).isEqualTo(202);
        assertThat(service.awaitJob(admin, res.jsonPath().getLong("id"), Duration.ofMinutes(1)).getString("phase"))
                .isEqualTo("DONE");
    }

    @Test
    @Order(5)
    void aNormalShutdownEndsItsJobsFirstAndLeavesNoPostgresBehind() throws Exception {
        byte[] file = ServiceHarness.file(9900000005000000L, 3000, PUSKESMAS, YEAR, 7);
        var res = service.upload(admin, file, "during-shutdown.csv");
        assertThat(res.statusCode()).as(res.asString()).isEqualTo(202);
        long id = res.jsonPath().getLong("id");
        ServiceHarness.sleep(50);
        long pg = postmasterPid();
        service.stop();
        assertThat(service.process.exitValue()).as("SIGTERM: a clean exit").isIn(0, 143);
        assertThat(exits(pg, Duration.ofSeconds(10))).as("PostgreSQL %d after the service stopped", pg).isTrue();
        assertThat(pgDir().resolve("postmaster.pid")).doesNotExist();
        // The database stopped after the service's own shutdown, which ended its open jobs.
        String log = Files.readString(dir.resolve("embedded-" + service.starts + ".log"));
        assertThat(log).contains("spm-api stopped").doesNotContain("Cannot end this instance's open import jobs");

        restart("after a normal shutdown");
        JsonPath job = service.job(admin, id);
        assertThat(job.getString("phase")).isIn("DONE", "FAILED");
        if (job.getString("phase").equals("FAILED")) {
            // Ended at shutdown (its worker interrupted, or the job marked by the instance's shutdown).
            assertThat(job.getString("message")).contains("nothing of it was stored");
        }
        pg = postmasterPid();
        service.stop();
        assertThat(exits(pg, Duration.ofSeconds(10))).isTrue();
    }

    private JsonPath awaitEnded(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonPath job = service.job(admin, id);
            if (List.of("DONE", "FAILED").contains(job.getString("phase"))) {
                assertThat(job.getString("finishedAt")).isNotNull();
                return job;
            }
            assertThat(System.nanoTime()).as("job %d still %s after the restart", id, job.getString("phase"))
                    .isLessThan(deadline);
            ServiceHarness.sleep(200);
        }
    }

    private static boolean exits(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return true;
            }
            ServiceHarness.sleep(50);
        }
        return false;
    }
}
