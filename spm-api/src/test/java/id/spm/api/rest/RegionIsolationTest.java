package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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

/** A Puskesmas token reads its own Puskesmas only: not another one, not the district above it. */
@QuarkusTest
class RegionIsolationTest {

    @Inject
    TestTokens tokens;

    String pkmA;

    @BeforeEach
    void setUp() {
        Fixtures.registerPuskesmas(tokens.admin());
        pkmA = tokens.token("bidan-a", List.of(Fixtures.PKM_A), "viewer", "analyst");
    }

    @Test
    void puskesmasTokenReadsItsOwnPuskesmas() {
        given().auth().oauth2(pkmA).get("/api/v1/puskesmas/" + Fixtures.PKM_A).then().statusCode(200)
                .body("kecamatanCode", equalTo(Fixtures.KEC_A)).body("kabkotaCode", equalTo("73.18"));
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/achievements?area=P7318020101&year=2025", "/api/v1/achievements?area=73.18&year=2025",
            "/api/v1/targets?area=73.18&year=2025", "/api/v1/targets?area=73.18.01&year=2025",
            "/api/v1/targets?area=P7318020101&year=2025" })
    void puskesmasTokenCannotReadAnotherPuskesmasOrTheDistrictAbove(String path) {
        given().auth().oauth2(pkmA).get(path).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("AREA_FORBIDDEN"));
    }

    @Test
    void anotherPuskesmasIsReferenceDataWithoutItsPopulation() {
        given().auth().oauth2(pkmA).get("/api/v1/puskesmas/" + Fixtures.PKM_B).then().statusCode(200)
                .body("name", equalTo("Puskesmas Bittuang")).body("$", not(hasKey("population")));
    }

    @Test
    void puskesmasListShowsPopulationOnlyWithinTheCallersAreas() {
        given().auth().oauth2(pkmA).get("/api/v1/puskesmas?area=73.18").then().statusCode(200)
                .body("code", hasItem(Fixtures.PKM_A)).body("code", hasItem(Fixtures.PKM_B))
                .body("find { it.code == '" + Fixtures.PKM_A + "' }.population", equalTo(12000))
                .body("find { it.code == '" + Fixtures.PKM_B + "' }", not(hasKey("population")));
        given().auth().oauth2(pkmA).get("/api/v1/puskesmas").then().statusCode(200)
                .body("code", hasItem(Fixtures.PKM_A)).body("code", not(hasItem(Fixtures.PKM_B)));
    }

    @Test
    void districtTokenCoversItsPuskesmasButNotAnotherDistrict() {
        String district = tokens.token("dinkes", List.of("7318"), "viewer");
        given().auth().oauth2(district).get("/api/v1/puskesmas/" + Fixtures.PKM_B).then().statusCode(200);
        given().auth().oauth2(district).get("/api/v1/targets?area=73.17&year=2025").then().statusCode(403);
    }

    @Test
    void noTokenIs401AndABadTokenIs401() {
        given().get("/api/v1/puskesmas/" + Fixtures.PKM_A).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get("/api/v1/puskesmas/" + Fixtures.PKM_A).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void viewerCannotWrite() {
        given().auth().oauth2(pkmA).contentType(ContentType.JSON)
                .body(Map.of("area", Fixtures.PKM_A, "year", 2025, "serviceCode", "1", "amount", 10, "source",
                        "REAL_DATA"))
                .post("/api/v1/targets").then().statusCode(403).body("code", equalTo("ROLE_FORBIDDEN"));
    }
}
