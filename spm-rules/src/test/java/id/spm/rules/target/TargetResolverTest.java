package id.spm.rules.target;

import static id.spm.rules.AggregateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.SpmService;

class TargetResolverTest {

    private static final SpmService S = SpmService.DELIVERY;

    /** Kecamatan 73.18.02 holds two Puskesmas without a working-area population: 9000 shared equally. */
    private static final List<Population> KEC_POPULATION = List.of(
            new Population(KEC_02, 2025, AgeGroup.parse("0-14"), 2000, 2000),
            new Population(KEC_02, 2025, AgeGroup.parse("15+"), 2500, 2500),
            new Population(KEC_02, 2020, AgeGroup.parse("0+"), 1, 1));

    private static Target t(String area, long amount) {
        return new Target(area, 2025, S, amount, TargetSource.BPS_PROJECTION, "");
    }

    private static Map<String, Long> amounts(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] == null ? null : ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("own sasaran, the latest imported wins",
                        List.of(t(P01A, 50), t(P01A, 70)),
                        amounts(P01A, 70, P01B, null, KEC_01, null),
                        Map.of(P01A, DenominatorMethod.OWN)),
                Arguments.of("every child has one: areas sum their children",
                        List.of(t(P01A, 10), t(P01B, 20), t(P02A, 30), t(P02B, 40), t(P05A, 5)),
                        amounts(KEC_01, 30, KEC_02, 70, DISTRICT, 100, OTHER_DISTRICT, 5, PROVINCE, 105),
                        Map.of(DISTRICT, DenominatorMethod.SUM_OF_CHILDREN)),
                Arguments.of("district's sasaran shared after the Puskesmas with their own: 900 by 4000 : 4500 : 4500",
                        List.of(t(DISTRICT, 1000), t(P01A, 100)),
                        // quotas 276.92, 311.54, 311.54: one unit to .92, the other to the tie's smaller code
                        amounts(P01A, 100, P01B, 277, P02A, 312, P02B, 311, KEC_01, 377, KEC_02, 623, DISTRICT, 1000,
                                OTHER_DISTRICT, null, PROVINCE, null),
                        Map.of(P01B, DenominatorMethod.SHARE_OF_ANCESTOR, KEC_01, DenominatorMethod.SUM_OF_CHILDREN,
                                DISTRICT, DenominatorMethod.OWN, PROVINCE, DenominatorMethod.NONE)),
                Arguments.of("the nearest ancestor with a sasaran is shared: kecamatan before district",
                        List.of(t(DISTRICT, 1000), t(KEC_02, 500)),
                        amounts(P02A, 250, P02B, 250, P01A, 300, P01B, 200, KEC_01, 500, DISTRICT, 1000),
                        Map.of(P02A, DenominatorMethod.SHARE_OF_ANCESTOR, KEC_02, DenominatorMethod.OWN)),
                Arguments.of("a zero sasaran gives zero shares",
                        List.of(t(DISTRICT, 0)),
                        amounts(P01A, 0, P02B, 0, KEC_01, 0, DISTRICT, 0),
                        Map.of(P01A, DenominatorMethod.SHARE_OF_ANCESTOR)),
                Arguments.of("no sasaran anywhere: all missing",
                        List.of(),
                        amounts(P01A, null, KEC_01, null, DISTRICT, null, PROVINCE, null),
                        Map.of(PROVINCE, DenominatorMethod.NONE)),
                Arguments.of("a sasaran of another year or service is not used",
                        List.of(new Target(DISTRICT, 2024, S, 10, TargetSource.BPS_PROJECTION, ""),
                                new Target(DISTRICT, 2025, SpmService.ANTENATAL, 10, TargetSource.BPS_PROJECTION, "")),
                        amounts(DISTRICT, null),
                        Map.of(DISTRICT, DenominatorMethod.NONE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void resolvesPerDigestSection9(String name, List<Target> targets, Map<String, Long> expected,
            Map<String, DenominatorMethod> methods) {
        TargetResolver r = new TargetResolver(HIERARCHY, targets, KEC_POPULATION);
        Map<String, Long> actual = new LinkedHashMap<>();
        for (String area : expected.keySet()) {
            actual.put(area, r.resolve(area, S, 2025).amount());
        }
        assertThat(actual).isEqualTo(expected);
        methods.forEach((area, m) -> assertThat(r.resolve(area, S, 2025).method()).as(area).isEqualTo(m));
    }

    @ParameterizedTest(name = "district {0}, Puskesmas own {1}")
    @MethodSource("shareTotals")
    void sharesAddUpToTheAncestor(long district, List<Long> own) {
        List<Target> targets = new ArrayList<>(List.of(t(DISTRICT, district)));
        List<String> codes = List.of(P01A, P01B, P02A, P02B);
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i) != null) {
                targets.add(t(codes.get(i), own.get(i)));
            }
        }
        TargetResolver r = new TargetResolver(HIERARCHY, targets, KEC_POPULATION);
        long sum = 0;
        for (String p : codes) {
            sum += r.resolve(p, S, 2025).amount();
        }
        assertThat(sum).isEqualTo(district);
        assertThat(r.resolve(KEC_01, S, 2025).amount() + r.resolve(KEC_02, S, 2025).amount()).isEqualTo(district);
    }

    static Stream<Arguments> shareTotals() {
        return Stream.of(
                Arguments.of(1L, java.util.Arrays.asList(null, null, null, null)),
                Arguments.of(7L, java.util.Arrays.asList(null, null, null, null)),
                Arguments.of(12_345L, java.util.Arrays.asList(1000L, null, null, null)),
                Arguments.of(99_999L, java.util.Arrays.asList(null, 33_333L, null, 1L)),
                Arguments.of(500L, java.util.Arrays.asList(100L, 100L, 100L, null)));
    }

    @Test
    void zeroAndMissingAreExplicitStatusesWithReasons() {
        TargetResolver r = new TargetResolver(HIERARCHY, List.of(t(DISTRICT, 0)), KEC_POPULATION);
        Denominator zero = r.resolve(P01A, S, 2025);
        assertThat(zero.status()).isEqualTo(DenominatorStatus.ZERO);
        assertThat(zero.canDivide()).isFalse();
        Denominator missing = r.resolve(PROVINCE, S, 2025);
        assertThat(missing.status()).isEqualTo(DenominatorStatus.MISSING);
        assertThat(missing.amount()).isNull();
        assertThat(missing.explanation()).contains(OTHER_DISTRICT);
    }

    @Test
    void ownSasaranBelowExceedingTheAncestorLeavesNothingToShare() {
        TargetResolver r = new TargetResolver(HIERARCHY, List.of(t(DISTRICT, 100), t(P01A, 150)), KEC_POPULATION);
        Denominator d = r.resolve(P01B, S, 2025);
        assertThat(d.status()).isEqualTo(DenominatorStatus.MISSING);
        assertThat(d.explanation()).contains("exceed");
    }

    @Test
    void withoutAnyPopulationToShareByTheSharesAreMissing() {
        TargetResolver r = new TargetResolver(HIERARCHY, List.of(t(DISTRICT, 100)), List.of());
        Denominator d = r.resolve(P01A, S, 2025);
        assertThat(d.status()).isEqualTo(DenominatorStatus.MISSING);
        assertThat(d.explanation()).contains(P02A).contains(P02B).contains("population");
    }

    @Test
    void kecamatanPopulationOfTheLatestYearNotAfterTheTarget() {
        List<Population> rows = List.of(new Population(KEC_02, 2023, AgeGroup.parse("0+"), 50, 50),
                new Population(KEC_02, 2026, AgeGroup.parse("0+"), 1_000_000, 0));
        TargetResolver r = new TargetResolver(HIERARCHY, List.of(t(KEC_02, 9)), rows);
        Denominator d = r.resolve(P02A, S, 2025);
        assertThat(d.amount()).isEqualTo(5); // 4.5 each, tie to the smaller code
        assertThat(r.resolve(P02B, S, 2025).amount()).isEqualTo(4);
        assertThat(d.explanation()).contains("100 (2023) ÷ 2 Puskesmas");
        assertThat(d.sharedFrom()).isEqualTo(KEC_02);
        assertThat(d.sources()).containsExactly(TargetSource.BPS_PROJECTION);
    }
}
