package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
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

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 7, finding 1: a district importer tries every path to take over another district's Puskesmas
 * and data. The registry is the one truth for where a Puskesmas is; facts take their district from it.
 */
@QuarkusTest
class RegistryTakeoverTest {

    /** The victim: Kabupaten Bolaang Mongondow (71.01). */
    static final String VICTIM = "P7101050101";
    /** The attacker's district: Kabupaten Kota Parepare (73.72). */
    static final String ATTACKER_DISTRICT = "73.72";

    @Inject
    TestTokens tokens;
    @Inject
    DataSource dataSource;

    String attacker;

    @BeforeEach
    void setUp() {
        ImportResourceTest.register(tokens.admin(), VICTIM, "Puskesmas Korban", "71.01.05");
        attacker = tokens.token("importer-7372", List.of(ATTACKER_DISTRICT), "importer");
        String owner = tokens.token("importer-7101", List.of("71.01"), "importer");
        if (events("71.01", VICTIM) == 0) {
            JsonPath job = run(owner, csv(row("7101000000000001", VICTIM, "03/01/2024", true),
                    row("7101000000000002", VICTIM, "04/01/2024", false)), "hiv-7101.csv");
            assertThat(job.getString("phase")).isEqualTo("DONE");
        }
    }

    @Test
    void aRegistryFileCannotMoveAnotherDistrictsPuskesmas() {
        JsonPath job = run(attacker, registry(VICTIM + ",Puskesmas Pencuri,73.72.01,,1000"), "puskesmas.csv");
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getLong("summary.rowsRejected")).isEqualTo(1);
        assertThat(job.getLong("summary.created") + job.getLong("summary.updated")).isZero();
        assertThat(registeredKecamatan(VICTIM)).isEqualTo("71.01.05");
    }

    @Test
    void aRestUpdateCannotMoveItEitherNorRegisterAForeignCode() {
        given().auth().oauth2(attacker).contentType(ContentType.JSON)
                .body(Map.of("code", VICTIM, "name", "Pencuri", "kecamatanCode", "73.72.01", "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + VICTIM).then().statusCode(400).body("code", equalTo("PUSKESMAS_CODE_MISMATCH"));
        given().auth().oauth2(attacker).contentType(ContentType.JSON)
                .body(Map.of("code", "P7101059999", "name", "Siluman", "kecamatanCode", "73.72.01", "desaCodes", List.of()))
                .post("/api/v1/puskesmas").then().statusCode(400).body("code", equalTo("PUSKESMAS_CODE_MISMATCH"));
        assertThat(registeredKecamatan(VICTIM)).isEqualTo("71.01.05");
        assertThat(registeredKecamatan("P7101059999")).isNull();
    }

    @Test
    void anImportForTheVictimsPuskesmasTouchesNothingOfTheVictim() {
        long before = events("71.01", VICTIM);
        JsonPath job = run(attacker, csv(row("7101000000000001", VICTIM, "05/01/2024", true)), "hiv-attack.csv");
        assertThat(job.getLong("summary.rowsRejected")).isEqualTo(1);
        assertThat(job.getList("summary.errors.code")).contains("AREA_NOT_COVERED");
        assertThat(events("71.01", VICTIM)).isEqualTo(before);
    }

    @Test
    void aSplitCodeNeedsAnExceptionFromAnAdminOfBothAndItsFactsTakeTheRegistrysDistrict() {
        String code = "P7101058888";
        Map<String, String> exception = Map.of("kecamatanCode", "73.72.01", "reason", "kept after a district split");
        // An admin of only one of the two areas cannot record the exception.
        given().auth().oauth2(tokens.token("admin-7372", List.of(ATTACKER_DISTRICT), "admin")).contentType(ContentType.JSON)
                .body(exception).put("/api/v1/puskesmas/" + code + "/code-exception").then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(tokens.token("admin-both", List.of("71.01", ATTACKER_DISTRICT), "admin"))
                .contentType(ContentType.JSON).body(exception).put("/api/v1/puskesmas/" + code + "/code-exception")
                .then().statusCode(200).body("recordedBy", equalTo("admin-both"));
        given().auth().oauth2(attacker).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Puskesmas Pindahan", "kecamatanCode", "73.72.01", "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200).body("kabkotaCode", equalTo(ATTACKER_DISTRICT));
        JsonPath job = run(attacker, csv(row("7318000000000003", code, "06/01/2024", true)), "hiv-split.csv");
        assertThat(job.getLong("summary.created")).isEqualTo(1);
        // Stored under the registry's district (73.72), not the digits' (71.01).
        assertThat(events(ATTACKER_DISTRICT, code)).isEqualTo(1);
        assertThat(events("71.01", code)).isZero();
    }

    @Test
    void movingWithinOnesOwnAreasNeedsRightsOverBoth() {
        String code = "P7101057777";
        Map<String, String> exception = Map.of("kecamatanCode", "71.01.09", "reason", "kecamatan split");
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(exception)
                .put("/api/v1/puskesmas/" + code + "/code-exception").then().statusCode(200);
        ImportResourceTest.register(tokens.admin(), code, "Puskesmas Lama", "71.01.05");
        // Rights over the kecamatan it joins only: refused.
        JsonPath job = run(tokens.token("importer-710109", List.of("71.01.09"), "importer"),
                registry(code + ",Puskesmas Lama,71.01.09,,1000"), "puskesmas-move.csv");
        assertThat(job.getLong("summary.rowsRejected")).isEqualTo(1);
        assertThat(registeredKecamatan(code)).isEqualTo("71.01.05");
        // Rights over both: moved.
        job = run(tokens.token("importer-7101", List.of("71.01"), "importer"),
                registry(code + ",Puskesmas Lama,71.01.09,,1000"), "puskesmas-move2.csv");
        assertThat(job.getLong("summary.updated")).isEqualTo(1);
        assertThat(registeredKecamatan(code)).isEqualTo("71.01.09");
    }

    static byte[] registry(String... rows) {
        return ("Kode Puskesmas,Nama Puskesmas,Kode Kecamatan,Kode Desa Wilayah Kerja,Penduduk Wilayah Kerja\r\n"
                + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String registeredKecamatan(String code) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select kecamatan_code from puskesmas where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long events(String kabkota, String puskesmas) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from service_event where kabkota_code = ? and puskesmas_code = ?")) {
            ps.setString(1, kabkota);
            ps.setString(2, puskesmas);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
