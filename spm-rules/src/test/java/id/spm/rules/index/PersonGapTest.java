package id.spm.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.CategoryScheme;
import id.spm.rules.IndexParameters;

class PersonGapTest {

    private static final IndexParameters A = IndexParameters.DEFAULT;
    private static final IndexParameters B = IndexParameters.DEFAULT.withCategories(CategoryScheme.BANDS_10);

    static Stream<Arguments> table() {
        return Stream.of(
                // scheme, numerator, sasaran, %mutu, full, next band, persons to it
                // 50 % coverage, mutu 100: index 60.00 (Madya); Utama at 80 needs 750 served (80.00), 749 give 79.92.
                Arguments.of(A, 500, 1000, "100", 500L, "Tuntas Utama", 250L),
                // one person below a band that rounding half up reaches: 74 994 of 100 000 publish 80.00 (79.9952).
                Arguments.of(A, 74_000, 100_000, "100", 26_000L, "Tuntas Utama", 994L),
                Arguments.of(A, 74_993, 100_000, "100", 25_007L, "Tuntas Utama", 1L),
                // exactly on a lower bound: already in the band, the next one is counted
                Arguments.of(A, 750, 1000, "100", 250L, "Tuntas Paripurna", 250L),
                // mutu 80 caps the index at 96: Paripurna (100) is out of reach by persons alone
                Arguments.of(A, 1000, 1000, "80", 0L, "Tuntas Paripurna", null),
                Arguments.of(A, 900, 1000, "80", 100L, "Tuntas Paripurna", null),
                // at the top band there is no next one
                Arguments.of(A, 1000, 1000, "100", 0L, null, null),
                // above the sasaran: coverage capped, no one left to serve
                Arguments.of(A, 1200, 1000, "100", 0L, null, null),
                // Belum Tuntas → Pratama (20) with mutu 0: 0.8 p ≥ 19.995 → p ≥ 24.99375 → 25 of 100
                Arguments.of(A, 0, 100, "0", 100L, "Tuntas Pratama", 25L),
                // scheme B: index 65 (Muda 60–70) → Pratama at 70: 0.8 p + 20 ≥ 69.995 → p ≥ 62.49375 → 625 of 1000
                Arguments.of(B, 563, 1000, "100", 437L, "Tuntas Pratama", 62L),
                // scheme B: 89.99 → Utama at 90
                Arguments.of(B, 87_487, 100_000, "100", 12_513L, "Tuntas Utama", 7L));
    }

    @ParameterizedTest
    @MethodSource("table")
    void gapAtTheBandBoundaries(IndexParameters p, long numerator, long sasaran, String mutu, Long full, String next,
            Long persons) {
        BigDecimal q = new BigDecimal(mutu);
        BigDecimal index = PersonGap.publish(numerator, sasaran, q, p);
        PersonGap g = PersonGap.of(numerator, sasaran, q, index, p);
        assertThat(g).isEqualTo(new PersonGap(full, next, persons));
        if (persons != null) {
            // the answer is the smallest: one person fewer stays below the band
            assertThat(PersonGap.publish(numerator + persons, sasaran, q, p)).isGreaterThanOrEqualTo(
                    p.categories().bands().stream().filter(b -> b.label().equals(next)).findFirst().orElseThrow()
                            .minIndex());
            assertThat(p.categories().categorize(PersonGap.publish(numerator + persons, sasaran, q, p)))
                    .isEqualTo(next);
            if (persons > 0) {
                assertThat(p.categories().categorize(PersonGap.publish(numerator + persons - 1, sasaran, q, p)))
                        .isEqualTo(p.categories().categorize(index));
            }
        }
    }

    @Test
    void notComputableWithoutSasaranOrMutu() {
        assertThat(PersonGap.of(10, null, BigDecimal.TEN, BigDecimal.TEN, A)).isEqualTo(PersonGap.NONE);
        assertThat(PersonGap.of(10, 0L, BigDecimal.TEN, BigDecimal.TEN, A)).isEqualTo(PersonGap.NONE);
        assertThat(PersonGap.of(10, 100L, null, null, A)).isEqualTo(new PersonGap(90L, null, null));
    }
}
