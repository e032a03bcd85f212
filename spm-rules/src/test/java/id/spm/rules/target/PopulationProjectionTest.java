package id.spm.rules.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PopulationProjectionTest {

    static Population row(int year, long male, long female) {
        return new Population("76.01", year, AgeGroup.parse("15-19"), male, female);
    }

    @Test
    void linearExtendsTheLeastSquaresLine() {
        // male 100, 110, 120 → 130; female 200, 204, 211 → slope 5.5, mean 205 at 2024 → 205 + 11 = 216
        List<Population> p = PopulationProjection.project(
                List.of(row(2023, 100, 200), row(2024, 110, 204), row(2025, 120, 211)), 2026, ProjectionMethod.LINEAR,
                null);
        assertThat(p).containsExactly(row(2026, 130, 216));
    }

    @Test
    void geometricCompoundsTheObservedGrowth() {
        // male 100 → 121 over two years: 10 % a year → 133.1 → 133; female 0 → 0 stays
        List<Population> p = PopulationProjection.project(List.of(row(2023, 100, 0), row(2025, 121, 0)), 2026,
                ProjectionMethod.GEOMETRIC, null);
        assertThat(p).containsExactly(row(2026, 133, 0));
        // one year known, growth given: 1000 × 1.02² = 1040.4 → 1040
        assertThat(PopulationProjection.project(List.of(row(2024, 1000, 1000)), 2026, ProjectionMethod.GEOMETRIC,
                new BigDecimal("0.02"))).containsExactly(row(2026, 1040, 1040));
    }

    @Test
    void oneYearWithoutGrowthOrRowsNotBeforeAreRefused() {
        assertThatThrownBy(() -> PopulationProjection.project(List.of(row(2025, 1, 1)), 2026, ProjectionMethod.LINEAR,
                null)).hasMessageContaining("two years");
        assertThatThrownBy(() -> PopulationProjection.project(List.of(row(2026, 1, 1), row(2025, 1, 1)), 2026,
                ProjectionMethod.LINEAR, null)).hasMessageContaining("not before");
        assertThatThrownBy(() -> PopulationProjection.project(List.of(), 2026, ProjectionMethod.GEOMETRIC, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProjectionFeedsTheDerivations() {
        List<Population> p = PopulationProjection.project(
                List.of(row(2023, 100, 200), row(2024, 110, 204), row(2025, 120, 211)), 2026, ProjectionMethod.LINEAR,
                null);
        assertThat(TargetDerivations.populationInBand("76.01", 2026, p, 15, 59)).isEqualTo(346);
    }
}
