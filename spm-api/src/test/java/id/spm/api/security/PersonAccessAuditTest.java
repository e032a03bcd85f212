package id.spm.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Issue 7, finding 7: every person-level read is in an audit trail admins can query; lookups are throttled. */
@QuarkusTest
class PersonAccessAuditTest {

    /** Kota Palopo: a district of its own. */
    static final String DISTRICT = "73.73";
    static final String PKM = "P7373010101";
    static final String NIK = "7373014506900001";

    @Inject
    TestTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Wara", "kecamatanCode", "73.73.01", "population", 10000L,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
        String importer = tokens.token("importer-7373", List.of(DISTRICT), "importer");
        String csv = "NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kode Puskesmas,Kelompok Risiko,Tanggal Tercatat,Tanggal Tes,"
                + "Jenis Tes,Hasil\r\n" + NIK + ",Ibu Audit,12/05/1990,P," + PKM + ",Ibu Hamil,10/03/2024,,,\r\n";
        long id = given().auth().oauth2(importer).multiPart("file", "hiv-audit.csv", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv").post("/api/v1/imports").then().extract().jsonPath().getLong("id");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!List.of("DONE", "FAILED", "REFUSED").contains(given().auth().oauth2(importer)
                .get("/api/v1/imports/" + id).then().extract().path("phase")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void lookupsDecisionsAndListsAreRecordedAndVisibleToAdminsOfTheDistrictOnly() {
        String analyst = tokens.token("analyst-audit", List.of(DISTRICT), "analyst");
        String key = given().auth().oauth2(analyst).contentType(ContentType.JSON).body("{\"nik\":\"" + NIK + "\"}")
                .post("/api/v1/persons/lookup").then().statusCode(200).extract().path("personKey");
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body("{\"nik\":\"7373019999999999\"}")
                .post("/api/v1/persons/lookup").then().statusCode(404);
        given().auth().oauth2(analyst).queryParam("year", 2024).get("/api/v1/persons/" + key + "/decisions").then()
                .statusCode(200);
        given().auth().oauth2(analyst).get("/api/v1/achievements/73.73/2024/services/1.02.02.2.02.0012/persons").then()
                .statusCode(200);

        JsonPath trail = given().auth().oauth2(tokens.token("admin-7373", List.of(DISTRICT), "admin"))
                .queryParam("subject", "analyst-audit").get("/api/v1/audit/person-access").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("action")).containsExactly("PERSON_LIST", "DECISIONS", "LOOKUP", "LOOKUP");
        assertThat(trail.getList("outcome")).containsExactly("FOUND", "FOUND", "NOT_FOUND", "FOUND");
        assertThat(trail.getString("[3].personKey")).isEqualTo(key);
        assertThat(trail.getString("[0].area")).isEqualTo("73.73");
        assertThat(trail.prettyPrint()).doesNotContain(NIK).doesNotContain("7373019999999999");
        // An admin of another district sees none of it; an analyst cannot read the trail.
        given().auth().oauth2(tokens.token("admin-7318", List.of("73.18"), "admin")).queryParam("subject", "analyst-audit")
                .get("/api/v1/audit/person-access").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(analyst).get("/api/v1/audit/person-access").then().statusCode(403);
    }

    @Test
    void lookupsArePerCallerRateLimited() {
        String flooder = tokens.token("analyst-flood", List.of(DISTRICT), "analyst");
        int status = 0;
        // 30 a minute: within 61 tries one minute's window holds more than 30, whenever the minute turns.
        for (int i = 0; i < 61 && status != 429; i++) {
            status = given().auth().oauth2(flooder).contentType(ContentType.JSON)
                    .body("{\"nik\":\"73730100000" + String.format("%05d", i) + "\"}").post("/api/v1/persons/lookup")
                    .then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
        given().auth().oauth2(flooder).contentType(ContentType.JSON).body("{\"nik\":\"" + NIK + "\"}")
                .post("/api/v1/persons/lookup").then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("LOOKUP_RATE_LIMITED"));
        // Another caller is not affected.
        given().auth().oauth2(tokens.token("analyst-calm", List.of(DISTRICT), "analyst")).contentType(ContentType.JSON)
                .body("{\"nik\":\"" + NIK + "\"}").post("/api/v1/persons/lookup").then().statusCode(200);
        JsonPath trail = given().auth().oauth2(tokens.admin()).queryParam("subject", "analyst-flood")
                .get("/api/v1/audit/person-access").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("outcome")).contains("RATE_LIMITED");
    }
}
