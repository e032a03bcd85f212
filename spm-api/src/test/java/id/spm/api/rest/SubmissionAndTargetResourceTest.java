package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** In district 73.17 (Enrekang's neighbour list), apart from the other tests' 73.18. */
@QuarkusTest
class SubmissionAndTargetResourceTest {

    static final String PKM = "P7317010101";

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    @Test
    void frozenSubmissionShowsLaterChangesAsDifferences() {
        String admin = tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Uji", "kecamatanCode", "73.17.01", "population", 5000))
                .post("/api/v1/puskesmas").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/puskesmas/" + PKM));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Uji", "kecamatanCode", "73.17.01"))
                .post("/api/v1/puskesmas").then().statusCode(409).body("code", equalTo("PUSKESMAS_EXISTS"));
        facts.write("73.17", SampleData.persons("sub", 40, 2024, List.of(PKM), 7));
        target("73.17", 30);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", "7317", "year", 2024, "quarter", 4)).post("/api/v1/submissions").then()
                .statusCode(201).body("district", equalTo("73.17")).body("matches", equalTo(true))
                .body("differences", hasSize(0));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", "73.17", "year", 2024, "quarter", 4)).post("/api/v1/submissions").then()
                .statusCode(409).body("code", equalTo("ALREADY_SUBMITTED"));

        target("73.17", 60);
        given().auth().oauth2(admin).get("/api/v1/submissions/73.17/2024?quarter=4").then().statusCode(200)
                .body("matches", equalTo(false)).body("differences.field", hasItem("denominator"))
                .body("frozen.services[11].denominator.amount", equalTo(30));
        given().auth().oauth2(admin).get("/api/v1/achievements?area=73.17&year=2024&quarter=4").then()
                .statusCode(200).body("services[11].denominator.amount", equalTo(60))
                .body("submission.matches", equalTo(false));
        given().auth().oauth2(admin).get("/api/v1/submissions/73.17/2024?quarter=1").then().statusCode(404)
                .body("code", equalTo("SUBMISSION_NOT_FOUND"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", "73.17.01", "year", 2024)).post("/api/v1/submissions").then()
                .statusCode(400).body("code", equalTo("NOT_A_DISTRICT"));
    }

    @Test
    void targetsKeepEveryFigureWithProvenance() {
        String importer = tokens.token("imp", List.of("73.16"), "importer", "viewer");
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "7316", "year", 2025, "serviceCode", "0001", "amount", 500, "source",
                        "BPS_PROJECTION", "note", "proyeksi"))
                .post("/api/v1/targets").then().statusCode(201).body("area", equalTo("73.16"))
                .body("serviceCode", equalTo("1.02.02.2.02.0001")).body("createdBy", equalTo("imp"));
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "serviceCode", "1", "amount", 520, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(201);
        given().auth().oauth2(importer).get("/api/v1/targets?area=73.16&year=2025&service=1").then().statusCode(200)
                .body("amount", equalTo(List.of(520, 500))).body("source", equalTo(List.of("DECREE", "BPS_PROJECTION")));
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "serviceCode", "77", "amount", 1, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(400).body("code", equalTo("UNKNOWN_SERVICE"));
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "serviceCode", "1", "amount", -1, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // A province is not a district area (for a caller whose areas hold it; anyone else gets 403 first).
        given().auth().oauth2(tokens.token("imp-sulsel", List.of("73"), "importer")).contentType(ContentType.JSON)
                .body(Map.of("area", "73", "year", 2025, "serviceCode", "1", "amount", 1, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(400).body("code", equalTo("NOT_A_DISTRICT_AREA"));
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "73", "year", 2025, "serviceCode", "1", "amount", 1, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(Map.of("area", "73.17", "year", 2025, "serviceCode", "1", "amount", 1, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // 234,470 (Enrekang 2025, Kemendagri) × 0.0021 = 492.39 → 492
            "{\"area\":\"73.16\",\"year\":2025,\"method\":\"PREVALENCE\",\"serviceCode\":\"10\",\"prevalence\":{\"rate\":0.0021,\"ageBand\":\"0+\",\"source\":\"Riskesdas 2018\",\"year\":2018}}|73.16|492|PREVALENCE",
            // ⌈412 ÷ 0.54 × 10⌉ = ⌈7629.6⌉ = 7630
            "{\"area\":\"73.16\",\"year\":2025,\"method\":\"TB_FORMULA\",\"targetPenemuan\":412}|73.16|7630|TB_FORMULA" })
    void derivesSasaranWithSpmRules(String body, String area, long amount, String source) {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/targets/derive")
                .then().statusCode(200).body("[0].area", equalTo(area)).body("[0].amount", equalTo((int) amount))
                .body("[0].source", equalTo(source))
                .body("[0].note", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
    }

    @Test
    void derivationErrorsAreProblems() {
        String admin = tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "method", "TB_FORMULA")).post("/api/v1/targets/derive")
                .then().statusCode(400).body("code", equalTo("TARGET_PENEMUAN_REQUIRED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "method", "PREVALENCE", "serviceCode", "8"))
                .post("/api/v1/targets/derive").then().statusCode(400).body("code", equalTo("PREVALENCE_MISSING"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", "73.16", "year", 2025, "method", "SPLIT", "serviceCode", "12"))
                .post("/api/v1/targets/derive").then().statusCode(400).body("code", equalTo("TARGET_MISSING"));
    }

    private void target(String area, long amount) {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("area", area, "year", 2024, "serviceCode", "12", "amount", amount, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(201);
    }
}
