package id.spm.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgementTest {

    @ParameterizedTest(name = "{0} target {1}, value {2}: met={3}")
    @CsvSource({
            // ≥: at, above, below (Magelang 3.a K4 ≥ 95 %)
            "AT_LEAST, 95, 95, true", "AT_LEAST, 95, 95.01, true", "AT_LEAST, 95, 94.99, false",
            // ≤: at, above, below (Magelang 3... pulang paksa ≤ 5 %)
            "AT_MOST, 5, 5, true", "AT_MOST, 5, 5.01, false", "AT_MOST, 5, 4.99, true",
            // a minutes indicator: laboratory ≤ 120 minutes (Lampiran 1.b.7)
            "AT_MOST, 120, 120, true", "AT_MOST, 120, 121, false", "AT_MOST, 120, 45, true",
            // a rate per 100,000: AFP ≥ 2 per 100,000 under-15s (Lampiran 3.m.1)
            "AT_LEAST, 2, 2.00, true", "AT_LEAST, 2, 3.5, true", "AT_LEAST, 2, 1.99, false",
            // scale does not matter: 100.00 equals 100
            "AT_LEAST, 100, 100.00, true" })
    void judgesByDirection(Direction direction, BigDecimal target, BigDecimal value, boolean met) {
        assertThat(Judgement.met(direction, target, value)).isEqualTo(met);
    }

    @Test
    void noValueOrNoTargetIsNoJudgement() {
        assertThat(Judgement.met(Direction.AT_LEAST, new BigDecimal("95"), null)).isNull();
        assertThat(Judgement.met(Direction.AT_MOST, null, BigDecimal.ONE)).isNull();
    }

    @ParameterizedTest(name = "{0} cases in {1}: {2} per 100,000, ≥ 2 met={3}")
    @CsvSource({ "1, 50000, 2.00, true", // exactly the target
            "3, 100000, 3.00, true", //
            "1, 50001, 2.00, true", // 1.99996 rounds half up to 2.00
            "1, 50100, 2.00, true", // 1.996 → 2.00
            "1, 50300, 1.99, false", // 1.988 → 1.99
            "0, 180000, 0.00, false" })
    void ratePer100000IsJudgedAsStated(long cases, long population, BigDecimal rate, boolean met) {
        BigDecimal r = Judgement.per100000(cases, population);
        assertThat(r).isEqualByComparingTo(rate);
        assertThat(Judgement.met(Direction.AT_LEAST, BigDecimal.valueOf(2), r)).isEqualTo(met);
    }

    @Test
    void rateWithoutPopulationIsNull() {
        assertThat(Judgement.per100000(2, 0)).isNull();
        assertThatThrownBy(() -> Judgement.per100000(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1}/{2} = {3}")
    @CsvSource({ "PERCENT, 1, 3, 33.33", "PERCENT, 2, 3, 66.67", "PERCENT, 19, 20, 95.00", "PER_100000, 1, 50000, 2.00",
            "PER_100000, 7, 180000, 3.89" })
    void ratiosOfRegisterCounts(Unit unit, long numerator, long denominator, BigDecimal value) {
        assertThat(Judgement.ratio(unit, numerator, denominator)).isEqualByComparingTo(value);
    }

    @Test
    void onlyPercentAndRatesAreRatios() {
        assertThat(Judgement.ratio(Unit.PERCENT, 0, 0)).isNull();
        assertThatThrownBy(() -> Judgement.ratio(Unit.MINUTES, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a ratio");
        assertThatThrownBy(() -> Judgement.ratio(Unit.COUNT, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minutesIndicator() {
        // "1 jam 5 menit" for a laboratory result against ≤ 120 minutes
        BigDecimal lab = Judgement.minutes(1, BigDecimal.valueOf(5));
        assertThat(lab).isEqualByComparingTo("65");
        assertThat(Judgement.met(Direction.AT_MOST, BigDecimal.valueOf(120), lab)).isTrue();
        assertThat(Judgement.met(Direction.AT_MOST, BigDecimal.valueOf(120), Judgement.minutes(2, BigDecimal.ONE)))
                .isFalse();
        // registration ≤ 5 minutes, exactly 5
        assertThat(Judgement.met(Direction.AT_MOST, BigDecimal.valueOf(5), Judgement.minutes(0, BigDecimal.valueOf(5))))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({ "PERCENT, 100, ", "PERCENT, 100.5, a percentage cannot exceed 100",
            "MINUTES, -1, a minutes value cannot be negative", "COUNT, 2.5, a count is a whole number", "COUNT, 2.0, ",
            "PER_100000, 250, " })
    void unitsRefuseImpossibleValues(Unit unit, BigDecimal value, String reason) {
        assertThat(unit.check(value)).isEqualTo(reason);
    }

    @Test
    void rollupCountsMetAndValues() {
        Rollup r = Rollup.EMPTY.add(true, true).add(true, false).add(false, null).add(true, null);
        assertThat(r).isEqualTo(new Rollup(4, 3, 1));
        assertThat(r.notMet()).isEqualTo(2);
        assertThatThrownBy(() -> Rollup.EMPTY.add(false, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
