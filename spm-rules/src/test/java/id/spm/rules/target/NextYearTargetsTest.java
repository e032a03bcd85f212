package id.spm.rules.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.spm.rules.SpmService;

class NextYearTargetsTest {

    static List<Population> rows(int year, long scale) {
        return List.of(new Population("76.01", year, AgeGroup.parse("0"), 10 * scale, 10 * scale),
                new Population("76.01", year, AgeGroup.parse("1-4"), 40 * scale, 40 * scale),
                new Population("76.01", year, AgeGroup.parse("5-14"), 100 * scale, 100 * scale),
                new Population("76.01", year, AgeGroup.parse("15-59"), 300 * scale, 300 * scale),
                new Population("76.01", year, AgeGroup.parse("60+"), 50 * scale, 50 * scale));
    }

    @Test
    void eachServiceHasItsMethod() {
        List<Population> base = rows(2025, 1);
        List<Population> projected = rows(2026, 2);
        Target anc = new Target("76.01", 2025, SpmService.ANTENATAL, 33, TargetSource.BPS_PROJECTION, "");
        Prevalence ht = new Prevalence(SpmService.HYPERTENSION, new BigDecimal("0.308"), 15, null, 2023, "SKI 2023");
        List<NextYearTargets.Proposed> p = NextYearTargets.propose("76.01", 2026, projected, base,
                Map.of(SpmService.ANTENATAL, anc), Map.of(SpmService.HYPERTENSION, ht), new BigDecimal("27"));
        assertThat(p).hasSize(12);
        // 33 × 2000 ÷ 1000
        assertThat(p.get(0).method()).isEqualTo(NextYearTargets.Method.SCALED_BY_POPULATION);
        assertThat(p.get(0).target().amount()).isEqualTo(66);
        assertThat(p.get(0).target().source()).isEqualTo(TargetSource.BPS_PROJECTION);
        assertThat(p.get(SpmService.BALITA.ordinal()).target().amount()).isEqualTo(160);
        assertThat(p.get(SpmService.PRODUCTIVE_AGE.ordinal()).target().amount()).isEqualTo(1200);
        assertThat(p.get(SpmService.ELDERLY.ordinal()).target().amount()).isEqualTo(200);
        // 1400 × 0.308 = 431.2 → 431
        assertThat(p.get(SpmService.HYPERTENSION.ordinal()).method()).isEqualTo(NextYearTargets.Method.PREVALENCE);
        assertThat(p.get(SpmService.HYPERTENSION.ordinal()).target().amount()).isEqualTo(431);
        // ⌈27 ÷ 0.54 × 10⌉ = 500
        assertThat(p.get(SpmService.TB_PRESUMPTIVE.ordinal()).target().amount()).isEqualTo(500);
        // No sasaran this year and no other method: a reason.
        assertThat(p.get(SpmService.HIV_RISK.ordinal()).target()).isNull();
        assertThat(p.get(SpmService.HIV_RISK.ordinal()).reason()).contains("no sasaran");
    }
}
