package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 7, finding 5: an admin of one region no longer sees every region's job summaries. */
@QuarkusTest
class JobVisibilityTest {

    @Inject
    TestTokens tokens;

    @Test
    void aJobIsSeenByItsCreatorAndTheAdminsOfItsDistrictOnly() {
        ImportResourceTest.register(tokens.admin(), ImportResourceTest.A, "Puskesmas Malangke", "73.22.01");
        String importer = tokens.token("imp-visibility", List.of(ImportResourceTest.DISTRICT), "importer");
        JsonPath job = run(importer, csv(row("7322000000000901", ImportResourceTest.A, "07/01/2024", true),
                row("732200000000090", ImportResourceTest.A, "07/01/2024", true)), "hiv-visibility.csv");
        int id = job.getInt("id");
        String ownAdmin = tokens.token("admin-7322", List.of("73.22"), "admin");
        String provinceAdmin = tokens.token("admin-73", List.of("73"), "admin");
        String otherAdmin = tokens.token("admin-7318", List.of("73.18"), "admin");
        for (String t : List.of(importer, ownAdmin, provinceAdmin, tokens.admin())) {
            given().auth().oauth2(t).get("/api/v1/imports/" + id).then().statusCode(200)
                    .body("kabkotaCode", equalTo("73.22"));
            given().auth().oauth2(t).get("/api/v1/imports").then().statusCode(200).body("id", hasItem(id));
        }
        given().auth().oauth2(otherAdmin).get("/api/v1/imports/" + id).then().statusCode(404)
                .body("code", equalTo("IMPORT_NOT_FOUND"));
        given().auth().oauth2(otherAdmin).get("/api/v1/imports").then().statusCode(200).body("id", not(hasItem(id)));
    }
}
