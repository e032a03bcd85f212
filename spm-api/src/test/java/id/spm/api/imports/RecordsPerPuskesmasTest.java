package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 8 finding 2 and issue 7 finding 2: two Puskesmas recording the same person on the same day keep
 * two records, and one Puskesmas' upload never overwrites what another recorded about the person.
 */
@QuarkusTest
class RecordsPerPuskesmasTest {

    /** Kota Makassar, a district of its own for this test. */
    static final String A = "P7371010101";
    static final String B = "P7371020101";
    static final String NIK = "7371014506900001";

    @Inject
    TestTokens tokens;
    @Inject
    DataSource dataSource;

    @Test
    void sameDayRecordsAtTwoPuskesmasAreBothKeptAndAttributesAreNeverOverwrittenAcrossPuskesmas() throws SQLException {
        ImportResourceTest.register(tokens.admin(), A, "Puskesmas Mariso", "73.71.01");
        ImportResourceTest.register(tokens.admin(), B, "Puskesmas Mamajang", "73.71.02");
        String importerA = tokens.token("importer-a", List.of(A), "importer");
        String importerB = tokens.token("importer-b", List.of(B), "importer");

        JsonPath a = run(importerA, hiv(row("12/05/1990", A, "NON_REACTIVE")), "hiv-a.csv");
        assertThat(a.getLong("summary.created")).isEqualTo(1);
        // B records the same person on the same day, with another result and another birth date.
        JsonPath b = run(importerB, hiv(row("13/06/1991", B, "REACTIVE")), "hiv-b.csv");
        assertThat(b.getString("phase")).isEqualTo("DONE");
        assertThat(b.getLong("summary.created")).isEqualTo(1);
        assertThat(b.getLong("summary.removed")).isZero();
        assertThat(count("select count(*) from service_event where kabkota_code = '73.71' and person_key = "
                + "(select person_key from person_record where puskesmas_code = '" + A + "')")).isEqualTo(2);
        // A's record is first: B's differing birth date is kept beside it, not applied, and reported to B.
        assertThat(birthDate()).isEqualTo("1990-05-12");
        assertThat(b.getLong("summary.personConflicts")).isEqualTo(1);
        assertThat(b.getList("summary.personConflictSample.fields")).containsExactly(List.of("birthDate"));
        assertThat(b.getString("summary.personConflictSample[0].usedFrom")).isEqualTo(A);
        assertThat(b.prettyPrint()).doesNotContain("1990-05-12").doesNotContain("12/05/1990");

        // B corrects its file: its own record only; A's events and person row are untouched.
        JsonPath again = run(importerB, hiv(row("13/07/1991", B, "REACTIVE")), "hiv-b2.csv");
        assertThat(again.getLong("summary.personConflicts")).isEqualTo(1);
        assertThat(again.getLong("summary.removed")).isZero();
        assertThat(birthDate()).isEqualTo("1990-05-12");

        // A corrects its own record: applied.
        JsonPath fix = run(importerA, hiv(row("14/05/1990", A, "NON_REACTIVE")), "hiv-a-fix.csv");
        assertThat(fix.getString("phase")).isEqualTo("DONE");
        assertThat(birthDate()).isEqualTo("1990-05-14");

        // The person is attributed to the smallest code among the same-day records (§9 tie rule).
        String analyst = tokens.token("analyst-7371", List.of("73.71"), "analyst");
        String key = given().auth().oauth2(analyst).contentType(ContentType.JSON).body("{\"nik\":\"" + NIK + "\"}")
                .post("/api/v1/persons/lookup").then().statusCode(200).extract().path("personKey");
        JsonPath decisions = given().auth().oauth2(analyst).queryParam("year", 2024)
                .get("/api/v1/persons/" + key + "/decisions").then().statusCode(200).extract().jsonPath();
        assertThat(decisions.getList("records[0].services.find { it.service == 'HIV_RISK' }.decisions.puskesmas"))
                .containsOnly(A);
    }

    static String row(String birth, String puskesmas, String result) {
        return NIK + ",Ibu Uji," + birth + ",P," + puskesmas + ",Ibu Hamil,10/03/2024,10/03/2024,R1," + result;
    }

    static byte[] hiv(String... rows) {
        StringBuilder b = new StringBuilder(ImportApi.HEADER).append("\r\n");
        for (String r : rows) {
            if (!r.isEmpty()) {
                b.append(r).append("\r\n");
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    String birthDate() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select birth_date::text from person where kabkota_code = '73.71'")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
