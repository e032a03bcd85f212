package id.spm.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.CategoryScheme;
import id.spm.rules.IndexParameters;
import id.spm.rules.MutuAveraging;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.quality.MutuOrigin;
import id.spm.rules.quality.MutuResult;
import id.spm.rules.quality.MutuStatus;
import id.spm.rules.target.Denominator;
import id.spm.rules.target.DenominatorMethod;
import id.spm.rules.target.DenominatorStatus;
import id.spm.rules.target.TargetSource;

class IpspmTest {

    private static final String AREA = "73.18";
    private static final Period YEAR = Period.ofYear(2025);
    private static final SpmService S = SpmService.HIV_RISK;

    static Denominator denominator(Long amount) {
        if (amount == null) {
            return Denominator.missing(AREA, S, 2025, "no sasaran of its own");
        }
        return new Denominator(AREA, S, 2025, amount, amount == 0 ? DenominatorStatus.ZERO : DenominatorStatus.AVAILABLE,
                DenominatorMethod.OWN, Set.of(TargetSource.REGIONAL_HEAD_DECREE), null, null, "own");
    }

    static MutuResult mutu(String percent) {
        if (percent == null) {
            return new MutuResult(AREA, S, MutuStatus.NOT_PROVIDED, MutuOrigin.NONE, null, List.of(), null,
                    MutuAveraging.MEAN_OF_CAPPED, List.of(), "mutu not provided: no rows");
        }
        return new MutuResult(AREA, S, MutuStatus.PROVIDED, MutuOrigin.OWN, null, List.of(), new BigDecimal(percent),
                MutuAveraging.MEAN_OF_CAPPED, List.of(AREA), "own rows");
    }

    static RuleSet withScheme(CategoryScheme scheme) {
        return RuleSets.PMK_6_2024.withIndex(RuleSets.PMK_6_2024.index().withCategories(scheme));
    }

