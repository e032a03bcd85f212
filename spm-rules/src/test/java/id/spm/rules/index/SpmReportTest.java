package id.spm.rules.index;

import static id.spm.rules.AggregateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.count.CountAccumulator;
import id.spm.rules.count.Counts;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.quality.MutuCalculator;
import id.spm.rules.target.AgeGroup;
import id.spm.rules.target.Population;
import id.spm.rules.target.Target;
import id.spm.rules.target.TargetResolver;
import id.spm.rules.target.TargetSource;

class SpmReportTest {

    private static final Period YEAR = Period.ofYear(2025);

    @Test
    void districtAchievementFromCountsSasaranAndMutu() {
        CountAccumulator acc = new CountAccumulator(new Evaluator(RuleSets.PMK_6_2024), YEAR);
        SpmService s = SpmService.HIV_RISK;
        acc.addMonthlyCount(new MonthlyCount(P01A, 2025, 3, s, 30, null));
        acc.addMonthlyCount(new MonthlyCount(P02B, 2025, 7, s, 45, null));
        Counts counts = acc.result(HIERARCHY);
        TargetResolver targets = new TargetResolver(HIERARCHY,
                List.of(new Target(DISTRICT, 2025, s, 100, TargetSource.REGIONAL_HEAD_DECREE, "SK Bupati 12/2024")),
                List.of(new Population(KEC_02, 2025, AgeGroup.parse("0+"), 4000, 4000)));
        MutuCalculator mutu = new MutuCalculator(HIERARCHY,
                List.of(new id.spm.rules.quality.MutuRow(DISTRICT, 2025, null, s, id.spm.rules.quality.MutuKind.GOODS,
                        "Reagen R1", "tes", new java.math.BigDecimal("100"), new java.math.BigDecimal("50"), null)),
                RuleSets.PMK_6_2024.index().mutuAveraging());
        SpmReport report = new SpmReport(counts, targets, mutu, new Ipspm(RuleSets.PMK_6_2024));

        Achievement a = report.achievement(DISTRICT, s);
        // coverage 75 %, mutu 50 %: 50 × 0.2 + 75 × 0.8 = 70
        assertThat(a.numerator()).isEqualTo(75);
        assertThat(a.coveragePercent()).isEqualByComparingTo("75");
        assertThat(a.index()).isEqualByComparingTo("70.00");
        assertThat(a.category()).isEqualTo("Tuntas Madya");

        SectorIndex sector = report.sector(DISTRICT);
        assertThat(sector.included()).containsExactly(s);
        assertThat(sector.leftOut()).hasSize(11);
        assertThat(sector.index()).isEqualByComparingTo("70.00");

        // A Puskesmas without mutu rows of its own: coverage, but no index.
        Achievement p = report.achievement(P01A, s);
        // 100 by 6000 : 4000 : 4000 : 4000 → 33.3, 22.2, 22.2, 22.2: the unit left to P01A
        assertThat(p.denominator().amount()).isEqualTo(34);
        assertThat(p.coveragePercent()).isNotNull();
        assertThat(p.index()).isNull();
        assertThat(report.all()).hasSize(HIERARCHY.topDown().size());
    }
}
