package id.spm.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

/**
 * The kill test of issue 8: the packaged service runs against a PostgreSQL that the test started (not a
 * child of the service), and is killed with SIGKILL at seeded random moments of 20 imports, then
 * started again. After each restart no job is left QUEUED, READING or MERGING once the recovery has run
 * (heartbeat timeout 5 s), and every district's achievements equal the state before the import (the
 * job FAILED: then the file is uploaded again, without a kill, and must give the state after) or after
 * it (the job DONE).
 */
class KillRestartIT {

    static final int YEAR = 2025;
    static final int IMPORTS = 20;
    static final String[] DISTRICTS = { "73.22", "73.26" };
    static final String[] PUSKESMAS = { "P7322010101", "P7326010101" };
    static final String[] KECAMATAN = { "73.22.01", "73.26.01" };

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsOf20ImportsNoJobStaysOpenAndFiguresAreBeforeOrAfter() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(20_261_204L);
        try (ServiceHarness h = new ServiceHarness(dir)) {
            ServiceHarness.Service s = h.service("killed", Map.of("spm.import.heartbeat-interval", "1s",
                    "spm.import.heartbeat-timeout", "5s")).start().awaitReady(Duration.ofMinutes(3));
            String admin = h.token("it-admin", List.of("*"), "admin", "importer", "viewer");
            for (int i = 0; i < PUSKESMAS.length; i++) {
                s.register(admin, PUSKESMAS[i], "Puskesmas IT " + i, KECAMATAN[i]);
            }
            // How long an import of this size takes here: the kills fall anywhere from before it starts to after
            // it ends (queued, reading, merging, committed, computing in the background).
            long t0 = System.nanoTime();
            var warm = s.upload(admin, ServiceHarness.file(9900000002000000L, 600, PUSKESMAS[0], YEAR - 1, 6), "warm.csv");
            assertThat(s.awaitJob(admin, warm.jsonPath().getLong("id"), Duration.ofMinutes(1)).getString("phase"))
                    .isEqualTo("DONE");
            int window = (int) Math.max(100, (System.nanoTime() - t0) / 1_000_000 * 13 / 10);
            Map<String, Map<String, Long>> state = new HashMap<>();
            for (String d : DISTRICTS) {
                state.put(d, s.numerators(admin, d, YEAR));
            }
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < IMPORTS; i++) {
                int women = 300 + random.nextInt(600);
                String district = DISTRICTS[i % 2];
                // A month of its own per district: a file replaces its Puskesmas' months (scope), never another's.
                byte[] file = ServiceHarness.file(9900000001000000L + i * 1000L, women, PUSKESMAS[i % 2], YEAR, 1 + i / 2);
                var res = s.upload(admin, file, "kill-" + i + ".csv");
                assertThat(res.statusCode()).as("upload %d: %s", i, res.asString()).isEqualTo(202);
                long id = res.jsonPath().getLong("id");
                // Mostly within the first 250 ms (a restarted JVM imports these files in about 100-200 ms), now and
                // then anywhere up to the warm-up import's duration.
                long delay = random.nextInt(4) == 0 ? random.nextInt(window) : random.nextInt(250);
                ServiceHarness.sleep(delay);
                s.kill();
                s.start().awaitReady(Duration.ofMinutes(2));

                // Once the recovery has run (5 s without a heartbeat), nothing is left open.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (h.count("select count(*) from import_batch where phase in ('QUEUED', 'READING', 'MERGING')") > 0) {
                    assertThat(System.nanoTime()).as("import %d: a job is still open after the restart", i)
                            .isLessThan(deadline);
                    ServiceHarness.sleep(200);
                }
                JsonPath job = s.job(admin, id);
                String phase = job.getString("phase");
                assertThat(phase).as("job %d after the kill: %s", id, job.getString("message")).isIn("DONE", "FAILED");
                assertThat(job.getString("finishedAt")).isNotNull();
                Map<String, Map<String, Long>> now = new HashMap<>();
                for (String d : DISTRICTS) {
                    now.put(d, s.numerators(admin, d, YEAR));
                }
                Map<String, Map<String, Long>> after = expectedAfter(state, district, women);
                if (phase.equals("DONE")) {
                    assertThat(now).as("import %d DONE: the state after it", i).isEqualTo(after);
                } else {
                    assertThat(now).as("import %d FAILED: the state before it", i).isEqualTo(state);
                    assertThat(job.getString("message")).contains("nothing of it was stored");
                    // The same file again is a new job (a failed one is never returned) and completes.
                    var again = s.upload(admin, file, "kill-" + i + ".csv");
                    assertThat(again.statusCode()).as("re-upload of %d: %s", i, again.asString()).isEqualTo(202);
                    assertThat(s.awaitJob(admin, again.jsonPath().getLong("id"), Duration.ofMinutes(1)).getString("phase"))
                            .isEqualTo("DONE");
                    for (String d : DISTRICTS) {
                        now.put(d, s.numerators(admin, d, YEAR));
                    }
                    assertThat(now).as("import %d, uploaded again: the state after it", i).isEqualTo(after);
                }
                outcomes.add(i + ":" + delay + "ms:" + phase);
                state = now;
            }
            assertThat(h.count("select count(*) from import_batch where phase in ('QUEUED', 'READING', 'MERGING') "
                    + "or finished_at is null")).isZero();
            System.out.printf("KillRestartIT: %d s, window %d ms, kills (import:delay:phase) %s%n",
                    (System.nanoTime() - started) / 1_000_000_000, window, outcomes);
        }
    }

    private static Map<String, Map<String, Long>> expectedAfter(Map<String, Map<String, Long>> before, String district,
            int women) {
        Map<String, Map<String, Long>> after = new HashMap<>();
        before.forEach((d, m) -> after.put(d, new TreeMap<>(m)));
        after.get(district).merge(ServiceHarness.HIV, (long) women, Long::sum);
        return after;
    }
}
