package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.api.Fixtures;
import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 7, finding 7. One rule for reference data on every path: region names and hierarchy and the Puskesmas
 * registry (code, name, kecamatan, desa of the wilayah kerja) are readable by any authenticated caller; population
 * figures only within the caller's areas. And 403 before 404 on every area-scoped endpoint: outside the caller's
 * areas the answer is 403 whether the code exists or not; inside, an unknown code is 404.
 */
@QuarkusTest
class ReferenceDataAndAreaScopeTest {

    /** A Puskesmas of another province's district (Kabupaten Banggai, 72.01; no other test writes there). */
    static final String OTHER_PKM = "P7201010101";

    @Inject
    TestTokens tokens;

    String district;

    @BeforeEach
    void setUp() {
        String admin = tokens.admin();
        Fixtures.registerPuskesmas(admin);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", OTHER_PKM, "name", "Puskesmas Batui", "kecamatanCode", "72.01.01",
                        "population", 9100L, "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + OTHER_PKM).then().statusCode(200);
        district = tokens.token("dinkes-tator", List.of("73.18"), "viewer", "analyst", "importer");
    }

    // ---- reference data: the same rule on /regions, /puskesmas/{code} and /puskesmas?area= ----------------------

    @Test
    void regionOfAnotherDistrictListsItsPuskesmasWithoutPopulation() {
        given().auth().oauth2(district).get("/api/v1/regions/72.01.01").then().statusCode(200)
                .body("name", equalTo("Batui")).body("puskesmas.code", hasItem(OTHER_PKM))
                .body("puskesmas.find { it.code == '" + OTHER_PKM + "' }", not(hasKey("population")));
        given().auth().oauth2(district).get("/api/v1/regions/73.18.01").then().statusCode(200)
                .body("puskesmas.find { it.code == '" + Fixtures.PKM_A + "' }.population", equalTo(12000));
    }

    @Test
    void puskesmasOfAnotherDistrictIsReadableWithoutPopulation() {
        given().auth().oauth2(district).get("/api/v1/puskesmas/" + OTHER_PKM).then().statusCode(200)
                .body("kecamatanCode", equalTo("72.01.01")).body("$", not(hasKey("population")));
        given().auth().oauth2(district).get("/api/v1/puskesmas/" + Fixtures.PKM_A).then().statusCode(200)
                .body("population", equalTo(12000));
    }

    @Test
    void puskesmasListOfAnotherAreaAgreesWithTheRegion() {
        given().auth().oauth2(district).get("/api/v1/puskesmas?area=72.01").then().statusCode(200)
                .body("code", hasItem(OTHER_PKM)).body("find { it.code == '" + OTHER_PKM + "' }.population", nullValue());
        given().auth().oauth2(district).get("/api/v1/puskesmas?area=73.18").then().statusCode(200)
                .body("find { it.code == '" + Fixtures.PKM_B + "' }.population", equalTo(8000));
    }

    @Test
    void withoutAnAreaThePuskesmasListIsTheCallersOwn() {
        given().auth().oauth2(district).get("/api/v1/puskesmas").then().statusCode(200)
                .body("code", hasItem(Fixtures.PKM_A)).body("code", not(hasItem(OTHER_PKM)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "P7201019999", "P7318019999" })
    void anUnregisteredPuskesmasIs404WhereverItsDigitsPoint(String code) {
        given().auth().oauth2(district).get("/api/v1/puskesmas/" + code).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("PUSKESMAS_NOT_FOUND"));
    }

    @Test
    void theOpenApiDocumentStatesTheRuleOnEveryRegistryPath() {
        String doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        for (String path : List.of("/api/v1/regions/{code}", "/api/v1/puskesmas", "/api/v1/puskesmas/{code}")) {
            String description = io.restassured.path.json.JsonPath.from(doc)
                    .getString("paths.'" + path + "'.get.description");
            org.assertj.core.api.Assertions.assertThat(description).as(path)
                    .contains("readable by any authenticated caller").contains("Population");
        }
    }

