package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.await;
import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static id.spm.api.imports.ImportApi.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.spm.api.TestTokens;
import id.spm.api.model.ImportPhase;
import id.spm.api.repository.ImportJobs;
import id.spm.api.repository.ImportProbe;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Imports through the API against the embedded PostgreSQL: each test uses its own caller (so
 * content-hash idempotency does not join tests), its own NIKs and months of 2024, in a district
 * no other test uses.
 */
@QuarkusTest
class ImportResourceTest {

    /** A district of its own (Luwu Utara), so these imports never touch other tests' data. */
    static final String DISTRICT = "73.22";
    static final String A = "P7322010101";
    static final String B = "P7322020101";

    @Inject
    TestTokens tokens;
    @Inject
    DataSource dataSource;
    @Inject
    ImportJobs jobs;

    @BeforeEach
    void setUp() {
        register(tokens.admin(), A, "Puskesmas Malangke", "73.22.01");
        register(tokens.admin(), B, "Puskesmas Bone Bone", "73.22.02");
    }

    static void register(String admin, String code, String name, String kecamatan) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kecamatanCode", kecamatan, "population", 10000L, "desaCodes",
                        List.of()))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200);
    }

    String importer(String name) {
        return tokens.token(name, List.of(DISTRICT), "importer");
    }

    @Test
    void importsAFileAndBumpsTheVersionOfItsDistrictYear() throws SQLException {
        String t = importer("imp-success");
        long before = version(DISTRICT, 2024);
        var res = upload(t, csv(row("9900000000000101", A, "03/01/2024", true), row("9900000000000102", A,
                "04/01/2024", false), row("9900000000000101", A, "20/01/2024", true)), "hiv-jan.csv", null);
        res.then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/imports/"
                + res.jsonPath().getLong("id")));
        JsonPath job = await(t, res.jsonPath().getLong("id"));
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getString("layout")).isEqualTo("hiv-tes");
        assertThat(job.getMap("summary")).containsEntry("rowsRead", 3).containsEntry("created", 3)
                .containsEntry("updated", 0).containsEntry("unchanged", 0).containsEntry("rowsRejected", 0)
                .containsEntry("persons", 2);
        assertThat(job.getLong("progress.rowsRead")).isEqualTo(3);
        assertThat(count("select count(*) from service_event where import_batch_id = ?", job.getLong("id"))).isEqualTo(3);
        assertThat(version(DISTRICT, 2024)).isEqualTo(before + 1);
        assertThat(job.getList("scope.code")).containsExactly(A);
        assertThat(job.getString("scope[0].from")).isEqualTo("2024-01-01");
        assertThat(job.getString("scope[0].to")).isEqualTo("2024-01-31");
        // Listed among the caller's jobs, not among another importer's.
        given().auth().oauth2(t).get("/api/v1/imports").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) job.getLong("id")));
        given().auth().oauth2(importer("imp-other")).get("/api/v1/imports").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) job.getLong("id"))));
        given().auth().oauth2(importer("imp-other")).get("/api/v1/imports/" + job.getLong("id")).then().statusCode(404)
                .body("code", equalTo("IMPORT_NOT_FOUND"));
    }

    @Test
    void rejectedCellsAreLocatedAndTheOtherRowsImported() throws SQLException {
        String t = importer("imp-errors");
        JsonPath job = run(t, csv(row("9900000000000201", A, "02/02/2024", true), row("9900000000000202", A,
                "31/02/2024", true), row("990000000000203", A, "03/02/2024", false)), "hiv-feb.csv");
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getLong("summary.rowsRejected")).isEqualTo(2);
        assertThat(job.getLong("summary.created")).isEqualTo(1);
        Map<String, Object> date = error(job, "INVALID_DATE");
        assertThat(date).containsEntry("sheet", "hiv-feb.csv").containsEntry("row", 3).containsEntry("column", "G")
                .containsEntry("header", "Tanggal Tercatat").containsEntry("value", "31/02/2024");
        assertThat((String) date.get("reason")).isNotBlank();
        Map<String, Object> nik = error(job, "NIK_INVALID");
        assertThat(nik).containsEntry("row", 4).containsEntry("column", "A").containsEntry("header", "NIK");
        assertThat((String) nik.get("value")).doesNotContain("990000000000203").startsWith("9900");
        // Row 3 has two impossible dates (recorded and tested), row 4 a short NIK: three cells.
        assertThat(count("select count(*) from import_error where import_batch_id = ?", job.getLong("id"))).isEqualTo(3);
        assertThat(count("select count(*) from service_event where import_batch_id = ?", job.getLong("id"))).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoExportIsRefusedWithNothingStored() throws SQLException {
        String t = importer("imp-refused");
        JsonPath job = run(t, "Nama,Alamat\nBudi,Makale\n".getBytes(), "kontak.csv");
        assertThat(job.getString("phase")).isEqualTo("REFUSED");
        assertThat(job.getString("summary.refusalCode")).isEqualTo("NO_HEADER");
        assertThat(job.getString("message")).contains("No row");
        assertThat(count("select count(*) from service_event where import_batch_id = ?", job.getLong("id"))).isZero();
        JsonPath binary = run(t, new byte[] { 'N', 'I', 'K', 0, 0, 1, 2 }, "binary.csv");
        assertThat(binary.getString("phase")).isEqualTo("REFUSED");
    }

    @Test
    void theSameFileAgainReturnsTheEarlierJobAndChangesNothing() throws SQLException {
        String t = importer("imp-same-file");
        byte[] file = csv(row("9900000000000301", A, "06/03/2024", true));
        JsonPath first = run(t, file, "hiv-mar.csv");
        long v = version(DISTRICT, 2024);
        upload(t, file, "renamed.csv", null).then().statusCode(200).body("id", equalTo((int) first.getLong("id")))
                .body("phase", equalTo("DONE"));
        assertThat(version(DISTRICT, 2024)).isEqualTo(v);
        assertThat(count("select count(*) from import_batch where created_by = ?", "imp-same-file")).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheEarlierJobAndRefusesAnotherFile() throws SQLException {
        String t = importer("imp-key");
        byte[] file = csv(row("9900000000000401", A, "07/04/2024", true));
        long id = upload(t, file, "hiv-apr.csv", "cron-2024-04").then().statusCode(202).extract().jsonPath().getLong("id");
        await(t, id);
        upload(t, file, "hiv-apr.csv", "cron-2024-04").then().statusCode(200).body("id", equalTo((int) id));
        upload(t, csv(row("9900000000000402", A, "08/04/2024", true)), "other.csv", "cron-2024-04").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("select count(*) from import_batch where created_by = ?", "imp-key")).isEqualTo(1);
    }

    @Test
    void aCorrectedFileReplacesItsScopeAndItsDryRunPreviewsTheRemovalAndTheNumerators() throws SQLException {
        String t = importer("imp-replace");
        String r1 = row("9900000000000501", B, "02/05/2024", true);
        String r2 = row("9900000000000502", B, "10/05/2024", true);
        String r3 = row("9900000000000503", B, "20/05/2024", true);
        String elsewhere = row("9900000000000504", B, "15/06/2024", true);
        run(t, csv(elsewhere), "hiv-jun.csv");
        JsonPath first = run(t, csv(r1, r2, r3), "hiv-may.csv");
        assertThat(first.getLong("summary.created")).isEqualTo(3);
        long v = version(DISTRICT, 2024);

        // r1 corrected (not tested after all), r2 the same, r3 gone.
        byte[] corrected = csv(row("9900000000000501", B, "02/05/2024", false), r2);
        JsonPath dry = run(t, corrected, "hiv-may-v2.csv", "dryRun", true);
        assertThat(dry.getString("phase")).isEqualTo("DONE");
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getMap("summary")).containsEntry("created", 1).containsEntry("updated", 0)
                .containsEntry("unchanged", 1).containsEntry("removed", 2);
        assertThat(dry.getList("summary.removedSample.naturalKey", String.class))
                .containsExactly("2024-05-02|PREGNANT_WOMAN|2024-05-02|R1", "2024-05-20|PREGNANT_WOMAN|2024-05-20|R1");
        assertThat(dry.getList("summary.removals.rows", Integer.class)).containsExactly(2);
        // The consequences: the HIV numerator of Puskesmas B and its district drop by the two tested women.
        List<Map<String, Object>> impact = dry.getList("summary.impact");
        assertThat(impact).as("impact %s", impact)
                .filteredOn(i -> i.get("service").equals("1.02.02.2.02.0012") && i.get("area").equals(B))
                .singleElement().satisfies(i -> assertThat(((Number) i.get("before")).longValue()
                        - ((Number) i.get("after")).longValue()).isEqualTo(2));
        assertThat(impact).extracting(i -> i.get("area")).contains(DISTRICT, B);
        // Nothing changed.
        assertThat(version(DISTRICT, 2024)).isEqualTo(v);
        assertThat(count("select count(*) from service_event where import_batch_id = ?", first.getLong("id"))).isEqualTo(3);

        JsonPath real = run(t, corrected, "hiv-may-v2.csv");
        assertThat(real.getMap("summary")).containsEntry("created", 1).containsEntry("unchanged", 1)
                .containsEntry("removed", 2);
        assertThat(count("select count(*) from service_event where puskesmas_code = ? and layout = 'hiv-tes' "
                + "and event_date between '2024-05-01' and '2024-05-31'", B)).isEqualTo(2);
        // June is outside the corrected file's months: untouched.
        assertThat(count("select count(*) from service_event where puskesmas_code = ? and layout = 'hiv-tes' "
                + "and event_date between '2024-06-01' and '2024-06-30'", B)).isEqualTo(1);
        assertThat(version(DISTRICT, 2024)).isEqualTo(v + 1);
    }

    @Test
    void allOrNothingRefusesAFileWithARejectedRow() throws SQLException {
        String t = importer("imp-aon");
        long v = version(DISTRICT, 2024);
        JsonPath job = run(t, csv(row("9900000000000601", A, "05/07/2024", true), row("9900000000000602", A,
                "32/07/2024", true)), "hiv-jul.csv", "allOrNothing", true);
        assertThat(job.getString("phase")).isEqualTo("REFUSED");
        assertThat(job.getString("message")).contains("allOrNothing");
        assertThat(job.getLong("summary.rowsRejected")).isEqualTo(1);
        assertThat(error(job, "INVALID_DATE")).containsEntry("row", 3);
        assertThat(count("select count(*) from service_event where natural_key like '2024-07-05|%' and puskesmas_code = ?",
                A)).isZero();
        assertThat(version(DISTRICT, 2024)).isEqualTo(v);
    }

    @Test
    void anImporterOfOnePuskesmasCannotImportRowsOfAnother() throws SQLException {
        String t = tokens.token("imp-pkm-a", List.of(A), "importer");
        JsonPath job = run(t, csv(row("9900000000000701", A, "03/08/2024", true), row("9900000000000702", B,
                "04/08/2024", true)), "hiv-aug.csv");
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getLong("summary.created")).isEqualTo(1);
        assertThat(error(job, "AREA_NOT_COVERED")).containsEntry("row", 3).containsEntry("column", "E")
                .containsEntry("header", "Kode Puskesmas").containsEntry("value", B);
        assertThat(count("select count(*) from service_event where import_batch_id = ? and puskesmas_code = ?",
                job.getLong("id"), B)).isZero();
        // A viewer cannot import at all.
        upload(tokens.token("viewer-a", List.of(A), "viewer"), csv(row("9900000000000703", A, "05/08/2024", true)),
                "v.csv", null).then().statusCode(403);
    }

    /** Where the import is killed: an exception, or its database connection closed under it. */
    enum Kill {
        EXCEPTION,
        CONNECTION
    }

    @ParameterizedTest
    @ValueSource(strings = { "EXCEPTION|removed", "EXCEPTION|persons", "EXCEPTION|upserted", "CONNECTION|upserted" })
    void aKilledImportLeavesNothingBehind(String how) throws SQLException {
        Kill kill = Kill.valueOf(how.substring(0, how.indexOf('|')));
        String point = how.substring(how.indexOf('|') + 1);
        ImportProbe.Point where = ImportProbe.Point.valueOf(point.toUpperCase(java.util.Locale.ROOT));
        String t = importer("imp-kill-" + kill + "-" + point);
        String month = String.format("%02d", 9 + List.of("removed", "persons", "upserted").indexOf(point));
        String nik = "99000000000008" + month;
        run(t, csv(row(nik, A, "01/" + month + "/2024", true)), "before.csv");
        long v = version(DISTRICT, 2024);
        QuarkusMock.installMockForType(new ImportProbe() {
            @Override
            public void reached(long jobId, ImportProbe.Point at) {
                if (at != where) {
                    return;
                }
                if (kill == Kill.EXCEPTION) {
                    throw new IllegalStateException("injected failure at " + at);
                }
                // The import's backend holds the district's advisory lock: terminate it.
                try (Connection c = dataSource.getConnection();
                        PreparedStatement ps = c.prepareStatement(
                                "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted "
                                        + "and pid <> pg_backend_pid()")) {
                    ps.executeQuery().close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, ImportProbe.class);
        JsonPath job = run(t, csv(row(nik, A, "01/" + month + "/2024", false), row("99000000000009" + month, A,
                "02/" + month + "/2024", true)), "killed.csv");
        assertThat(job.getString("phase")).isEqualTo("FAILED");
        assertThat(job.getString("message")).contains("nothing of it was stored");
        long id = job.getLong("id");
        assertThat(count("select count(*) from service_event where import_batch_id = ?", id)).isZero();
        assertThat(count("select count(*) from person where import_batch_id = ?", id)).isZero();
        // The earlier row is still there as it was (neither removed nor updated).
        assertThat(count("select count(*) from service_event where natural_key = ? and puskesmas_code = ?",
                "2024-" + month + "-01|PREGNANT_WOMAN|2024-" + month + "-01|R1", A)).isEqualTo(1);
        assertThat(version(DISTRICT, 2024)).isEqualTo(v);
    }

    @Test
    void jobsInterruptedByARestartAreMarkedFailed() throws SQLException {
        long id;
        try (Connection c = dataSource.getConnection()) {
            id = jobs.insert(c, new ImportJobs.NewJob("imp-crash", "crashed.csv", 10, "00", null, null, false, false));
            // Written by a process that stopped a minute ago, before owners were recorded.
            try (PreparedStatement ps = c.prepareStatement("update import_batch set phase = 'MERGING', "
                    + "heartbeat_at = null, started_at = now() - interval '1 minute' where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        // This instance's own periodic sweep may have been first; either way the job ends FAILED.
        jobs.recoverDead(java.time.Duration.ofSeconds(5));
        assertThat(jobs.find(id)).get().satisfies(j -> {
            assertThat(j.phase()).isEqualTo(ImportPhase.FAILED);
            assertThat(j.message()).contains("stopped");
            assertThat(j.finishedAt()).isNotNull();
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(JsonPath job, String code) {
        List<Map<String, Object>> groups = job.getList("summary.errors");
        Map<String, Object> group = groups.stream().filter(g -> code.equals(g.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + groups));
        return ((List<Map<String, Object>>) group.get("errors")).get(0);
    }

    long version(String kabkota, int year) throws SQLException {
        return count("select coalesce(max(version), 0) from data_version where kabkota_code = ? and year = ?", kabkota,
                year);
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Integer n) {
                    ps.setShort(i + 1, n.shortValue());
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
