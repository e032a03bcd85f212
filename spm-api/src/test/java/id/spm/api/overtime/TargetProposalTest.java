package id.spm.api.overtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PopulationRepository.PopulationRow;
import id.spm.rules.SpmService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Next year's targets (issue 11, SE Mendagri 600.4/2851/ST): a proposal for 2026 from the penduduk of 2023–2025,
 * adopted by decree, becomes the 2026 sasaran with its provenance.
 */
@QuarkusTest
class TargetProposalTest {

    static final String DISTRICT = "76.01";
    static final String PKM_A = "P7601010101";
    static final String PKM_B = "P7601020101";
    static boolean loaded;

    @Inject
    TestTokens tokens;

    @Inject
    PopulationRepository population;

    @Inject
    DataVersionRepository versions;

    String admin;

    /** Every group grows by a tenth of its 2023 size a year: 2026 is 1.3 × 2023, exactly, by least squares. */
    static List<PopulationRow> rows(int year) {
        int tenths = 10 + (year - 2023);
        List<PopulationRow> out = new ArrayList<>();
        String[] groups = { "0", "1-4", "5-14", "15-59", "60+" };
        long[] base = { 100, 400, 1000, 3000, 500 };
        for (int g = 0; g < groups.length; g++) {
            long n = base[g] * tenths / 10;
            out.add(new PopulationRow(DISTRICT, year, groups[g], n, n));
        }
        return out;
    }

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        if (!loaded) {
            OverTimeData.register(admin, PKM_A, "Puskesmas Bambalamotu", "76.01.01", 6000L);
            OverTimeData.register(admin, PKM_B, "Puskesmas Pasangkayu", "76.01.02", 4000L);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int y = 2023; y <= 2025; y++) {
                    population.replace(DISTRICT, y, rows(y));
                    versions.bump(DISTRICT, y);
                }
            });
            OverTimeData.target(admin, DISTRICT, 2025, SpmService.ANTENATAL.code(), 100, "BPS_PROJECTION");
            loaded = true;
        }
    }

    private static Map<String, Object> service(JsonPath j, String path, String code) {
        return j.getMap(path + ".find { it.serviceCode == '" + code + "' }");
    }

    @Test
    void aProposalAdoptedFor2026BecomesThe2026SasaranWithItsProvenance() {
        JsonPath p = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2026, "populationMethod", "LINEAR")).post("/api/v1/targets/proposals")
                .then().statusCode(201).extract().jsonPath();
        long id = p.getLong("id");
        assertThat(p.getString("status")).isEqualTo("PROPOSED");
        assertThat(p.getList("baseYears", Integer.class)).containsExactly(2023, 2024, 2025);
        assertThat(p.getLong("projectedPopulation")).isEqualTo(2 * 5000 * 13 / 10);
        // Population in the band: 15–59 projected 3900 per sex.
        Map<String, Object> productive = service(p, "sasaran", SpmService.PRODUCTIVE_AGE.code());
        assertThat(productive.get("method")).isEqualTo("POPULATION_IN_BAND");
        assertThat(((Number) productive.get("amount")).longValue()).isEqualTo(7800);
        // This year's 100 scaled by the whole population's growth 13 000 ÷ 12 000 = 108.33 → 108, split 6:4.
        Map<String, Object> anc = service(p, "sasaran", SpmService.ANTENATAL.code());
        assertThat(anc.get("method")).isEqualTo("SCALED_BY_POPULATION");
        assertThat(((Number) anc.get("amount")).longValue()).isEqualTo(108);
        assertThat(anc.get("basis")).isEqualTo("BPS_PROJECTION");
        assertThat(p.getList("sasaran.find { it.serviceCode == '" + SpmService.ANTENATAL.code() + "' }.shares.amount",
                Integer.class)).containsExactly(65, 43);
        // No sasaran this year and no method: a reason, not a number.
        assertThat(service(p, "sasaran", SpmService.HIV_RISK.code()).get("reason")).isNotNull();
        // Minimum quality: the goods needs of the proposed pregnant women (180 tablets each).
        assertThat(p.getString("minimumQuality.find { it.serviceCode == '" + SpmService.ANTENATAL.code()
                + "' }.goods.find { it.item == 'Tablet tambah darah' }.need")).isEqualTo(String.valueOf(108 * 180));

        JsonPath adopted = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("decreeNumber", "188.45/77/2025", "decreeDate", "2025-07-28"))
                .put("/api/v1/targets/proposals/" + id + "/adoption").then().statusCode(200).extract().jsonPath();
        assertThat(adopted.getString("status")).isEqualTo("ADOPTED");
        assertThat(adopted.getString("adoption.decreeNumber")).isEqualTo("188.45/77/2025");

        JsonPath a = given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "year", 2026))
                .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
        String s = "services.find { it.serviceCode == '" + SpmService.ANTENATAL.code() + "' }.denominator";
        assertThat(a.getLong(s + ".amount")).isEqualTo(108);
        assertThat(a.getList(s + ".sources")).containsExactly("REGIONAL_HEAD_DECREE");
        assertThat(a.getString(s + ".explanation")).contains("188.45/77/2025");
        assertThat(a.getLong("services.find { it.serviceCode == '" + SpmService.PRODUCTIVE_AGE.code()
                + "' }.denominator.amount")).isEqualTo(7800);
        JsonPath pkm = given().auth().oauth2(admin).queryParams(Map.of("area", PKM_A, "year", 2026))
                .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
        assertThat(pkm.getLong(s + ".amount")).isEqualTo(65);
        assertThat(pkm.getList(s + ".sources")).containsExactly("REGIONAL_HEAD_DECREE");

        // Same decree again: the adoption; another decree: a conflict.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("decreeNumber", "188.45/77/2025", "decreeDate", "2025-07-28"))
                .put("/api/v1/targets/proposals/" + id + "/adoption").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("decreeNumber", "188.45/78/2025", "decreeDate", "2025-07-29"))
                .put("/api/v1/targets/proposals/" + id + "/adoption").then().statusCode(409);
        given().auth().oauth2(admin).get("/api/v1/targets/proposals/" + id).then().statusCode(200);
        String other = tokens.token("admin-7603", List.of("76.03"), "admin");
        given().auth().oauth2(other).get("/api/v1/targets/proposals/" + id).then().statusCode(403);
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2026)).post("/api/v1/targets/proposals").then().statusCode(403);
    }

    @Test
    void badRequestsAreLocated() {
        JsonPath j = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", "76.01.01", "year", 2026)).post("/api/v1/targets/proposals").then().statusCode(400)
                .extract().jsonPath();
        assertThat(j.getString("violations[0].field")).isEqualTo("area");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2026, "populationMethod", "CUBIC")).post("/api/v1/targets/proposals")
                .then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2019)).post("/api/v1/targets/proposals").then().statusCode(400);
    }
}
