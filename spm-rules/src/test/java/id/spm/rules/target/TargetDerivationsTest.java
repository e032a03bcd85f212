package id.spm.rules.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.SpmService;

class TargetDerivationsTest {

    @ParameterizedTest(name = "⌈{0} ÷ 0.54 × 10⌉ = {1}")
    @CsvSource({
            "100, 1852", // 1851.85… rounds up
            "54, 1000", // exact: no float error may push it to 1001
            "27, 500",
            "5.4, 100",
            "1, 19", // 18.52 → 19
            "108.0001, 2001", // 2000.0019 → 2001
            "0, 0" })
    void tbFormulaRoundsUpToAWholePerson(String target, long expected) {
        assertThat(TargetDerivations.tbAmount(new BigDecimal(target), TbFormula.DEFAULT)).isEqualTo(expected);
    }

    @Test
    void tbTargetStatesItsFormula() {
        Target t = TargetDerivations.fromTbTarget("7318", 2025, new BigDecimal("100"), TbFormula.DEFAULT);
        assertThat(t).extracting(Target::area, Target::service, Target::amount, Target::source)
                .containsExactly("73.18", SpmService.TB_PRESUMPTIVE, 1852L, TargetSource.TB_FORMULA);
        assertThat(t.note()).contains("100 ÷ 0.54 × 10");
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
            "5529773, 0.0021, 11613", // digest §2.10 seed example: 11,612.52
            "100, 0.345, 35", // 34.5: half up (half even would give 34)
            "1000, 0.0125, 13", // 12.5 → 13
            "1000, 0.0124, 12", // 12.4 → 12
            "1000, 0.0135, 14", // 13.5 → 14
            "0, 0.3, 0" })
    void prevalenceRoundsHalfUp(long population, String rate, long expected) {
        assertThat(TargetDerivations.prevalenceAmount(population, new BigDecimal(rate))).isEqualTo(expected);
    }

    private static final List<Population> POPULATION = List.of(
            new Population("73.18", 2025, AgeGroup.parse("0"), 50, 50),
            new Population("73.18", 2025, AgeGroup.parse("1-4"), 200, 200),
            new Population("73.18", 2025, AgeGroup.parse("10-14"), 300, 300),
            new Population("73.18", 2025, AgeGroup.parse("15-19"), 400, 400),
            new Population("73.18", 2025, AgeGroup.parse("20-59"), 1000, 1100),
            new Population("73.18", 2025, AgeGroup.parse("75+"), 50, 50),
            new Population("73.18", 2024, AgeGroup.parse("15-19"), 9999, 9999),
            new Population("73.17", 2025, AgeGroup.parse("15-19"), 9999, 9999));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            // service, minAge, rate, expected: ≥ 15 is 800 + 2100 + 100 = 3000; all ages 4100
            "HYPERTENSION, 15, 0.3, 900",
            "DIABETES, 15, 0.0195, 59", // 58.5 → 59
            "SEVERE_MENTAL_DISORDER, 0, 0.0021, 9" // 8.61
    })
    void prevalenceTimesPopulationInTheAgeBand(SpmService service, int minAge, String rate, long expected) {
        Prevalence p = new Prevalence(service, new BigDecimal(rate), minAge, null, 2023, "SKI 2023");
        Target t = TargetDerivations.fromPrevalence("7318", 2025, POPULATION, p);
        assertThat(t.amount()).isEqualTo(expected);
        assertThat(t.source()).isEqualTo(TargetSource.PREVALENCE);
        assertThat(t.note()).contains("SKI 2023").contains("rounded half up");
    }

    @Test
    void anAgeGroupAcrossTheBandIsAnError() {
        List<Population> rows = List.of(new Population("73.18", 2025, AgeGroup.parse("10-19"), 1, 1));
        Prevalence p = new Prevalence(SpmService.HYPERTENSION, new BigDecimal("0.3"), 15, null, 2023, "SKI");
        assertThatThrownBy(() -> TargetDerivations.fromPrevalence("73.18", 2025, rows, p))
                .hasMessageContaining("straddles");
        assertThatThrownBy(() -> TargetDerivations.fromPrevalence("73.19", 2025, rows, p))
                .hasMessageContaining("no population");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = { "0|0|0", "1-4|1|4", "75+|75|", "15 - 19|15|19", "7|7|7" }, delimiter = '|')
    void parsesAgeGroups(String text, int from, Integer to) {
        assertThat(AgeGroup.parse(text)).isEqualTo(new AgeGroup(from, to));
    }

    @Test
    void anAreasSasaranSplitsByPopulationAndAddsUpToTheWhole() {
        Target whole = new Target("73.18", 2025, SpmService.HYPERTENSION, 1000, TargetSource.REGIONAL_HEAD_DECREE, "SK");
        List<Target> shares = TargetDerivations.splitByPopulation(whole, List.of(
                new id.spm.rules.model.PuskesmasInfo("P7318010101", "A", "73.18.01", java.util.Set.of(), 1L),
                new id.spm.rules.model.PuskesmasInfo("P7318020101", "B", "73.18.02", java.util.Set.of(), 1L),
                new id.spm.rules.model.PuskesmasInfo("P7318030101", "C", "73.18.03", java.util.Set.of(), 1L)));
        assertThat(shares).extracting(Target::amount).containsExactly(334L, 333L, 333L);
        assertThat(shares).allSatisfy(t -> assertThat(t.source()).isEqualTo(TargetSource.REGIONAL_HEAD_DECREE));
        assertThatThrownBy(() -> TargetDerivations.splitByPopulation(whole, List.of(
                new id.spm.rules.model.PuskesmasInfo("P7318010101", "A", "73.18.01", java.util.Set.of(), null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    }

    @Test
    void ageAtCountsABirthdayOnItsDayAnd29FebruaryOn28February() {
        var p = new id.spm.rules.model.Person("x", java.time.LocalDate.of(2000, 2, 29), null, null, null);
        assertThat(p.ageAt(java.time.LocalDate.of(2025, 2, 27))).isEqualTo(24);
        assertThat(p.ageAt(java.time.LocalDate.of(2025, 2, 28))).isEqualTo(25);
        assertThat(p.ageAt(java.time.LocalDate.of(1999, 1, 1))).isNull();
    }
}
