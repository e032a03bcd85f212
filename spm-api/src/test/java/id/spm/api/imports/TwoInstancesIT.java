package id.spm.api.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

/**
 * Two instances of the packaged service on one PostgreSQL (the Kubernetes manifest runs 2 replicas),
 * importing different files and reading achievements at once (issue 8, finding 6): no 5xx, every job
 * DONE, both instances answer the same figures, and those are the files' women.
 */
class TwoInstancesIT {

    static final int YEAR = 2025;
    static final String D1 = "73.22";
    static final String D2 = "73.26";
    static final String[] PUSKESMAS = { "P7322010101", "P7322020101", "P7326010101" };
    static final String[] KECAMATAN = { "73.22.01", "73.22.02", "73.26.01" };
    static final int FILES = 8;
    static final int WOMEN = 20;

    @TempDir
    Path dir;

    @Test
    void twoInstancesImportAndReadAtOnceWithoutErrorsAndAgree() throws Exception {
        long started = System.nanoTime();
        try (ServiceHarness h = new ServiceHarness(dir)) {
            Map<String, String> settings = Map.of("spm.import.heartbeat-interval", "1s", "spm.import.heartbeat-timeout",
                    "10s");
            ServiceHarness.Service a = h.service("instance-a", settings).start();
            ServiceHarness.Service b = h.service("instance-b", settings).start();
            // Both start at once on the empty database: migrations and the region list once, no failure.
            a.awaitReady(Duration.ofMinutes(3));
            b.awaitReady(Duration.ofMinutes(3));
            String admin = h.token("it-admin", List.of("*"), "admin", "importer", "viewer");
            for (int i = 0; i < PUSKESMAS.length; i++) {
                (i % 2 == 0 ? a : b).register(admin, PUSKESMAS[i], "Puskesmas IT " + i, KECAMATAN[i]);
            }
            String[] importers = { h.token("it-importer-a", List.of(D1, D2), "importer", "viewer"),
                    h.token("it-importer-b", List.of(D1, D2), "importer", "viewer") };
            ServiceHarness.Service[] both = { a, b };
            Map<String, Long> hivExpected = new java.util.TreeMap<>(Map.of(D1, 0L, D2, 0L));

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean importing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(FILES + 4);
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                ServiceHarness.Service s = both[r % 2];
                String area = r < 2 ? D1 : D2;
                readers.add(pool.submit(() -> {
                    while (importing.get()) {
                        var resp = given().baseUri(s.base()).auth().oauth2(admin)
                                .get("/api/v1/achievements?area=" + area + "&year=" + YEAR);
                        int status = resp.statusCode();
                        if (status != 200) {
                            failures.add(
                                    s.name + " GET /achievements " + area + " answered " + status + ": " + resp.asString());
                        }
                    }
                    return null;
                }));
            }
            CyclicBarrier go = new CyclicBarrier(FILES);
            List<Future<JsonPath>> jobs = new ArrayList<>();
            for (int f = 0; f < FILES; f++) {
                int i = f;
                String pkm = PUSKESMAS[i % PUSKESMAS.length];
                hivExpected.merge(pkm.startsWith("P7322") ? D1 : D2, (long) WOMEN, Long::sum);
                jobs.add(pool.submit(() -> {
                    ServiceHarness.Service s = both[i % 2];
                    String t = importers[i % 2];
                    byte[] file = ServiceHarness.file(9900000000200000L + i * 1000L, WOMEN, pkm, YEAR, 1 + i);
                    go.await(60, TimeUnit.SECONDS);
                    var res = s.upload(t, file, "it-" + i + ".csv");
                    if (res.statusCode() != 202) {
                        failures.add(s.name + " POST /imports answered " + res.statusCode() + ": " + res.asString());
                        return null;
                    }
                    return s.awaitJob(t, res.jsonPath().getLong("id"), Duration.ofMinutes(3));
                }));
            }
            for (Future<JsonPath> f : jobs) {
                JsonPath job = f.get(5, TimeUnit.MINUTES);
                if (job != null) {
                    assertThat(job.getString("phase")).as("job %s: %s", job.getLong("id"), job.getString("message"))
                            .isEqualTo("DONE");
                    assertThat(job.getLong("summary.created")).isEqualTo(WOMEN);
                }
            }
            importing.set(false);
            for (Future<?> r : readers) {
                r.get(2, TimeUnit.MINUTES);
            }

            // A burst of first readers on both instances right after the data changed: both compute and store.
            var last = a.upload(importers[0], ServiceHarness.file(9900000000290000L, 1, PUSKESMAS[0], YEAR, 12),
                    "it-last.csv");
            assertThat(a.awaitJob(importers[0], last.jsonPath().getLong("id"), Duration.ofMinutes(2)).getString("phase"))
                    .isEqualTo("DONE");
            hivExpected.merge(D1, 1L, Long::sum);
            CyclicBarrier burst = new CyclicBarrier(6);
            List<Future<?>> gets = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                ServiceHarness.Service s = both[r % 2];
                gets.add(pool.submit(() -> {
                    burst.await(60, TimeUnit.SECONDS);
                    for (int q = 0; q <= 4; q++) {
                        String query = "/api/v1/achievements?area=" + D1 + "&year=" + YEAR + (q == 0 ? "" : "&quarter=" + q);
                        int status = given().baseUri(s.base()).auth().oauth2(admin).get(query).then().extract()
                                .statusCode();
                        if (status != 200) {
                            failures.add(s.name + " burst GET " + query + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> g : gets) {
                g.get(3, TimeUnit.MINUTES);
            }
            pool.shutdownNow();
            assertThat(failures).as("answers other than 2xx").isEmpty();

            for (String d : List.of(D1, D2)) {
                Map<String, Long> onA = a.numerators(admin, d, YEAR);
                Map<String, Long> onB = b.numerators(admin, d, YEAR);
                assertThat(onB).as("district %s on both instances", d).isEqualTo(onA);
                assertThat(onA.get(ServiceHarness.HIV)).as("HIV numerator of %s", d).isEqualTo(hivExpected.get(d));
            }
            assertThat(h.count("select count(*) from import_batch where phase <> 'DONE'")).isZero();
            assertThat(h.count("select count(distinct owner) from import_batch")).as("jobs of both instances")
                    .isEqualTo(2);
            assertThat(h.count("select count(*) from (select kabkota_code, year, quarter, area_code from "
                    + "achievement_result group by 1, 2, 3, 4 having count(*) > 1) d")).isZero();
            System.out.printf("TwoInstancesIT: %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        }
    }
}
