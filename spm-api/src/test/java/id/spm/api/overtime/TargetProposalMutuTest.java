package id.spm.api.overtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PopulationRepository.PopulationRow;
import id.spm.api.repository.PopulationRepository.QualityItemRow;
import id.spm.rules.SpmService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 11: adopting a proposal by decree adopts its minimum quality too. The proposal's goods needs (180 tablets
 * per proposed pregnant woman …) become the 2026 quality items of the district, with the decree as their source;
 * GET /achievements 2026 computes %mutu on them and shows the items and the decree, as the denominator shows the
 * sasaran's. A stock reported before the adoption is kept.
 */
@QuarkusTest
class TargetProposalMutuTest {

    static final String DISTRICT = "76.04";
    static final String ANC = SpmService.ANTENATAL.code();

    @Inject
    TestTokens tokens;

    @Inject
    PopulationRepository population;

    @Inject
    DataVersionRepository versions;

    static List<PopulationRow> rows(int year) {
        List<PopulationRow> out = new ArrayList<>();
        String[] groups = { "0", "1-4", "5-14", "15-59", "60+" };
        long[] base = { 100, 400, 1000, 3000, 500 };
        for (int g = 0; g < groups.length; g++) {
            long n = base[g] * (10 + year - 2023) / 10;
            out.add(new PopulationRow(DISTRICT, year, groups[g], n, n));
        }
        return out;
    }

    @Test
    void theAdoptedMinimumQualityIsThe2026MutuWithItsDecree() {
        String admin = tokens.admin();
        OverTimeData.register(admin, "P7604010101", "Puskesmas Wonomulyo", "76.04.01", 6000L);
        OverTimeData.register(admin, "P7604020101", "Puskesmas Campalagian", "76.04.02", 4000L);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int y = 2023; y <= 2025; y++) {
                population.replace(DISTRICT, y, rows(y));
                versions.bump(DISTRICT, y);
            }
            // The district already reported a stock of iron tablets for 2026 (need 1, a placeholder).
            population.addQualityItems(DISTRICT, List.of(new QualityItemRow(DISTRICT, 2026, null, ANC, "GOODS",
                    "Tablet tambah darah", "tablet", BigDecimal.ONE, new BigDecimal("9000"), null)));
            versions.bump(DISTRICT, 2026);
        });
        OverTimeData.target(admin, DISTRICT, 2025, ANC, 100, "BPS_PROJECTION");

        JsonPath p = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2026)).post("/api/v1/targets/proposals").then().statusCode(201)
                .extract().jsonPath();
        long id = p.getLong("id");
        String goods = "minimumQuality.find { it.serviceCode == '" + ANC + "' }.goods";
        List<Map<String, Object>> proposed = p.getList(goods);
        assertThat(proposed).isNotEmpty();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("decreeNumber", "188.45/12/2026", "decreeDate", "2026-01-15"))
                .put("/api/v1/targets/proposals/" + id + "/adoption").then().statusCode(200);

        JsonPath a = given().auth().oauth2(admin).queryParams(Map.of("area", DISTRICT, "year", 2026))
                .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
        String s = "services.find { it.serviceCode == '" + ANC + "' }";
        // Every proposed goods need is a 2026 item of the district, with the decree as its source.
        for (Map<String, Object> g : proposed) {
            if (g.get("need") == null) {
                continue;
            }
            String item = s + ".mutu.items.find { it.item == '" + g.get("item") + "' }";
            assertThat(new BigDecimal(a.getString(item + ".need")))
                    .isEqualByComparingTo(new BigDecimal(String.valueOf(g.get("need"))));
            assertThat(a.getString(item + ".needSource")).contains("188.45/12/2026").contains("2026-01-15")
                    .contains("target proposal " + id);
        }
        String tablets = s + ".mutu.items.find { it.item == 'Tablet tambah darah' }";
        assertThat(new BigDecimal(a.getString(tablets + ".need"))).isEqualByComparingTo("19440");
        assertThat(new BigDecimal(a.getString(tablets + ".stock"))).isEqualByComparingTo("9000");
        assertThat(a.getList(s + ".mutu.needSources", String.class)).isNotEmpty()
                .allSatisfy(src -> assertThat(src).contains("188.45/12/2026"));
        assertThat(a.getString(s + ".mutu.explanation")).contains("188.45/12/2026");
        assertThat(a.getString(s + ".mutuStatus")).isEqualTo("PROVIDED");
        // %mutu is the mean of the capped items (rule set default): 9000 ÷ 19 440 for the tablets, 0 for the rest.
        List<Map<String, Object>> items = a.getList(s + ".mutu.items");
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Map<String, Object> i : items) {
            if (i.get("achievementPercent") != null) {
                sum = sum.add(new BigDecimal(String.valueOf(i.get("achievementPercent"))));
                n++;
            }
        }
        assertThat(n).isEqualTo(items.size());
        BigDecimal expected = new BigDecimal("9000").multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal("19440"), 10, RoundingMode.HALF_UP).divide(BigDecimal.valueOf(n), 2,
                        RoundingMode.HALF_UP);
        assertThat(new BigDecimal(a.getString(s + ".qualityPercent"))).isEqualByComparingTo(expected);
    }
}
