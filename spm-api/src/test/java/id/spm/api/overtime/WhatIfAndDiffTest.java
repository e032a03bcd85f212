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

import org.junit.jupiter.api.BeforeEach;
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
 * What-if and submission diffs (issue 11): turning screening.ivaDecides on changes exactly the women in the IVA
 * age band whose screening lacks IVA/SADANIS and is otherwise complete (digest §2.6, §9.6); the diff of a frozen
 * submission lists the same persons under that override, and after a re-import exactly the person re-imported.
 */
@QuarkusTest
class WhatIfAndDiffTest {

    static final String DISTRICT = "76.05";
    static final String PKM = "P7605010101";
    static final int YEAR = 2025;
    static boolean loaded;

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    String admin;

    /** The women the rule says: aged 30–50, screened completely but for IVA/SADANIS. */
    static final Set<String> IVA_MISSING = new TreeSet<>();

    static Screening screening(boolean iva, boolean waist) {
        return new Screening(LocalDate.of(YEAR, 5, 10), PKM, null, ScreeningPlace.PUSKESMAS, new BigDecimal("60"),
                new BigDecimal("160"), waist ? new BigDecimal("80") : null, null, 120, 80, new BigDecimal("100"),
                new BigDecimal("180"), 0, "NORMAL", "NORMAL", "NORMAL", "NO", iva ? "NEGATIF" : null, null, "T5",
                null, null, false, false, true);
    }