    static Stream<Arguments> indices() {
        RuleSet def = RuleSets.PMK_6_2024;
        RuleSet tens = withScheme(CategoryScheme.BANDS_10);
        IndexParameters p = def.index();
        RuleSet uncapped = def.withIndex(new IndexParameters(p.mutuWeight(), p.penerimaWeight(), null,
                p.mutuAveraging(), p.categories(), p.scale()));
        return Stream.of(
                // rule set, mutu %, numerator, denominator, coverage, penerima, index, category
                Arguments.of("89.995 rounds once to 90.00, banded as 90", tens, "100", 139_990L, 160_000L, "87.49",
                        "87.49", "90.00", "Tuntas Utama"),
                Arguments.of("99.995 rounds to 100.00: Paripurna", def, "100", 1_599_900L, 1_600_000L, "99.99", "99.99",
                        "100.00", "Tuntas Paripurna"),
                Arguments.of("99.994 stays below 100", def, "100", 1_599_880L, 1_600_000L, "99.99", "99.99", "99.99",
                        "Tuntas Utama"),
                Arguments.of("weights 20/80", def, "50", 50L, 100L, "50.00", "50.00", "50.00", "Tuntas Muda"),
                Arguments.of("coverage shown as computed, capped at 100 inside the index", def, "100", 150L, 100L,
                        "150.00", "100.00", "100.00", "Tuntas Paripurna"),
                Arguments.of("without a cap, coverage enters the index as computed", uncapped, "100", 150L, 100L,
                        "150.00", "150.00", "140.00", "Tuntas Paripurna"),
                Arguments.of("numerator 0", def, "0", 0L, 100L, "0.00", "0.00", "0.00", "Belum Tuntas"),
                Arguments.of("19.995 → 20.00: Pratama", def, "0", 249_937_500L, 1_000_000_000L, "24.99", "24.99",
                        "20.00", "Tuntas Pratama"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indices")
    void indexIsComputedUnroundedAndRoundedOnceHalfUp(String name, RuleSet rs, String mutu, long num, long den,
            String coverage, String penerima, String index, String category) {
        Achievement a = new Ipspm(rs).achievement(AREA, S, YEAR, num, denominator(den), mutu(mutu), List.of());
        assertThat(a.coveragePercent()).isEqualTo(new BigDecimal(coverage));
        assertThat(a.penerimaPercent()).isEqualTo(new BigDecimal(penerima));
        assertThat(a.index()).isEqualTo(new BigDecimal(index));
        assertThat(a.category()).isEqualTo(category);
        assertThat(a.reasons()).isEmpty();
        assertThat(a.ruleSetId()).isEqualTo("PMK-6-2024");
    }

    @Test
    void cappedCoverageIsStatedAsAnAssumptionAndParametersAreNamed() {
        Achievement a = new Ipspm(RuleSets.PMK_6_2024).achievement(AREA, S, YEAR, 150, denominator(100L), mutu("100"),
                List.of());
        assertThat(a.assumptions()).extracting(id.spm.rules.Assumption::code).containsExactly("COVERAGE_CAPPED");
        assertThat(a.parameters()).extracting(Parameter::name).contains("index.coverageCap", "index.weights",
                "index.categories");
    }

    static Stream<Arguments> nulls() {
        return Stream.of(
                // denominator, mutu %, coverage, reason codes
                Arguments.of(0L, "100", null, List.of("DENOMINATOR_ZERO")),
                Arguments.of(null, "100", null, List.of("DENOMINATOR_MISSING")),
                Arguments.of(100L, null, "40.00", List.of("MUTU_NOT_PROVIDED")),
                Arguments.of(0L, null, null, List.of("DENOMINATOR_ZERO", "MUTU_NOT_PROVIDED")));
    }

    @ParameterizedTest(name = "denominator {0}, mutu {1}")
    @MethodSource("nulls")
    void zeroOrMissingDenominatorAndMissingMutuGiveNullWithReasons(Long den, String mutu, String coverage,
            List<String> codes) {
        Achievement a = new Ipspm(RuleSets.PMK_6_2024).achievement(AREA, S, YEAR, 40, denominator(den), mutu(mutu),
                List.of());
        assertThat(a.coveragePercent()).isEqualTo(coverage == null ? null : new BigDecimal(coverage));
        assertThat(a.index()).isNull();
        assertThat(a.category()).isNull();
        assertThat(a.computable()).isFalse();
        assertThat(a.reasons()).extracting(Reason::code).isEqualTo(codes);
        assertThat(a.reasons()).allSatisfy(r -> assertThat(r.clause()).startsWith("PMK-6-2024 §9"));
    }

    static Stream<Arguments> sectors() {
        return Stream.of(
                // numerators (per 10^7 of sasaran, mutu 100; null = sasaran missing), expected index, category
                // 80.004, 80.004, 80.007: mean 80.005 → 80.01 (mean of rounded values would give 80.00)
                Arguments.of(java.util.Arrays.asList(7_500_500L, 7_500_500L, 7_500_875L), "80.01", "Tuntas Utama",
                        List.of()),
                Arguments.of(java.util.Arrays.asList(10_000_000L, null, 0L, null), "60.00", "Tuntas Madya",
                        List.of(SpmService.DELIVERY, SpmService.BALITA)),
                Arguments.of(java.util.Arrays.asList(null, null), null, null,
                        List.of(SpmService.ANTENATAL, SpmService.DELIVERY)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sectors")
    void sectorIsTheMeanOfComputableServicesNamingThoseLeftOut(List<Long> numerators, String index, String category,
            List<SpmService> leftOut) {
        Ipspm ipspm = new Ipspm(RuleSets.PMK_6_2024);
        List<Achievement> all = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            Long n = numerators.get(i);
            all.add(ipspm.achievement(AREA, SpmService.ofNumber(i + 1), YEAR, n == null ? 0 : n,
                    denominator(n == null ? null : 10_000_000L), mutu("100"), List.of()));
        }
        SectorIndex s = ipspm.sector(AREA, YEAR, all);
        assertThat(s.index()).isEqualTo(index == null ? null : new BigDecimal(index));
        assertThat(s.category()).isEqualTo(category);
        assertThat(s.leftOut().keySet()).containsExactlyElementsOf(leftOut);
        assertThat(s.included()).hasSize(numerators.size() - leftOut.size());
        assertThat(s.ruleSetId()).isEqualTo("PMK-6-2024");
    }
}
