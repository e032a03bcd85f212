package id.spm.api.overtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.rules.SpmService;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Screening;
import id.spm.rules.model.ScreeningPlace;
import id.spm.rules.model.Sex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What-if at a province (issue 11): Kalimantan Utara (65) with two districts of its own data, Bulungan (65.01) and
 * Malinau (65.02). The current figures are GET /achievements' for the province, the what-if figures the
 * combination of the two districts' what-ifs (numerators and sasaran summed), and the persons listed are exactly
 * the women the parameter changes in both districts, one of them under the same key in both (a person key is a
 * district's).
 */
@QuarkusTest
class ProvinceWhatIfTest {

    static final String PROVINCE = "65";
    static final String A = "65.01";
    static final String B = "65.02";
    static final String PKM_A = "P6501010101";
    static final String PKM_B = "P6502010101";
    static final int YEAR = 2025;
    static final String PRODUCTIVE = SpmService.PRODUCTIVE_AGE.code();

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    static PersonRecord person(String key, String pkm, int birthYear, Sex sex, boolean iva) {
        Screening s = new Screening(LocalDate.of(YEAR, 5, 10), pkm, null, ScreeningPlace.PUSKESMAS,
                new BigDecimal("60"), new BigDecimal("160"), new BigDecimal("80"), null, 120, 80, new BigDecimal("100"),
                new BigDecimal("180"), 0, "NORMAL", "NORMAL", "NORMAL", "NO", iva ? "NEGATIF" : null, null, "T5", null,
                null, false, false, true);
        return PersonRecord.builder(new Person(key, LocalDate.of(birthYear, 3, 1), sex, null, pkm)).add(s).build();
    }

    private JsonPath whatIf(String admin, String area) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", area, "year", YEAR, "overrides", Map.of("screening.ivaDecides", "true")))
                .post("/api/v1/what-if").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath achievements(String admin, String area) {
        return given().auth().oauth2(admin).queryParams(Map.of("area", area, "year", YEAR)).get("/api/v1/achievements")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void provinceWhatIfCombinesItsDistrictsAndListsExactlyTheChangedPersons() {
        String admin = tokens.admin();
        OverTimeData.register(admin, PKM_A, "Puskesmas Tanjung Palas", "65.01.01", 9000L);
        OverTimeData.register(admin, PKM_B, "Puskesmas Mentarang", "65.02.01", 5000L);
        Set<String> changed = new TreeSet<>();
        List<PersonRecord> a = new ArrayList<>();
        List<PersonRecord> b = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(person("pw-a-noiva-" + i, PKM_A, 1985 + i, Sex.FEMALE, false));
            changed.add(PKM_A + " pw-a-noiva-" + i);
        }
        for (int i = 0; i < 3; i++) {
            b.add(person("pw-b-noiva-" + i, PKM_B, 1980 + i, Sex.FEMALE, false));
            changed.add(PKM_B + " pw-b-noiva-" + i);
        }
        // The same key in both districts: two persons, both changed.
        a.add(person("pw-same-key", PKM_A, 1986, Sex.FEMALE, false));
        b.add(person("pw-same-key", PKM_B, 1986, Sex.FEMALE, false));
        changed.add(PKM_A + " pw-same-key");
        changed.add(PKM_B + " pw-same-key");
        a.add(person("pw-a-iva", PKM_A, 1988, Sex.FEMALE, true));
        a.add(person("pw-a-man", PKM_A, 1988, Sex.MALE, false));
        b.add(person("pw-b-older", PKM_B, 1965, Sex.FEMALE, false)); // 60: elderly, not productive age
        b.add(person("pw-b-young", PKM_B, 2000, Sex.FEMALE, false)); // 25: outside the IVA band
        facts.write(A, a);
        facts.write(B, b);
        OverTimeData.target(admin, A, YEAR, PRODUCTIVE, 30, "DECREE");
        OverTimeData.target(admin, B, YEAR, PRODUCTIVE, 20, "DECREE");

        JsonPath province = achievements(admin, PROVINCE);
        JsonPath w = whatIf(admin, PROVINCE);
        JsonPath wa = whatIf(admin, A);
        JsonPath wb = whatIf(admin, B);
        String p = "services.find { it.serviceCode == '" + PRODUCTIVE + "' }";

        // Current figures: the province's achievements, every service.
        for (Map<String, Object> s : province.<Map<String, Object>> getList("services")) {
            String f = "services.find { it.serviceCode == '" + s.get("serviceCode") + "' }";
            assertThat(w.getLong(f + ".current.numerator")).as("%s numerator", s.get("serviceCode"))
                    .isEqualTo(((Number) s.get("numerator")).longValue());
            assertThat(w.getString(f + ".current.sasaran")).isEqualTo(province.getString(f + ".denominator.amount"));
            assertThat(w.getString(f + ".current.index")).isEqualTo(province.getString(f + ".index"));
            assertThat(w.getString(f + ".current.qualityPercent")).isEqualTo(province.getString(f + ".qualityPercent"));
            assertThat(w.getString(f + ".current.category")).isEqualTo(province.getString(f + ".category"));
        }
        assertThat(w.getString("sectorIndex")).isEqualTo(province.getString("sectorIndex"));
        long current = province.getLong(p + ".numerator");
        assertThat(current).isEqualTo(4 + 3 + 2 + 1 + 1 + 1); // noiva in A and B, the same key twice, iva, man, young
        assertThat(province.getLong(p + ".denominator.amount")).isEqualTo(50);

        // What-if figures: the districts' what-ifs combined, and the current ones less the changed women.
        assertThat(w.getLong(p + ".whatIf.numerator"))
                .isEqualTo(wa.getLong(p + ".whatIf.numerator") + wb.getLong(p + ".whatIf.numerator"))
                .isEqualTo(current - changed.size());
        assertThat(w.getLong(p + ".whatIf.sasaran"))
                .isEqualTo(wa.getLong(p + ".whatIf.sasaran") + wb.getLong(p + ".whatIf.sasaran")).isEqualTo(50);
        assertThat(w.getLong(p + ".numeratorChange")).isEqualTo(-changed.size());
        assertThat(new BigDecimal(w.getString(p + ".whatIf.coveragePercent")))
                .isEqualByComparingTo(BigDecimal.valueOf(100L * (current - changed.size())).divide(BigDecimal.valueOf(50)));

        // The persons: exactly the changed women of both districts, the same key twice (one per Puskesmas).
        Set<String> listed = new TreeSet<>();
        List<Map<String, Object>> persons = w.getList("persons");
        for (Map<String, Object> x : persons) {
            listed.add(x.get("puskesmas") + " " + x.get("person"));
            assertThat(x.get("serviceCode")).isEqualTo(PRODUCTIVE);
        }
        assertThat(persons).hasSize(changed.size());
        assertThat(listed).isEqualTo(changed);
        assertThat(w.getLong("personsChanged")).isEqualTo(changed.size());
        assertThat(w.getLong("personsChanged"))
                .isEqualTo(wa.getLong("personsChanged") + wb.getLong("personsChanged"));
        assertThat(w.getList("persons.before.status")).containsOnly("COUNTED");
        assertThat(w.getList("persons.after.status")).containsOnly("NOT_COUNTED");

        // The second quarter (screenings in May) and a kecamatan of one district: the same, area by area.
        JsonPath q2 = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", PROVINCE, "year", YEAR, "quarter", 2, "overrides",
                        Map.of("screening.ivaDecides", "true")))
                .post("/api/v1/what-if").then().statusCode(200).extract().jsonPath();
        JsonPath provinceQ2 = given().auth().oauth2(admin)
                .queryParams(Map.of("area", PROVINCE, "year", YEAR, "quarter", 2)).get("/api/v1/achievements").then()
                .statusCode(200).extract().jsonPath();
        assertThat(q2.getLong(p + ".current.numerator")).isEqualTo(provinceQ2.getLong(p + ".numerator"));
        assertThat(q2.getLong(p + ".whatIf.numerator")).isEqualTo(current - changed.size());
        assertThat(q2.getLong("personsChanged")).isEqualTo(changed.size());
        JsonPath kec = whatIf(admin, "65.01.01");
        assertThat(kec.getLong(p + ".current.numerator")).isEqualTo(achievements(admin, "65.01.01").getLong(p + ".numerator"));
        assertThat(kec.getLong("personsChanged")).isEqualTo(5);
        assertThat(kec.getList("persons.puskesmas")).containsOnly(PKM_A);

        // A district's caller may not ask for the province.
        String districtOnly = tokens.token("admin-6501", List.of(A), "admin");
        given().auth().oauth2(districtOnly).contentType(ContentType.JSON)
                .body(Map.of("area", PROVINCE, "year", YEAR, "overrides", Map.of("screening.ivaDecides", "true")))
                .post("/api/v1/what-if").then().statusCode(403);
    }
}
