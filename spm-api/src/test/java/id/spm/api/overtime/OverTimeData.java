package id.spm.api.overtime;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Puskesmas and sasaran of the over-time tests' own districts (76.xx, used by no other test). */
final class OverTimeData {

    private OverTimeData() {
    }

    static void register(String admin, String code, String name, String kecamatan, long population) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kecamatanCode", kecamatan, "population", population,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200);
    }

    static void target(String admin, String area, int year, String serviceCode, long amount, String source) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", area, "year", year, "serviceCode", serviceCode, "amount", amount, "source",
                        source, "note", "test"))
                .post("/api/v1/targets").then().statusCode(201);
    }
}
