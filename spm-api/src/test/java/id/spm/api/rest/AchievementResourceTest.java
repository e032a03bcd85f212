package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.api.Fixtures;
import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.area.AreaCodeParam;
import id.spm.api.repository.FactRepository;
import id.spm.rules.Evaluator;
import id.spm.rules.MutuAveraging;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.count.CountAccumulator;
import id.spm.rules.index.Achievement;
import id.spm.rules.index.Ipspm;
import id.spm.rules.index.SpmReport;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.MutuCalculator;
import id.spm.rules.target.Target;
import id.spm.rules.target.TargetResolver;
import id.spm.rules.target.TargetSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Achievements through the API equal spm-rules applied to the same data; caching; person lists. */
@QuarkusTest
class AchievementResourceTest {

    static final int YEAR = 2025;
    static final List<PersonRecord> PERSONS = SampleData.persons("ach", 300, YEAR,
            List.of(Fixtures.PKM_A, Fixtures.PKM_B), 42);
    static boolean loaded;

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    String admin;

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        if (!loaded) {
            Fixtures.registerPuskesmas(admin);
            facts.write(Fixtures.DISTRICT, PERSONS);
            target(Fixtures.DISTRICT, SpmService.HIV_RISK, 180);
            target(Fixtures.DISTRICT, SpmService.TB_PRESUMPTIVE, 120);
            loaded = true;
        }
    }

    private void target(String area, SpmService s, long amount) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", area, "year", YEAR, "serviceCode", s.code(), "amount", amount, "source",
                        "DECREE", "note", "test"))
                .post("/api/v1/targets").then().statusCode(201);
    }

    private SpmReport expected(Period period) {
        AreaHierarchy h = AreaHierarchy.of(List.of(
                new PuskesmasInfo(Fixtures.PKM_A, "Puskesmas Salupputti", Fixtures.KEC_A, java.util.Set.of("73.18.01.2010"),
                        12000L),
                new PuskesmasInfo(Fixtures.PKM_B, "Puskesmas Bittuang", Fixtures.KEC_B, java.util.Set.of(), 8000L)));
        CountAccumulator acc = new CountAccumulator(new Evaluator(RuleSets.PMK_6_2024), period);
        PERSONS.forEach(acc::add);
        TargetResolver targets = new TargetResolver(h,
                List.of(new Target(Fixtures.DISTRICT, YEAR, SpmService.HIV_RISK, 180, TargetSource.REGIONAL_HEAD_DECREE,
                        "test"),
                        new Target(Fixtures.DISTRICT, YEAR, SpmService.TB_PRESUMPTIVE, 120,
                                TargetSource.REGIONAL_HEAD_DECREE, "test")),
                List.of());
        return new SpmReport(acc.result(h), targets, new MutuCalculator(h, List.of(), MutuAveraging.MEAN_OF_CAPPED),
                new Ipspm(RuleSets.PMK_6_2024));
    }

    @ParameterizedTest
    @CsvSource({ "73.18, 0", "7318, 0", "73.18.01, 0", "P7318010101, 0", "P7318020101, 0", "73.18, 2",
            "P7318010101, 3" })
    void achievementsThroughTheApiEqualSpmRulesOnTheSameData(String area, int quarter) {
        Period period = quarter == 0 ? Period.ofYear(YEAR) : Period.ofQuarter(YEAR, quarter);
        var req = given().auth().oauth2(admin).queryParam("area", area).queryParam("year", YEAR);
        if (quarter > 0) {
            req = req.queryParam("quarter", quarter);
        }
        JsonPath json = req.get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
        String code = AreaCodeParam.normalize(area);
        SpmReport rules = expected(period);
        assertThat(json.getString("area")).isEqualTo(code);
        assertThat(json.getString("period")).isEqualTo(period.label());
        assertThat(json.getList("services")).hasSize(12);
        for (SpmService s : SpmService.values()) {
            Achievement a = rules.achievement(code, s);
            String base = "services[" + s.ordinal() + "].";
            assertThat(json.getString(base + "serviceCode")).isEqualTo(s.code());
            assertThat(json.getLong(base + "numerator")).as(s + " numerator").isEqualTo(a.numerator());
            assertThat(json.getString(base + "denominator.status")).as(s + " sasaran")
                    .isEqualTo(a.denominator().status().name());
            assertThat(decimal(json, base + "coveragePercent")).as(s + " coverage")
                    .isEqualTo(a.coveragePercent());
            assertThat(decimal(json, base + "index")).as(s + " index").isEqualTo(a.index());
        }
        assertThat(decimal(json, "sectorIndex")).isEqualTo(rules.sector(code).index());
        assertThat(json.getLong("services[11].numerator")).isGreaterThan(0);
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        Object v = json.get(path);
        return v == null ? null : new BigDecimal(v.toString()).setScale(2);
    }

    @Test
    void secondRequestIsServedFromTheCacheAndANewTargetInvalidatesIt() {
        JsonPath first = given().auth().oauth2(admin).get("/api/v1/achievements?area=73.18.02&year=" + YEAR).then()
                .statusCode(200).extract().jsonPath();
        JsonPath again = given().auth().oauth2(admin).get("/api/v1/achievements?area=73.18.02&year=" + YEAR).then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getString("computedAt")).isEqualTo(first.getString("computedAt"));
        assertThat(again.getLong("dataVersion")).isEqualTo(first.getLong("dataVersion"));
    }

    @Test
    void analystListsWhoIsNotCountedWithReasons() {
        JsonPath report = given().auth().oauth2(admin).get("/api/v1/achievements?area=P7318010101&year=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        long notCounted = report.getLong("services[11].byName.notCounted");
        String analyst = tokens.token("analyst-a", List.of(Fixtures.PKM_A), "analyst");
        JsonPath page = given().auth().oauth2(analyst)
                .get("/api/v1/achievements/P7318010101/" + YEAR + "/services/1.02.02.2.02.0012/persons?size=5")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("total")).isEqualTo(notCounted).isPositive();
        assertThat(page.getList("persons")).hasSizeLessThanOrEqualTo(5);
        assertThat(page.getString("persons[0].person")).startsWith("ach-");
        assertThat(page.getString("persons[0].reasons[0].code")).isEqualTo("HIV_R1_TEST_MISSING");
        assertThat(page.getString("persons[0].puskesmas")).isEqualTo(Fixtures.PKM_A);
    }

    @Test
    void personListsNeedTheAnalystRoleAndTheArea() {
        String viewer = tokens.token("viewer-a", List.of(Fixtures.PKM_A), "viewer");
        given().auth().oauth2(viewer).get("/api/v1/achievements/P7318010101/" + YEAR + "/services/12/persons").then()
                .statusCode(403).body("code", equalTo("ROLE_FORBIDDEN"));
        String analystA = tokens.token("analyst-a", List.of(Fixtures.PKM_A), "analyst");
        given().auth().oauth2(analystA).get("/api/v1/achievements/P7318020101/" + YEAR + "/services/12/persons")
                .then().statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(analystA)
                .get("/api/v1/achievements/P7318010101/" + YEAR + "/services/12/persons?status=counted").then()
                .statusCode(400).body("code", equalTo("INVALID_STATUS"));
        given().auth().oauth2(analystA).get("/api/v1/achievements/P7318010101/" + YEAR + "/services/99/persons")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_SERVICE"));
    }

    @ParameterizedTest
    @CsvSource({ "73.18", "73.18.02", "P7318020101", "73" })
    void puskesmasTokenCannotReadAchievementsOfAnotherPuskesmasOrTheAreasAbove(String area) {
        String pkmA = tokens.token("bidan-a", List.of(Fixtures.PKM_A), "viewer", "analyst");
        given().auth().oauth2(pkmA).get("/api/v1/achievements?area=" + area + "&year=" + YEAR).then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
    }

    @Test
    void puskesmasTokenReadsItsOwnAchievements() {
        String pkmA = tokens.token("bidan-a", List.of(Fixtures.PKM_A), "viewer");
        given().auth().oauth2(pkmA).get("/api/v1/achievements?area=P7318010101&year=" + YEAR).then().statusCode(200)
                .body("level", equalTo("PUSKESMAS")).body("services[11].numerator", greaterThan(0));
    }

    @ParameterizedTest
    @CsvSource({ "area=73.18.99&year=2025, 404, REGION_NOT_FOUND", "area=73.18.03&year=2025, 404, NO_PUSKESMAS_IN_AREA",
            "area=abc&year=2025, 400, INVALID_AREA_CODE", "area=73.18&year=1999, 400, VALIDATION_FAILED",
            "area=73.18&year=2025&quarter=5, 400, VALIDATION_FAILED", "year=2025, 400, VALIDATION_FAILED" })
    void invalidRequestsAreProblems(String query, int status, String code) {
        given().auth().oauth2(admin).get("/api/v1/achievements?" + query).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }
}
