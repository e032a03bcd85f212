package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Cheap polling (issue 15): achievements and submissions carry an ETag from their data versions, rule set and
 * submission; If-None-Match with it is 304 without a body while nothing changed, and 200 with a new tag after an
 * import changed the district.
 */
@QuarkusTest
class ConditionalReadTest {

    static final String DISTRICT = "74.01";
    static final String PKM = "P7401010101";
    static final String URL = "/api/v1/achievements?area=" + DISTRICT + "&year=2024";

    @Inject
    TestTokens tokens;

    @Test
    void achievementsAre304WhileUnchangedAnd200WithANewTagAfterAnImport() {
        String admin = tokens.admin();
        ImportResourceTest.register(admin, PKM, "Puskesmas Wundulako", "74.01.01");
        String importer = tokens.token("imp-etag", List.of(DISTRICT), "importer");
        String viewer = tokens.token("viewer-etag", List.of(DISTRICT), "viewer");
        assertThat(run(importer, csv(row("7401000000000001", PKM, "07/01/2024", true)), "etag-1.csv").getString("phase"))
                .isEqualTo("DONE");

        Response first = given().auth().oauth2(viewer).get(URL);
        first.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("private"));
        String tag = first.getHeader("ETag");
        assertThat(tag).isNotBlank().startsWith("\"");

        Response again = given().auth().oauth2(viewer).header("If-None-Match", tag).get(URL);
        again.then().statusCode(304).header("ETag", tag);
        assertThat(again.asByteArray()).isEmpty();
        // Another period, or a caller with other areas, is another representation.
        given().auth().oauth2(viewer).header("If-None-Match", tag).get(URL + "&quarter=1").then().statusCode(200);
        given().auth().oauth2(admin).header("If-None-Match", tag).get(URL).then().statusCode(200);

        assertThat(run(importer, csv(row("7401000000000002", PKM, "08/01/2024", true)), "etag-2.csv").getString("phase"))
                .isEqualTo("DONE");
        Response changed = given().auth().oauth2(viewer).header("If-None-Match", tag).get(URL);
        changed.then().statusCode(200);
        assertThat(changed.getHeader("ETag")).isNotBlank().isNotEqualTo(tag);
        given().auth().oauth2(viewer).header("If-None-Match", changed.getHeader("ETag")).get(URL).then().statusCode(304);
    }

    @Test
    void aSubmissionReadIs304WhileUnchangedAndAFreezeChangesTheAchievementsTag() {
        String admin = tokens.token("admin-etag", List.of("74.02"), "admin");
        String district = "74.02";
        String pkm = "P7402010101";
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Etag", "74.02.01");
        String url = "/api/v1/achievements?area=" + district + "&year=2024";
        String before = given().auth().oauth2(admin).get(url).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("district", district, "year", 2024))
                .post("/api/v1/submissions").then().statusCode(201);
        String after = given().auth().oauth2(admin).header("If-None-Match", before).get(url).then().statusCode(200)
                .body("submission.id", org.hamcrest.Matchers.notNullValue()).extract().header("ETag");
        assertThat(after).isNotEqualTo(before);

        String subUrl = "/api/v1/submissions/" + district + "/2024";
        String subTag = given().auth().oauth2(admin).get(subUrl).then().statusCode(200)
                .body("district", equalTo(district)).extract().header("ETag");
        given().auth().oauth2(admin).header("If-None-Match", subTag).get(subUrl).then().statusCode(304);
    }

    /**
     * The person list ("on every later report"): 304 while unchanged, 200 with a new tag and the new persons after an import.
     */
    @Test
    void thePersonListIs304WhileUnchangedAnd200WithANewTagAfterAnImport() {
        String district = "74.05";
        String pkm = "P7405010101";
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Etag Persons", "74.05.01");
        String importer = tokens.token("imp-etag-persons", List.of(district), "importer");
        String analyst = tokens.token("analyst-etag-persons", List.of(district), "analyst");
        String url = "/api/v1/achievements/" + district + "/2024/services/1.02.02.2.02.0012/persons";
        assertThat(run(importer, csv(row("7405000000000001", pkm, "07/01/2024", false)), "etag-p1.csv").getString(
                "phase")).isEqualTo("DONE");

        Response first = given().auth().oauth2(analyst).get(url);
        first.then().statusCode(200).body("total", equalTo(1)).header("Cache-Control",
                org.hamcrest.Matchers.containsString("private"));
        String tag = first.getHeader("ETag");
        assertThat(tag).isNotBlank();
        Response again = given().auth().oauth2(analyst).header("If-None-Match", tag).get(url);
        again.then().statusCode(304).header("ETag", tag);
        assertThat(again.asByteArray()).isEmpty();
        // Another page or status is another representation.
        given().auth().oauth2(analyst).header("If-None-Match", tag).get(url + "?status=pending").then().statusCode(200);

        assertThat(run(importer, csv(row("7405000000000002", pkm, "08/02/2024", false)), "etag-p2.csv").getString(
                "phase")).isEqualTo("DONE");
        Response changed = given().auth().oauth2(analyst).header("If-None-Match", tag).get(url);
        changed.then().statusCode(200).body("total", equalTo(2));
        assertThat(changed.getHeader("ETag")).isNotBlank().isNotEqualTo(tag);
        given().auth().oauth2(analyst).header("If-None-Match", changed.getHeader("ETag")).get(url).then().statusCode(304);
    }
}
