package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.await;
import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static id.spm.api.imports.ImportApi.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.ImportProbe;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The life of an import job (issue 8, findings 3, 5, 6 and 8): every job ends whatever is thrown, jobs
 * of a dead instance are recovered and a live one's are not, the queue is bounded, the same file is
 * imported again when the registry changed, and a commit computes its district-years in the
 * background. District 73.22 (Luwu Utara), its own callers and months of 2023 (2025 for the computation:
 * no rule set covers 2023).
 */
@QuarkusTest
class ImportJobLifecycleTest {

    static final String DISTRICT = "73.22";
    static final String A = ImportResourceTest.A;
    /** Registered by one test only, after its first upload. */
    static final String LATE = "P7322030101";

    @Inject
    TestTokens tokens;
    @Inject
    DataSource dataSource;
    @Inject
    ImportSettings settings;

    @BeforeEach
    void setUp() {
        ImportResourceTest.register(tokens.admin(), A, "Puskesmas Malangke", "73.22.01");
    }

    String importer(String name) {
        return tokens.token(name, List.of(DISTRICT), "importer");
    }

    @Test
    void anErrorThrownInsideAJobEndsItFailedAndTheWorkerRunsTheNextJob() throws SQLException {
        String t = importer("imp-error");
        QuarkusMock.installMockForType(new ImportProbe() {
            @Override
            public void reached(long jobId, ImportProbe.Point at) {
                if (at == ImportProbe.Point.STAGED) {
                    // What a 9 MB workbook whose shared strings expand to 450 MB did (issue 8, finding 3).
                    throw new OutOfMemoryError("injected: Java heap space");
                }
            }
        }, ImportProbe.class);
        long id = upload(t, csv(row("9900000000001101", A, "03/01/2023", true)), "oom.csv", null).then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath job = awaitWithin(t, id, Duration.ofSeconds(20));
        assertThat(job.getString("phase")).isEqualTo("FAILED");
        assertThat(job.getString("finishedAt")).isNotNull();
        assertThat(job.getString("message")).contains("nothing of it was stored").contains("OutOfMemoryError");
        assertThat(count("select count(*) from service_event where import_batch_id = ?", id)).isZero();
        assertThat(spooled(id)).as("the spooled file of an ended job").doesNotExist();

        // The same file again is a new job (a FAILED one is never returned), and the workers still run.
        QuarkusMock.installMockForType(new ImportProbe(), ImportProbe.class);
        var again = upload(t, csv(row("9900000000001101", A, "03/01/2023", true)), "oom.csv", null);
        again.then().statusCode(202);
        JsonPath retried = awaitWithin(t, again.jsonPath().getLong("id"), Duration.ofSeconds(20));
        assertThat(retried.getString("phase")).isEqualTo("DONE");
        assertThat(retried.getLong("summary.created")).isEqualTo(1);
    }

