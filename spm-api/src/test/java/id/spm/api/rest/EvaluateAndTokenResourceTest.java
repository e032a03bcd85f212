package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EvaluateAndTokenResourceTest {

    static final String PERSON = """
            {"year":2025,"persons":[{"id":"p-1","birthDate":"1990-02-03","sex":"MALE","puskesmas":"P7318010101",
            "hivRiskRecords":[{"recordedDate":"2025-03-01","puskesmas":"P7318010101","group":"TB_PATIENT"}]},
            {"id":"p-2","birthDate":"1991-02-03","sex":"FEMALE","puskesmas":"P7318010101",
            "hivRiskRecords":[{"recordedDate":"2025-03-01","puskesmas":"P7318010101","group":"SEX_WORKER",
            "testDate":"2025-03-02","testType":"R1","result":"NR"}]}]}""";

    @Inject
    TestTokens tokens;

    @Test
    void evaluatesEachPersonWithReasons() {
        String viewer = tokens.token("lab", List.of("73.18"), "viewer");
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(PERSON).post("/api/v1/evaluate").then()
                .statusCode(200).body("period", equalTo("2025")).body("ruleSet", equalTo("PMK-6-2024"))
                .body("persons", hasSize(2)).body("persons[0].decisions[0].serviceCode", equalTo("1.02.02.2.02.0012"))
                .body("persons[0].decisions[0].status", equalTo("NOT_COUNTED"))
                .body("persons[0].decisions[0].reasons[0].code", equalTo("HIV_R1_TEST_MISSING"))
                .body("persons[1].decisions[0].status", equalTo("COUNTED"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"year\":2025,\"persons\":[]}|VALIDATION_FAILED",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\"}]}|VALIDATION_FAILED", "{not json|MALFORMED_JSON",
            "{\"year\":2025,\"ruleSet\":\"PMK-1-1999\",\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\"}]}|UNKNOWN_RULE_SET" })
    void invalidBodiesAreProblems(String body, String code) {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/evaluate").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void evaluateNeedsAToken() {
        given().contentType(ContentType.JSON).body(PERSON).post("/api/v1/evaluate").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void adminMintsATokenThatWorks() {
        String token = given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "bidan", "areas", List.of("7318"), "roles", List.of("viewer")))
                .post("/api/v1/dev/tokens").then().statusCode(201).body("areas", hasItem("73.18"))
                .body("expiresAt", notNullValue()).extract().path("token");
        given().auth().oauth2(token).get("/api/v1/regions/73.18").then().statusCode(200)
                .body("name", equalTo("Kabupaten Tana Toraja"));
    }

    @Test
    void onlyAdminsMintTokensAndBadRequestsAreProblems() {
        String viewer = tokens.token("v", List.of("73.18"), "viewer", "analyst", "importer");
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "areas", List.of("73.18"), "roles", List.of("admin")))
                .post("/api/v1/dev/tokens").then().statusCode(403).body("code", equalTo("ROLE_FORBIDDEN"));
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "areas", List.of("73.18"), "roles", List.of("superuser")))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "areas", List.of("7x"), "roles", List.of("viewer")))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("code", equalTo("INVALID_AREA_CODE"));
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/regions/73, 200", "/api/v1/regions/73.18.01, 200", "/api/v1/regions/99, 404",
            "/api/v1/regions/P7318010101, 400", "/api/v1/regions/abc, 400" })
    void regions(String path, int status) {
        given().auth().oauth2(tokens.admin()).get(path).then().statusCode(status);
    }
}
