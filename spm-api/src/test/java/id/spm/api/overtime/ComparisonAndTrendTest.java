package id.spm.api.overtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Year over year and trends (issue 11): every figure equals GET /achievements of its period, for the
 * district, a kecamatan and a Puskesmas; directions and not-comparable reasons; region scope.
 */
@QuarkusTest
class ComparisonAndTrendTest {

    static final String DISTRICT = "76.03";
    static final String KEC = "76.03.01";
    static final String PKM_A = "P7603010101";
    static final String PKM_B = "P7603020101";
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
            OverTimeData.register(admin, PKM_A, "Puskesmas Mambi", KEC, 9000L);
            OverTimeData.register(admin, PKM_B, "Puskesmas Aralle", "76.03.02", 6000L);
            facts.write(DISTRICT, SampleData.persons("cmp24", 240, 2024, List.of(PKM_A, PKM_B), 7));
            facts.write(DISTRICT, SampleData.persons("cmp25", 300, 2025, List.of(PKM_A, PKM_B), 8));
            for (int y : new int[] { 2024, 2025 }) {
                OverTimeData.target(admin, DISTRICT, y, SpmService.HIV_RISK.code(), 200, "DECREE");
            }
            // Service 11's sasaran changes provenance between the years: not comparable.
            OverTimeData.target(admin, DISTRICT, 2024, SpmService.TB_PRESUMPTIVE.code(), 90, "BPS_PROJECTION");
            OverTimeData.target(admin, DISTRICT, 2025, SpmService.TB_PRESUMPTIVE.code(), 90, "TB_FORMULA");
            loaded = true;
        }
    }

    private JsonPath get(String path, Map<String, ?> query) {
        return given().auth().oauth2(admin).queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath achievements(String area, int year, Integer quarter) {
        return quarter == null ? get("/api/v1/achievements", Map.of("area", area, "year", year))
                : get("/api/v1/achievements", Map.of("area", area, "year", year, "quarter", quarter));
    }

    @Test
    void comparisonsEqualTheAchievementsOfEachPeriod() {
        for (String area : List.of(DISTRICT, KEC, PKM_A)) {
            JsonPath cmp = get("/api/v1/comparisons", Map.of("area", area, "year", 2025, "baseYear", 2024));
            assertFiguresEqual(cmp, "base", achievements(area, 2024, null));
            assertFiguresEqual(cmp, "current", achievements(area, 2025, null));
            assertThat(cmp.getList("services")).hasSize(12);
            int improved = cmp.getInt("improvedCount");
            int declined = cmp.getInt("declinedCount");
            List<String> directions = cmp.getList("services.direction");
            assertThat(improved).isEqualTo(directions.stream().filter("IMPROVED"::equals).count());
            assertThat(declined).isEqualTo(directions.stream().filter("DECLINED"::equals).count());
            assertThat(improved + declined + cmp.getInt("unchangedCount") + cmp.getInt("notComparableCount"))
                    .isEqualTo(12);
        }
        JsonPath q = get("/api/v1/comparisons", Map.of("area", DISTRICT, "year", 2025, "baseYear", 2024, "quarter", 2));
        assertThat(q.getString("period")).isEqualTo("2025-Q2");
        assertFiguresEqual(q, "base", achievements(DISTRICT, 2024, 2));
        assertFiguresEqual(q, "current", achievements(DISTRICT, 2025, 2));
    }

    @Test
    void directionAndNotComparableReasonsOnTheDistrict() {
        JsonPath cmp = get("/api/v1/comparisons", Map.of("area", DISTRICT, "year", 2025, "baseYear", 2024));
        Map<String, Object> hiv = service(cmp, SpmService.HIV_RISK.code());
        // No mutu in either year: judged on %IP penerima, and said so.
        assertThat(hiv.get("judgedOn")).isEqualTo("PENERIMA");
        assertThat(hiv.get("direction")).isIn("IMPROVED", "DECLINED", "UNCHANGED");
        assertThat(codes(hiv, "notes")).containsExactly("JUDGED_ON_PENERIMA");
        Map<String, Object> tb = service(cmp, SpmService.TB_PRESUMPTIVE.code());
        assertThat(tb.get("direction")).isEqualTo("NOT_COMPARABLE");
        assertThat(codes(tb, "notComparable")).containsExactly("DIFFERENT_SASARAN_PROVENANCE");
        Map<String, Object> anc = service(cmp, SpmService.ANTENATAL.code());
        assertThat(anc.get("direction")).isEqualTo("NOT_COMPARABLE");
        assertThat(codes(anc, "notComparable")).containsExactly("FIGURE_MISSING");
    }

    @Test
    void trendsEqualTheAchievementsOfEachQuarter() {
        for (String area : List.of(DISTRICT, KEC, PKM_B)) {
            JsonPath t = get("/api/v1/trends", Map.of("area", area, "fromYear", 2025, "toYear", 2025));
            assertThat(t.getList("periods")).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
            for (int q = 1; q <= 4; q++) {
                JsonPath a = achievements(area, 2025, q);
                for (int i = 0; i < 12; i++) {
                    String code = a.getString("services[" + i + "].serviceCode");
                    String p = "services.find { it.serviceCode == '" + code + "' }.points[" + (q - 1) + "].";
                    assertThat(t.getLong(p + "numerator")).isEqualTo(a.getLong("services[" + i + "].numerator"));
                    assertThat((Object) t.get(p + "sasaran")).isEqualTo(a.get("services[" + i + "].denominator.amount"));
                    assertThat((Object) t.get(p + "penerimaPercent")).isEqualTo(a.get("services[" + i + "].penerimaPercent"));
                    assertThat((Object) t.get(p + "index")).isEqualTo(a.get("services[" + i + "].index"));
                }
                assertThat((Object) t.get("sector[" + (q - 1) + "].index")).isEqualTo(a.get("sectorIndex"));
            }
        }
    }

    @Test
    void chartsArePngAndSvg() {
        byte[] png = given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "fromYear", 2025, "toYear", 2025,
                "format", "png", "measure", "penerima")).get("/api/v1/trends/chart").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        String svg = given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "fromYear", 2025, "toYear", 2025,
                "format", "svg")).get("/api/v1/trends/chart").then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        assertThat(svg).contains("<svg").contains("IPSPM");
        given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "fromYear", 2025, "toYear", 2025,
                "format", "gif")).get("/api/v1/trends/chart").then().statusCode(400);
    }

    @Test
    void otherDistrictsAreForbidden() {
        String other = tokens.token("viewer-7601", List.of("76.01"), "viewer");
        given().auth().oauth2(other).queryParams(Map.of("area", DISTRICT, "year", 2025, "baseYear", 2024))
                .get("/api/v1/comparisons").then().statusCode(403);
        given().auth().oauth2(other).queryParams(Map.of("area", PKM_A, "fromYear", 2025, "toYear", 2025))
                .get("/api/v1/trends").then().statusCode(403);
        given().auth().oauth2(other).queryParams(Map.of("area", DISTRICT, "fromYear", 2025, "toYear", 2025))
                .get("/api/v1/trends/chart").then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(JsonPath cmp, String code) {
        return (Map<String, Object>) cmp.getList("services", Map.class).stream()
                .filter(m -> code.equals(m.get("serviceCode"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> s, String field) {
        return ((List<Map<String, Object>>) s.get(field)).stream().map(m -> (String) m.get("code")).toList();
    }

    private static void assertFiguresEqual(JsonPath cmp, String side, JsonPath a) {
        assertThat(cmp.getString("services[0]." + side + ".period")).isEqualTo(a.getString("period"));
        for (int i = 0; i < 12; i++) {
            String s = "services[" + i + "]";
            assertThat(cmp.getString(s + ".serviceCode")).isEqualTo(a.getString(s + ".serviceCode"));
            assertThat(cmp.getLong(s + "." + side + ".numerator")).isEqualTo(a.getLong(s + ".numerator"));
            assertThat((Object) cmp.get(s + "." + side + ".sasaran")).isEqualTo(a.get(s + ".denominator.amount"));
            assertThat((Object) cmp.get(s + "." + side + ".coveragePercent")).isEqualTo(a.get(s + ".coveragePercent"));
            assertThat((Object) cmp.get(s + "." + side + ".penerimaPercent")).isEqualTo(a.get(s + ".penerimaPercent"));
            assertThat((Object) cmp.get(s + "." + side + ".qualityPercent")).isEqualTo(a.get(s + ".qualityPercent"));
            assertThat((Object) cmp.get(s + "." + side + ".index")).isEqualTo(a.get(s + ".index"));
            assertThat((Object) cmp.get(s + "." + side + ".category")).isEqualTo(a.get(s + ".category"));
        }
    }
}