    @Test
    void jobsOfADeadInstanceAreRecoveredAndJobsOfALiveInstanceAreLeftAlone() throws Exception {
        long dead = insertJob("imp-recover", "READING", "dead-instance-1", "now() - interval '1 hour'");
        long deadQueued = insertJob("imp-recover", "QUEUED", "dead-instance-1", "now() - interval '1 hour'");
        long ownerless = insertJob("imp-recover", "MERGING", null, "null");
        // Another replica: alive (its instance row is fresh), even though this job's heartbeat is old.
        sql("insert into import_instance (id, started_at, heartbeat_at) values ('other-replica-1', now(), now()) "
                + "on conflict (id) do update set heartbeat_at = now()");
        long alive = insertJob("imp-recover", "READING", "other-replica-1", "now() - interval '1 hour'");
        try {
            waitUntil(Duration.ofSeconds(30), () -> {
                sql("update import_instance set heartbeat_at = now() where id = 'other-replica-1'");
                return phase(dead).equals("FAILED") && phase(deadQueued).equals("FAILED") && phase(ownerless).equals("FAILED");
            }, "jobs of a dead instance marked FAILED by the periodic recovery");
            sql("update import_instance set heartbeat_at = now() where id = 'other-replica-1'");
            assertThat(phase(alive)).as("a live replica's job").isEqualTo("READING");
            assertThat(text("select message from import_batch where id = ?", dead)).contains("stopped")
                    .contains("nothing of it was stored").contains("dead-instance-1");
            assertThat(text("select finished_at::text from import_batch where id = ?", dead)).isNotNull();
        } finally {
            sql("delete from import_batch where id = " + alive);
            sql("delete from import_instance where id = 'other-replica-1'");
        }
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndKeepsNoFile() throws Exception {
        String t = importer("imp-queue");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch staged = new CountDownLatch(2);
        QuarkusMock.installMockForType(new ImportProbe() {
            @Override
            public void reached(long jobId, ImportProbe.Point at) {
                if (at == ImportProbe.Point.STAGED) {
                    staged.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, ImportProbe.class);
        List<Long> ids = new ArrayList<>();
        try {
            // spm.import.workers=2 run, spm.import.max-queued=2 (test profile) wait.
            for (int i = 0; i < 4; i++) {
                ids.add(upload(t, csv(row("99000000000012" + (10 + i), A, (10 + i) + "/02/2023", true)), "q" + i + ".csv",
                        null).then().statusCode(202).extract().jsonPath().getLong("id"));
                if (i == 1) {
                    assertThat(staged.await(30, TimeUnit.SECONDS)).as("two jobs running").isTrue();
                }
            }
            long spooledBefore = spoolFiles();
            Response full = upload(t, csv(row("9900000000001220", A, "20/02/2023", true)), "q4.csv", null);
            full.then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("30"))
                    .body("code", equalTo("IMPORT_QUEUE_FULL"));
            assertThat(spoolFiles()).as("the refused upload is not spooled").isEqualTo(spooledBefore);
            assertThat(count("select count(*) from import_batch where created_by = ?", "imp-queue")).isEqualTo(4);
        } finally {
            release.countDown();
        }
        for (long id : ids) {
            assertThat(awaitWithin(t, id, Duration.ofSeconds(30)).getString("phase")).isEqualTo("DONE");
        }
        // Room again.
        JsonPath later = run(t, csv(row("9900000000001220", A, "20/02/2023", true)), "q4.csv");
        assertThat(later.getString("phase")).isEqualTo("DONE");
    }

    @Test
    void theSameFileAfterItsPuskesmasIsRegisteredIsImportedAgainAndSaysSo() throws SQLException {
        String t = importer("imp-reupload");
        byte[] file = csv(row("9900000000001301", LATE, "05/03/2023", true), row("9900000000001302", LATE, "06/03/2023",
                true));
        JsonPath first = run(t, file, "hiv-unregistered.csv");
        assertThat(first.getString("phase")).isEqualTo("DONE");
        assertThat(first.getLong("summary.rowsRejected")).isEqualTo(2);
        assertThat(first.getLong("summary.created")).isZero();
        // Unchanged registry: the same file is answered with the earlier job.
        upload(t, file, "hiv-unregistered.csv", null).then().statusCode(200).body("id", equalTo((int) first.getLong("id")));

        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", LATE, "name", "Puskesmas Sabbang", "kecamatanCode", "73.22.03", "population",
                        9000L, "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + LATE).then().statusCode(200);

        var again = upload(t, file, "hiv-unregistered.csv", null);
        again.then().statusCode(202);
        JsonPath second = await(t, again.jsonPath().getLong("id"));
        assertThat(second.getLong("id")).isNotEqualTo(first.getLong("id"));
        assertThat(second.getString("phase")).isEqualTo("DONE");
        assertThat(second.getLong("summary.created")).isEqualTo(2);
        assertThat(second.getList("summary.warnings", String.class)).anySatisfy(w -> assertThat(w)
                .contains("imported again").contains("Puskesmas registry").contains("job " + first.getLong("id")));
        assertThat(count("select count(*) from service_event where import_batch_id = ?", second.getLong("id")))
                .isEqualTo(2);
        // The CLI sends the file's hash as Idempotency-Key: the same rule applies to it.
        byte[] other = csv(row("9900000000001303", LATE, "07/03/2023", true));
        JsonPath keyed = await(t, upload(t, other, "k.csv", "hash-of-k").then().statusCode(202).extract().jsonPath()
                .getLong("id"));
        upload(t, other, "k.csv", "hash-of-k").then().statusCode(200).body("id", equalTo((int) keyed.getLong("id")));
        ImportResourceTest.register(tokens.admin(), LATE, "Puskesmas Sabbang Baru", "73.22.03");
        upload(t, other, "k.csv", "hash-of-k").then().statusCode(202).body("id",
                org.hamcrest.Matchers.not(equalTo((int) keyed.getLong("id"))));
    }

    @Test
    void aCommittedImportComputesItsDistrictYearInTheBackground() throws Exception {
        String t = importer("imp-precompute");
        JsonPath job = run(t, csv(row("9900000000001401", A, "04/04/2025", true), row("9900000000001402", A, "05/04/2025",
                true)), "hiv-apr-2025.csv");
        assertThat(job.getString("phase")).isEqualTo("DONE");
        long version = count("select coalesce(sum(version), 0) from data_version where kabkota_code = ? "
                + "and (year between ? and ? or year = 0)", DISTRICT, 2025 - 5, 2025);
        // No GET /achievements: the import's commit alone computes 2025 (year and quarters).
        waitUntil(Duration.ofSeconds(90),
                () -> count("select count(distinct quarter) from achievement_result where kabkota_code = ? and year = ? "
                        + "and area_code = ? and data_version = ?", DISTRICT, 2025, DISTRICT, version) == 5,
                "achievement_result of 73.22 2025 at data version " + version);
        String admin = tokens.admin();
        JsonPath report = given().auth().oauth2(admin).get("/api/v1/achievements?area=" + DISTRICT + "&year=2025").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getLong("dataVersion")).isEqualTo(version);
    }

    // ---- helpers ------------------------------------------------------------------------------

    static JsonPath awaitWithin(String token, long id, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonPath job = given().auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200).extract()
                    .jsonPath();
            if (List.of("DONE", "FAILED", "REFUSED").contains(job.getString("phase"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %d still %s after %s", id, job.getString("phase"), limit)
                    .isLessThan(deadline);
            sleep(100);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitUntil(Duration limit, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("waiting %s for %s", limit, what).isLessThan(deadline);
            sleep(200);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path spooled(long id) {
        return settings.spoolDir().resolve(id + ".upload");
    }

    long spoolFiles() throws IOException {
        if (!Files.isDirectory(settings.spoolDir())) {
            return 0;
        }
        try (Stream<Path> s = Files.list(settings.spoolDir())) {
            return s.count();
        }
    }

    long insertJob(String createdBy, String phase, String owner, String heartbeat) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into import_batch (created_by, file_name, file_bytes, "
                        + "content_hash, dry_run, all_or_nothing, phase, owner, heartbeat_at, started_at) values (?, "
                        + "'stuck.csv', 10, '00', false, false, ?, ?, " + heartbeat + ", now()) returning id")) {
            ps.setString(1, createdBy);
            ps.setString(2, phase);
            ps.setString(3, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String phase(long id) {
        try {
            return text("select phase from import_batch where id = ?", id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void sql(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Integer n) {
                ps.setShort(i + 1, n.shortValue());
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }
}