    static PersonRecord person(String key, int birthYear, Sex sex, boolean iva, boolean waist) {
        return PersonRecord.builder(new Person(key, LocalDate.of(birthYear, 3, 1), sex, null, PKM))
                .add(screening(iva, waist)).build();
    }

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        if (!loaded) {
            OverTimeData.register(admin, PKM, "Puskesmas Banggae I", "76.05.01", 12000L);
            List<PersonRecord> persons = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                persons.add(person("wi-noiva-" + i, 1990 - i, Sex.FEMALE, false, true));
                IVA_MISSING.add("wi-noiva-" + i);
            }
            for (int i = 0; i < 3; i++) {
                persons.add(person("wi-iva-" + i, 1988, Sex.FEMALE, true, true));
                persons.add(person("wi-man-" + i, 1990, Sex.MALE, false, true));
            }
            for (int i = 0; i < 2; i++) {
                persons.add(person("wi-older-" + i, 1970, Sex.FEMALE, false, true)); // 55: outside the IVA band
                persons.add(person("wi-young-" + i, 2000, Sex.FEMALE, false, true)); // 25: outside the IVA band
                persons.add(person("wi-nowaist-" + i, 1990, Sex.FEMALE, false, false)); // not counted either way
            }
            facts.write(DISTRICT, persons);
            OverTimeData.target(admin, DISTRICT, YEAR, SpmService.PRODUCTIVE_AGE.code(), 40, "DECREE");
            loaded = true;
        }
    }

    private JsonPath whatIf(String token, Map<String, Object> body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/what-if").then()
                .statusCode(status).extract().jsonPath();
    }

    private static Set<String> persons(JsonPath j) {
        return new TreeSet<>(j.getList("persons.person", String.class));
    }

    @Test
    void ivaDecidesChangesExactlyThePersonsTheRuleSaysAndTheDiffListsThem() {
        JsonPath w = whatIf(admin, Map.of("area", DISTRICT, "year", YEAR, "overrides",
                Map.of("screening.ivaDecides", "true")), 200);
        assertThat(w.getString("overrides[0].name")).isEqualTo("screening.ivaDecides");
        assertThat(w.getString("overrides[0].current")).isEqualTo("false");
        assertThat(w.getString("overrides[0].whatIf")).isEqualTo("true");
        assertThat(persons(w)).isEqualTo(IVA_MISSING);
        assertThat(w.getLong("personsChanged")).isEqualTo(IVA_MISSING.size());
        assertThat(w.getList("persons.before.status")).containsOnly("COUNTED");
        assertThat(w.getList("persons.after.status")).containsOnly("NOT_COUNTED");
        assertThat(w.getList("persons.serviceCode")).containsOnly(SpmService.PRODUCTIVE_AGE.code());
        assertThat(w.getString("persons[0].after.reasons[0].message")).contains("screening.ivaDecides=true");
        assertThat(w.getString("toString()")).doesNotContain("nik");
        // Figures: the current ones are GET /achievements'; the what-if numerator drops by exactly those persons.
        JsonPath a = given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "year", YEAR))
                .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
        String p = "services.find { it.serviceCode == '" + SpmService.PRODUCTIVE_AGE.code() + "' }";
        long current = a.getLong(p + ".numerator");
        assertThat(current).isEqualTo(6 + 3 + 3 + 2 + 2); // wi-noiva, wi-iva, wi-man, wi-older, wi-young
        assertThat(w.getLong(p + ".current.numerator")).isEqualTo(current);
        assertThat(w.getLong(p + ".whatIf.numerator")).isEqualTo(current - IVA_MISSING.size());
        assertThat(w.getLong(p + ".numeratorChange")).isEqualTo(-IVA_MISSING.size());
        // Nothing stored: the achievements are unchanged.
        assertThat(given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "year", YEAR))
                .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath().getLong(p + ".numerator"))
                .isEqualTo(current);
        // The Puskesmas sees the same persons.
        assertThat(persons(whatIf(admin, Map.of("area", PKM, "year", YEAR, "overrides",
                Map.of("screening.ivaDecides", "true")), 200))).isEqualTo(IVA_MISSING);

        // Freeze, then diff: nothing changed yet.
        long id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", DISTRICT, "year", YEAR)).post("/api/v1/submissions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath same = diff(admin, id, List.of(), 200);
        assertThat(same.getBoolean("personsAvailable")).isTrue();
        assertThat(same.getLong("personsChanged")).isZero();
        assertThat(same.getList("differences")).isEmpty();
        assertThat(same.getString("currentDecisionHash")).isEqualTo(same.getString("frozenDecisionHash"));

        // The same parameter turned on against the submission lists the same persons.
        JsonPath on = diff(admin, id, List.of("screening.ivaDecides=true"), 200);
        assertThat(persons(on)).isEqualTo(IVA_MISSING);
        assertThat(on.getString("parameterChanges[0].name")).isEqualTo("screening.ivaDecides");
        assertThat(on.getString("parameterChanges[0].frozen")).isEqualTo("false");
        assertThat(on.getString("parameterChanges[0].current")).isEqualTo("true");
        assertThat(on.getList("differences.field")).contains("numerator");

        // Re-imported: one woman's screening now lacks the waist: she alone changes.
        facts.write(DISTRICT, List.of(person("wi-iva-1", 1988, Sex.FEMALE, true, false)));
        JsonPath re = diff(admin, id, List.of(), 200);
        assertThat(persons(re)).containsExactly("wi-iva-1");
        assertThat(re.getString("persons[0].before.status")).isEqualTo("COUNTED");
        assertThat(re.getString("persons[0].after.status")).isEqualTo("NOT_COUNTED");
        assertThat(re.getLong("currentDataVersion")).isGreaterThan(re.getLong("frozenDataVersion"));
        assertThat(re.getString("currentDecisionHash")).isNotEqualTo(re.getString("frozenDecisionHash"));

        // Region scope: another district's analyst may not diff it; a viewer may not read persons.
        diff(tokens.token("analyst-7601", List.of("76.01"), "analyst"), id, List.of(), 403);
        diff(tokens.token("viewer-7605", List.of(DISTRICT), "viewer"), id, List.of(), 403);
    }

    private static JsonPath diff(String token, long id, List<String> overrides, int status) {
        var req = given().auth().oauth2(token);
        if (!overrides.isEmpty()) {
            req = req.queryParam("override", overrides.toArray());
        }
        return req.get("/api/v1/submissions/" + id + "/diff").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void badOverridesAreLocatedAndOtherDistrictsForbidden() {
        JsonPath bad = whatIf(admin, Map.of("area", DISTRICT, "year", YEAR, "overrides",
                Map.of("screening.ivaDecide", "true")), 400);
        assertThat(bad.getString("code")).isEqualTo("INVALID_OVERRIDE");
        assertThat(bad.getString("violations[0].field")).isEqualTo("overrides.screening.ivaDecide");
        JsonPath value = whatIf(admin, Map.of("area", DISTRICT, "year", YEAR, "overrides",
                Map.of("index.categories", "BANDS-7")), 400);
        assertThat(value.getString("violations[0].field")).isEqualTo("overrides.index.categories");
        given().auth().oauth2(admin).queryParam("override", "nonsense").get("/api/v1/submissions/1/diff").then()
                .statusCode(400);
        String other = tokens.token("analyst-7601", List.of("76.01"), "analyst");
        whatIf(other, Map.of("area", DISTRICT, "year", YEAR, "overrides", Map.of("screening.ivaDecides", "true")),
                403);
        String viewer = tokens.token("viewer-7605", List.of(DISTRICT), "viewer");
        whatIf(viewer, Map.of("area", DISTRICT, "year", YEAR, "overrides", Map.of("screening.ivaDecides", "true")),
                403);
        given().auth().oauth2(admin).get("/api/v1/submissions/999999/diff").then().statusCode(404);
    }
}
