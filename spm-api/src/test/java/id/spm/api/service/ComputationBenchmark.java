package id.spm.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;

import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.model.PersonRecord;
import id.spm.sample.PopulationGenerator;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmarks of the computation path (issue 13), NOT part of the normal test run (the name does not match
 * surefire's patterns); run alone with
 *
 * <pre>
 * ./mvnw -q -pl spm-api -am verify -DskipITs -Dtest=ComputationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * (settings: {@code -Dbench.population=250000 -Dbench.runs=3 -Dbench.seconds=20 -Dbench.connections=16}). It loads a
 * generated Tana Toraja (73.18, spm-sample's {@link PopulationGenerator}, the demo's generator) of
 * {@code bench.population} persons for one year into the embedded PostgreSQL, then prints:
 * <ol>
 * <li>the physical reference: {@code COPY (select … the computation's event rows …) TO STDOUT} into a null sink
 * (pgjdbc CopyManager); the bare computation of the year ({@link AchievementService#evaluate}, nothing stored); the
 * first computation of the year and its four quarters as after an import ({@link AchievementService#precompute}:
 * stored, with decisions); the first uncached {@code GET /api/v1/achievements} of the year through HTTP; each with its
 * ratio to the COPY;</li>
 * <li>the cached {@code GET /api/v1/achievements?area=73.18&year=..} p50/p99 under {@code bench.connections} closed-loop
 * JDK HttpClient workers vs {@code GET /q/health/live} in the same run (alternating phases), with the p99 ratio.</li>
 * </ol>
 * Results are also appended to {@code target/benchmark.txt}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputationBenchmark {

    static final String DISTRICT = DemoLoader.DISTRICT;
    static final int YEAR = 2025;
    static final int POPULATION = Integer.getInteger("bench.population", 250_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);

    private static boolean loaded;
    private static long events;
    private static int persons;

    @Inject
    AchievementService achievements;
    @Inject
    DemoLoader demo;
    @Inject
    FactRepository facts;
    @Inject
    DataSource dataSource;
    @Inject
    TestTokens tokens;
    @Inject
    id.spm.api.repository.DataVersionRepository versions;
    @Inject
    id.spm.api.repository.TargetRepository targetRows;
    @Inject
    id.spm.api.repository.PopulationRepository population;

    @TestHTTPResource("/")
    URL base;

    void load() {
        if (loaded) {
            return;
        }
        long started = System.nanoTime();
        PopulationGenerator gen = PopulationGenerator.tanaToraja(20_240_601L, POPULATION, YEAR);
        demo.writeRegistry(gen.puskesmas());
        writeYear(gen);
        List<PersonRecord> chunk = new ArrayList<>(5_000);
        for (PersonRecord p : gen) {
            chunk.add(p);
            persons++;
            if (chunk.size() == 5_000) {
                events += facts.write(DISTRICT, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            events += facts.write(DISTRICT, chunk);
        }
        facts.writeMonthlyCounts(DISTRICT, gen.monthlyCounts());
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("analyze");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        loaded = true;
        print("loaded %s %d: %,d persons, %,d events in %.1f s", DISTRICT, YEAR, persons, events,
                (System.nanoTime() - started) / 1e9);
    }

    /** The sasaran, population and mutu rows of the generated year, as the demo loader writes a year's. */
    @jakarta.transaction.Transactional
    void writeYear(PopulationGenerator gen) {
        for (id.spm.sample.SampleTarget t : gen.targets()) {
            id.spm.api.entity.TargetRow e = new id.spm.api.entity.TargetRow();
            e.areaCode = t.regionCode();
            e.kabkotaCode = DISTRICT;
            e.year = (short) t.year();
            e.serviceCode = t.service().code();
            e.amount = t.amount();
            e.source = DemoLoader.source(t.source());
            e.note = t.note();
            e.createdBy = "bench";
            targetRows.add(e);
        }
        population.replace(DISTRICT, YEAR, gen.population().stream()
                .map(r -> new id.spm.api.repository.PopulationRepository.PopulationRow(r.regionCode(), r.year(),
                        r.ageGroup(), r.male(), r.female()))
                .toList());
        population.addQualityItems(DISTRICT, gen.mutu().stream()
                .map(m -> new id.spm.api.repository.PopulationRepository.QualityItemRow(m.regionCode(), m.year(),
                        m.quarter(), m.service().code(),
                        id.spm.sample.SampleMutuRow.KIND_GOODS.equals(m.kind()) ? "GOODS" : "STAFF", m.item(), m.unit(),
                        java.math.BigDecimal.valueOf(m.need()), java.math.BigDecimal.valueOf(m.stock()), m.unitPrice()))
                .toList());
        versions.bump(DISTRICT, YEAR);
    }

    @Test
    @Order(1)
    void computationVsCopy() throws Exception {
        load();
        print("== computation of a district-year vs COPY of its event rows (%s)", uptime());
        double copy = Double.MAX_VALUE;
        double bare = Double.MAX_VALUE;
        double first = Double.MAX_VALUE;
        double get = Double.MAX_VALUE;
        String token = tokens.admin();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Warm up the JIT once on the bare computation.
        bare();
        for (int run = 0; run < RUNS; run++) {
            double c = copy();
            double b = bare();
            versions.bump(DISTRICT, YEAR);
            double p = timed(() -> inRequest(() -> achievements.precompute(DISTRICT, YEAR)));
            versions.bump(DISTRICT, YEAR);
            double g = timed(() -> {
                HttpResponse<String> r = send(http, token, "api/v1/achievements?area=" + DISTRICT + "&year=" + YEAR);
                assertThat(r.statusCode()).isEqualTo(200);
            });
            print("run %d: COPY %.2f s, bare year %.2f s (%.1f×), year+4 quarters stored %.2f s (%.1f×), "
                    + "uncached GET year %.2f s (%.1f×)", run + 1, c, b, b / c, p, p / c, g, g / c);
            copy = Math.min(copy, c);
            bare = Math.min(bare, b);
            first = Math.min(first, p);
            get = Math.min(get, g);
        }
        print("best of %d: COPY %.2f s (%,.0f rows/s) | bare computation of the year %.2f s = %.2f× COPY | "
                + "year + 4 quarters, stored %.2f s = %.2f× COPY | first GET of the year %.2f s = %.2f× COPY (%s)", RUNS,
                copy, events / copy, bare, bare / copy, first, first / copy, get, get / copy, uptime());
    }

    @Test
    @Order(2)
    void cachedGetVsHealth() throws Exception {
        load();
        String token = tokens.admin();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).build();
        String achievementsPath = "api/v1/achievements?area=" + DISTRICT + "&year=" + YEAR;
        HttpResponse<String> warm = send(http, token, achievementsPath);
        assertThat(warm.statusCode()).isEqualTo(200);
        print("== cached GET /%s (%,d bytes) vs GET /q/health/live, %d connections, 2 × %d s each (%s)",
                achievementsPath, warm.body().length(), CONNECTIONS, SECONDS / 2, uptime());
        // Warm-up of both paths.
        load(http, token, "q/health/live", 3);
        load(http, token, achievementsPath, 3);
        List<Long> health = new ArrayList<>();
        List<Long> ach = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            health.addAll(load(http, token, "q/health/live", SECONDS / 2));
            ach.addAll(load(http, token, achievementsPath, SECONDS / 2));
        }
        long[] h = health.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] a = ach.stream().mapToLong(Long::longValue).sorted().toArray();
        print("health/live: %,d requests, %,.0f req/s, p50 %.2f ms, p99 %.2f ms", h.length, h.length / (double) SECONDS,
                pct(h, 50), pct(h, 99));
        print("achievements: %,d requests, %,.0f req/s, p50 %.2f ms, p99 %.2f ms", a.length, a.length / (double) SECONDS,
                pct(a, 50), pct(a, 99));
        print("p99 ratio achievements / health = %.2f× (%s)", pct(a, 99) / pct(h, 99), uptime());
    }

    /** Closed loop: each worker sends the next request when the last answered; latencies in ns. */
    private List<Long> load(HttpClient http, String token, String path, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> running = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < CONNECTIONS; i++) {
            running.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = send(http, token, path);
                    long d = System.nanoTime() - t;
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<Long> out = new ArrayList<>();
        for (Future<long[]> f : running) {
            for (long l : f.get()) {
                out.add(l);
            }
        }
        pool.shutdown();
        assertThat(errors.get()).as("non-200 answers of " + path).isZero();
        return out;
    }

    private HttpResponse<String> send(HttpClient http, String token, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** COPY of the event rows the computation reads (its own select), to a null sink. */
    private double copy() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            long t = System.nanoTime();
            // The computation's own select, its parameters written in (COPY takes none).
            String select = FactRepository.EVENTS_OF_DISTRICT.replaceFirst("\\?", "'" + DISTRICT + "'")
                    .replaceFirst("\\?", String.valueOf(YEAR - 5)).replaceFirst("\\?", String.valueOf(YEAR));
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + select + ") to stdout",
                    OutputStream.nullOutputStream());
            return (System.nanoTime() - t) / 1e9;
        }
    }

    private double bare() throws Exception {
        return timed(() -> inRequest(() -> {
            AchievementService.Unit unit = achievements.unitOf(DISTRICT);
            RuleSet rs = RuleSets.forPeriod(Period.ofYear(YEAR)).orElseThrow();
            AchievementService.Computed c = achievements.evaluate(unit, Period.ofYear(YEAR), rs,
                    achievements.version(unit, YEAR), null);
            assertThat(c.persons()).isPositive();
            return c;
        }));
    }

    private static <T> T inRequest(java.util.concurrent.Callable<T> work) throws Exception {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return work.call();
        } finally {
            request.terminate();
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static double timed(Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static String uptime() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (Exception e) {
            return "load average unknown";
        }
    }

    private static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + line);
        try {
            Files.writeString(Path.of("target/benchmark.txt"), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (Exception e) {
            // the console line is enough
        }
    }
}
