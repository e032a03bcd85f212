package id.spm.api;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Shared registry rows of the tests (PUT: idempotent, whichever test class runs first). */
public final class Fixtures {

    public static final String DISTRICT = "73.18";
    public static final String KEC_A = "73.18.01";
    public static final String KEC_B = "73.18.02";
    public static final String PKM_A = "P7318010101";
    public static final String PKM_B = "P7318020101";

    private Fixtures() {
    }

    public static void registerPuskesmas(String adminToken) {
        put(adminToken, PKM_A, "Puskesmas Salupputti", KEC_A, 12000L, List.of("73.18.01.2010"));
        put(adminToken, PKM_B, "Puskesmas Bittuang", KEC_B, 8000L, List.of());
    }

    private static void put(String token, String code, String name, String kec, Long pop, List<String> desa) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kecamatanCode", kec, "population", pop, "desaCodes", desa))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200);
    }
}
