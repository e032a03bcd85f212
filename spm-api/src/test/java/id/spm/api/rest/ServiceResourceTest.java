package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceResourceTest {

    @Test
    void listsTheTwelveServicesRuleSetsAndSchemes() {
        given().when().get("/api/v1/services").then().statusCode(200)
                .body("services", hasSize(12))
                .body("services[0].code", equalTo("1.02.02.2.02.0001"))
                .body("services[11].code", equalTo("1.02.02.2.02.0012"))
                .body("ruleSets[0].id", equalTo("PMK-6-2024"))
                .body("categorySchemes[0].id", equalTo("BANDS-20"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