    // ---- 403 before 404 --------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "GET {0} area={1} → {2}")
    @CsvSource({
            // outside the caller's areas: 403 whether the code exists (73.17, P7201010101) or not
            "/api/v1/achievements?year=2025&area=, 73.17, 403, AREA_FORBIDDEN",
            "/api/v1/achievements?year=2025&area=, 73.99, 403, AREA_FORBIDDEN",
            "/api/v1/achievements?year=2025&area=, P7201010101, 403, AREA_FORBIDDEN",
            "/api/v1/achievements?year=2025&area=, P7317019999, 403, AREA_FORBIDDEN",
            // inside: an unknown code is 404
            "/api/v1/achievements?year=2025&area=, 73.18.99, 404, REGION_NOT_FOUND",
            "/api/v1/achievements?year=2025&area=, P7318019999, 404, PUSKESMAS_NOT_FOUND",

            "/api/v1/targets?year=2025&area=, 73.17, 403, AREA_FORBIDDEN",
            "/api/v1/targets?year=2025&area=, 73.99.01, 403, AREA_FORBIDDEN",
            "/api/v1/targets?year=2025&area=, P7201010101, 403, AREA_FORBIDDEN",
            "/api/v1/targets?year=2025&area=, P7399019999, 403, AREA_FORBIDDEN",
            "/api/v1/targets?year=2025&area=, 73.18.99, 404, REGION_NOT_FOUND",
            "/api/v1/targets?year=2025&area=, P7318019999, 404, PUSKESMAS_NOT_FOUND",

            "/api/v1/submissions/{area}/2025, 73.17, 403, AREA_FORBIDDEN",
            "/api/v1/submissions/{area}/2025, 73.99, 403, AREA_FORBIDDEN",

            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, 73.17, 403, AREA_FORBIDDEN",
            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, 73.99.01, 403, AREA_FORBIDDEN",
            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, P7201010101, 403, AREA_FORBIDDEN",
            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, P7317019999, 403, AREA_FORBIDDEN",
            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, 73.18.99, 404, REGION_NOT_FOUND",
            "/api/v1/achievements/{area}/2025/services/1.02.02.2.02.0001/persons, P7318019999, 404, PUSKESMAS_NOT_FOUND" })
    void readsAnswer403OutsideBefore404Inside(String path, String area, int status, String code) {
        String url = path.contains("{area}") ? path.replace("{area}", area) : path + area;
        given().auth().oauth2(district).get(url).then().statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code));
    }

    @Test
    void submissionsOfAProvinceTokenAre404ForAnUnknownDistrictInside() {
        String province = tokens.token("dinkes-sulsel", List.of("73"), "viewer");
        given().auth().oauth2(province).get("/api/v1/submissions/73.99/2025").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        given().auth().oauth2(province).get("/api/v1/submissions/74.01/2025").then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
    }

    @ParameterizedTest(name = "POST {0} area={1} → {2}")
    @CsvSource({ "/api/v1/targets, 73.17.01, 403, AREA_FORBIDDEN", "/api/v1/targets, 73.99.01, 403, AREA_FORBIDDEN",
            "/api/v1/targets, P7317019999, 403, AREA_FORBIDDEN", "/api/v1/targets, 73.18.99, 404, REGION_NOT_FOUND",
            "/api/v1/targets, P7318019999, 404, PUSKESMAS_NOT_FOUND",
            "/api/v1/targets/derive, 73.17.01, 403, AREA_FORBIDDEN",
            "/api/v1/targets/derive, 73.99.01, 403, AREA_FORBIDDEN",
            "/api/v1/targets/derive, P7399019999, 403, AREA_FORBIDDEN",
            "/api/v1/targets/derive, 73.18.99, 404, REGION_NOT_FOUND",
            "/api/v1/targets/derive, P7318019999, 404, PUSKESMAS_NOT_FOUND" })
    void writesAnswer403OutsideBefore404Inside(String path, String area, int status, String code) {
        Map<String, Object> body = path.endsWith("derive")
                ? Map.of("area", area, "year", 2025, "method", "TB_FORMULA", "targetPenemuan", 10)
                : Map.of("area", area, "year", 2025, "serviceCode", "1.02.02.2.02.0001", "amount", 10, "source",
                        "REAL_DATA");
        given().auth().oauth2(district).contentType(ContentType.JSON).body(body).post(path).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }
}
