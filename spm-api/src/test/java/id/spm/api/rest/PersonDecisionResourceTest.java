package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.TestTokens;
import id.spm.api.imports.ImportSettings;
import id.spm.api.mapping.DecisionMapper;
import id.spm.api.model.PersonDecisions;
import id.spm.api.model.PersonLookupRequest;
import id.spm.api.repository.FactRepository;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbPresumption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * One person's decisions: counted, not counted with reasons, pending; equal to spm-rules on the same
 * record; region isolation (404, never 403, outside the caller's areas); roles; NIK lookup with the
 * importer's key. Its own district (Kabupaten Wajo, 73.13), so other classes' figures are untouched.
 */
@QuarkusTest
class PersonDecisionResourceTest {

    static final String DISTRICT = "73.13";
    static final String PKM_X = "P7313010101";
    static final String PKM_Y = "P7313020101";
    static final String DESA_X = "73.13.01.2004";
    static final int YEAR = 2025;

    /** Woman born 30 Jun 1990 (the Q2 evaluation date): HIV risk at X with an R1 test. */
    static final String NIK_COUNTED = "7313017006900001";
    /** Man registered at Y: HIV risk recorded, never tested; TB presumptive, never examined. */
    static final String NIK_NOT_COUNTED = "7313020101850002";
    /** Girl born 20 Dec 2025 at X: day 28 of life falls after 31 Dec. */
    static final String NIK_PENDING = "7313016012250003";

    static final Map<String, PersonRecord> RECORDS = new java.util.HashMap<>();
    static boolean loaded;

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    @Inject
    ImportSettings importSettings;

    @Inject
    ObjectMapper mapper;

    String analyst;

    @BeforeEach
    void setUp() {
        String admin = tokens.admin();
        analyst = tokens.token("analyst-wajo", List.of(DISTRICT), "analyst");
        if (loaded) {
            return;
        }
        register(admin, PKM_X, "Puskesmas Sabangparu", "73.13.01", List.of(DESA_X));
        register(admin, PKM_Y, "Puskesmas Pammana", "73.13.02", List.of());
        Person counted = new Person(key(NIK_COUNTED), LocalDate.of(1990, 6, 30), Sex.FEMALE, DESA_X, PKM_X);
        Person notCounted = new Person(key(NIK_NOT_COUNTED), LocalDate.of(1985, 1, 1), Sex.MALE, null, PKM_Y);
        Person pending = new Person(key(NIK_PENDING), LocalDate.of(2025, 12, 20), Sex.FEMALE, DESA_X, PKM_X);
        List<PersonRecord> all = List.of(
                PersonRecord.builder(counted)
                        .add(new HivRiskRecord(LocalDate.of(2025, 3, 1), PKM_X, RiskGroup.TB_PATIENT,
                                LocalDate.of(2025, 3, 5), HivTestType.R1, "NON_REACTIVE"))
                        .build(),
                PersonRecord.builder(notCounted)
                        .add(new HivRiskRecord(LocalDate.of(2025, 4, 1), PKM_Y, RiskGroup.TB_PATIENT, null, null, null))
                        .add(new TbPresumption(LocalDate.of(2025, 5, 2), PKM_Y, null, null, null)).build(),
                PersonRecord.builder(pending).add(new Newborn(LocalDate.of(2025, 12, 20), null, PKM_X, null, 3100,
                        true, null, null, null, null, null)).build());
        facts.write(DISTRICT, all);
        RECORDS.put(NIK_COUNTED, all.get(0));
        RECORDS.put(NIK_NOT_COUNTED, all.get(1));
        RECORDS.put(NIK_PENDING, all.get(2));
        loaded = true;
    }

    /** The key the importer gives a NIK. */
    private String key(String nik) {
        return importSettings.personKeys().ofNik(nik);
    }

    private static void register(String token, String code, String name, String kec, List<String> desa) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kecamatanCode", kec, "population", 9000L, "desaCodes", desa))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200);
    }

    private JsonPath decisions(String token, String nik, String query) {
        return given().auth().oauth2(token).get("/api/v1/persons/" + key(nik) + "/decisions?" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest
    @CsvSource({ NIK_COUNTED + ", 11, COUNTED, , P7313010101, ",
            NIK_NOT_COUNTED + ", 11, NOT_COUNTED, HIV_R1_TEST_MISSING, P7313020101, PMK-6-2024 §9.12",
            NIK_NOT_COUNTED + ", 10, NOT_COUNTED, TB_EXAM_MISSING, P7313020101, PMK-6-2024 §9.11",
            NIK_PENDING + ", 2, PENDING, NEWBORN_UNDER_28_DAYS, P7313010101, PMK-6-2024 §9.3" })
    void eachDecisionWithItsStatusPuskesmasAndReasons(String nik, int service, String status, String reason,
            String puskesmas, String clause) {
        JsonPath json = decisions(analyst, nik, "year=" + YEAR);
        assertThat(json.getString("personKey")).isEqualTo(key(nik));
        assertThat(json.getString("period")).isEqualTo("2025");
        assertThat(json.getString("evaluationDate")).isEqualTo("2025-12-31");
        assertThat(json.getString("ruleSet.id")).isEqualTo("PMK-6-2024");
        assertThat(json.getString("ruleSet.href")).isEqualTo("/api/v1/services");
        assertThat(json.getInt("eventsFromYear")).isEqualTo(YEAR - 5);
        assertThat(json.getList("records")).hasSize(1);
        assertThat(json.getString("records[0].kabkotaCode")).isEqualTo(DISTRICT);
        assertThat(json.getList("records[0].services")).hasSize(12);
        String d = "records[0].services[" + service + "].decisions[0].";
        assertThat(json.getString("records[0].services[" + service + "].serviceCode"))
                .isEqualTo(SpmService.values()[service].code());
        assertThat(json.getString(d + "status")).isEqualTo(status);
        assertThat(json.getString(d + "puskesmas")).isEqualTo(puskesmas);
        if (reason == null) {
            assertThat(json.getList(d + "reasons")).isEmpty();
        } else {
            assertThat(json.getString(d + "reasons[0].code")).isEqualTo(reason);
            assertThat(json.getString(d + "reasons[0].message")).isNotBlank();
            assertThat(json.getString(d + "reasons[0].clause")).isEqualTo(clause);
        }
    }

    @Test
    void pendingNamesTheDayItWillBeJudged() {
        JsonPath json = decisions(analyst, NIK_PENDING, "year=" + YEAR);
        assertThat(json.getString("records[0].services[2].decisions[0].judgedOn")).isEqualTo("2026-01-17");
        assertThat(json.getInt("records[0].person.ageYears")).isZero();
    }

    @ParameterizedTest
    @CsvSource({ "quarter=1, 2025-03-31, 34", "quarter=2, 2025-06-30, 35", "quarter=4, 2025-12-31, 35",
            ", 2025-12-31, 35" })
    void personFactsAreAgeAtESexAndCodesNeverTheBirthDate(String quarter, String e, int age) {
        String q = quarter == null ? "" : "&" + quarter;
        String body = given().auth().oauth2(analyst)
                .get("/api/v1/persons/" + key(NIK_COUNTED) + "/decisions?year=" + YEAR + q).then()
                .statusCode(200).extract().asString();
        JsonPath json = new JsonPath(body);
        assertThat(json.getString("evaluationDate")).isEqualTo(e);
        assertThat(json.getInt("records[0].person.ageYears")).isEqualTo(age);
        assertThat(json.getString("records[0].person.sex")).isEqualTo("FEMALE");
        assertThat(json.getString("records[0].person.desaCode")).isEqualTo(DESA_X);
        assertThat(json.getString("records[0].person.puskesmasCode")).isEqualTo(PKM_X);
        assertThat(json.getMap("records[0].eventCounts")).isEqualTo(Map.of("HivRiskRecord", 1));
        assertThat(json.getBoolean("records[0].inComputation")).isTrue();
        assertThat(body).doesNotContain("1990-06-30").doesNotContain(NIK_COUNTED).doesNotContain("birth");
    }

    @ParameterizedTest
    @CsvSource({ NIK_COUNTED + ", 0", NIK_COUNTED + ", 1", NIK_NOT_COUNTED + ", 0", NIK_NOT_COUNTED + ", 2",
            NIK_PENDING + ", 0", NIK_PENDING + ", 4" })
    void decisionsEqualTheEvaluatorOnTheSameRecord(String nik, int quarter) throws Exception {
        Period period = quarter == 0 ? Period.ofYear(YEAR) : Period.ofQuarter(YEAR, quarter);
        String body = given().auth().oauth2(analyst)
                .get("/api/v1/persons/" + key(nik) + "/decisions?year=" + YEAR
                        + (quarter == 0 ? "" : "&quarter=" + quarter))
                .then().statusCode(200).extract().asString();
        PersonDecisions actual = mapper.readValue(body, PersonDecisions.class);
        Map<SpmService, List<Decision>> rules = new Evaluator(RuleSets.forPeriod(period).orElseThrow())
                .decideAll(RECORDS.get(nik), period);
        List<PersonDecisions.ServiceDecisions> expected = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            expected.add(new PersonDecisions.ServiceDecisions(s.code(), s.name(), s.title(),
                    rules.get(s).stream().map(DecisionMapper::dto).toList()));
        }
        assertThat(actual.records()).hasSize(1);
        assertThat(actual.records().get(0).services()).isEqualTo(expected);
        assertThat(actual.evaluationDate()).isEqualTo(period.end());
    }

    @ParameterizedTest
    @CsvSource({ "P7313010101, " + NIK_COUNTED + ", 200", "P7313010101, " + NIK_PENDING + ", 200",
            "P7313010101, " + NIK_NOT_COUNTED + ", 404", "P7313020101, " + NIK_COUNTED + ", 404",
            "P7313020101, " + NIK_NOT_COUNTED + ", 200", "73.13.01, " + NIK_PENDING + ", 200",
            "73.13.02, " + NIK_PENDING + ", 404", DESA_X + ", " + NIK_COUNTED + ", 200",
            "73.18, " + NIK_COUNTED + ", 404", "73.18.01, " + NIK_NOT_COUNTED + ", 404", "73, " + NIK_COUNTED + ", 200",
            "74, " + NIK_COUNTED + ", 404", "*, " + NIK_NOT_COUNTED + ", 200" })
    void aPersonOutsideTheCallersAreasIsNotFoundNotForbidden(String area, String nik, int status) {
        String token = tokens.token("bidan", List.of(area), "viewer", "analyst");
        var decisions = given().auth().oauth2(token).get("/api/v1/persons/" + key(nik) + "/decisions?year="
                + YEAR).then().statusCode(status);
        var lookup = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nik", nik))
                .post("/api/v1/persons/lookup").then().statusCode(status);
        if (status == 404) {
            decisions.contentType("application/problem+json").body("code", equalTo("PERSON_NOT_FOUND"));
            lookup.contentType("application/problem+json").body("code", equalTo("PERSON_NOT_FOUND"));
        } else {
            lookup.body("personKey", equalTo(key(nik)));
        }
    }

    @ParameterizedTest
    @CsvSource({ "viewer", "importer" })
    void personLevelAnswersNeedTheAnalystRole(String role) {
        String token = tokens.token("not-analyst", List.of(DISTRICT), role);
        given().auth().oauth2(token).get("/api/v1/persons/" + key(NIK_COUNTED) + "/decisions?year=" + YEAR)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("ROLE_FORBIDDEN"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nik", NIK_COUNTED))
                .post("/api/v1/persons/lookup").then().statusCode(403).body("code", equalTo("ROLE_FORBIDDEN"));
    }

    @Test
    void noTokenIs401() {
        given().get("/api/v1/persons/" + key(NIK_COUNTED) + "/decisions?year=" + YEAR).then().statusCode(401);
    }

    @ParameterizedTest
    @CsvSource({ "0000000000000000000000000000000000000000000000000000000000000000, year=2025, 404, PERSON_NOT_FOUND",
            "ach-1, year=2025, 404, PERSON_NOT_FOUND", "abc, year=1999, 400, VALIDATION_FAILED",
            "abc, year=2025&quarter=5, 400, VALIDATION_FAILED", "abc, quarter=2, 400, VALIDATION_FAILED" })
    void unknownPersonsAndInvalidPeriodsAreProblems(String key, String query, int status, String code) {
        given().auth().oauth2(tokens.token("analyst-73", List.of("73.13"), "analyst"))
                .get("/api/v1/persons/" + key + "/decisions?" + query).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void aKeyLongerThanAnyKeyIsInvalid() {
        given().auth().oauth2(analyst).get("/api/v1/persons/" + "a".repeat(129) + "/decisions?year=2025").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = { NIK_COUNTED, "7313 0170 0690 0001",
            "'7313017006900001", "7313.0170.0690.0001", " 7313017006900001 " }, ignoreLeadingAndTrailingWhitespace = false)
    void lookupByNikGivesTheImportersKeyAndLeadsToTheDecisions(String nik) {
        String key = given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("nik", nik))
                .post("/api/v1/persons/lookup").then().statusCode(200).body(not(containsString("7313017006900001")))
                .extract().path("personKey");
        assertThat(key).isEqualTo(importSettings.personKeys().ofNik(NIK_COUNTED)).isEqualTo(RECORDS.get(NIK_COUNTED).id())
                .hasSize(64);
        given().auth().oauth2(analyst).get("/api/v1/persons/" + key + "/decisions?year=" + YEAR).then()
                .statusCode(200).body("records[0].services[11].decisions[0].status", equalTo("COUNTED"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"nik\":\"731301700690001\"}|INVALID_NIK",
            "{\"nik\":\"73130170069000011\"}|INVALID_NIK", "{\"nik\":\"73130170069000AB\"}|INVALID_NIK",
            "{\"nik\":\"7.313017006900001E15\"}|INVALID_NIK", "{\"nik\":\"\"}|INVALID_NIK", "{}|INVALID_NIK",
            "{\"nik\":null}|INVALID_NIK",
            "{\"nik\":\"73130170069000013130170069000013130170069000013130170069000013\"}|INVALID_NIK",
            "{\"nik\": 73130170069000AB}|MALFORMED_JSON", "[\"7313017006900001\"]|MALFORMED_JSON",
            "\"7313017006900001\"|MALFORMED_JSON" })
    void anInvalidNikIsA400ProblemThatDoesNotRepeatIt(String body, String code) {
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(body).post("/api/v1/persons/lookup").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo(code))
                .body(not(containsString("7313017006900"))).body(not(containsString("731301700690")));
    }

    @Test
    void aValidNikOfNobodyIsNotFound() {
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("nik", "7313019999990009"))
                .post("/api/v1/persons/lookup").then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void theOpenApiDocumentStatesTheScopeRuleAndTheBodies() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        String lookup = "paths.'/api/v1/persons/lookup'.post.";
        assertThat(doc.getString(lookup + "requestBody.content.'application/json'.schema.'$ref'"))
                .endsWith("/PersonLookupRequest");
        assertThat(doc.getString(lookup + "description")).contains("never logged").contains("404 PERSON_NOT_FOUND");
        String decisions = "paths.'/api/v1/persons/{personKey}/decisions'.get.";
        assertThat(doc.getString(decisions + "description")).contains("registration Puskesmas or desa");
        assertThat(doc.getMap(decisions + "responses")).containsKeys("200", "400", "403", "404");
    }

    @Test
    void theLookupRequestNeverPrintsItsNik() {
        assertThat(new PersonLookupRequest(NIK_COUNTED).toString()).doesNotContain(NIK_COUNTED).doesNotContain("7313");
    }
}
