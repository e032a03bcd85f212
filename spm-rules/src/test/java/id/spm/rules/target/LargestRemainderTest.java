package id.spm.rules.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LargestRemainderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, total, codes, weights, expected shares
                Arguments.of("equal weights: the tie goes to the smallest code", 10L, List.of("P1", "P2", "P3"),
                        List.of(1L, 1L, 1L), List.of(4L, 3L, 3L)),
                Arguments.of("tie by code, whatever the input order", 10L, List.of("P3", "P1", "P2"),
                        List.of(10L, 10L, 10L), List.of(3L, 4L, 3L)),
                Arguments.of("two ties for two units", 11L, List.of("P1", "P2", "P3"), List.of(1L, 1L, 1L),
                        List.of(4L, 4L, 3L)),
                Arguments.of("largest fraction first", 100L, List.of("A", "B", "C"), List.of(1L, 2L, 3L),
                        List.of(17L, 33L, 50L)),
                Arguments.of("fraction .5 beats .4 beats .1", 7L, List.of("A", "B", "C"), List.of(5L, 3L, 2L),
                        List.of(4L, 2L, 1L)),
                Arguments.of("exact split leaves nothing", 900L, List.of("A", "B"), List.of(2L, 1L),
                        List.of(600L, 300L)),
                Arguments.of("zero to share", 0L, List.of("A", "B"), List.of(3L, 1L), List.of(0L, 0L)),
                Arguments.of("a zero weight takes nothing", 1L, List.of("A", "B"), List.of(0L, 5L),
                        List.of(0L, 1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsByLargestRemainder(String name, long total, List<String> codes, List<Long> weights,
            List<Long> expected) {
        long[] shares = LargestRemainder.allocate(total, codes, big(weights));
        assertThat(Arrays.stream(shares).boxed().toList()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34 })
    void sharesAlwaysAddUpAndStayWithinOneOfTheQuota(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(12);
        long total = r.nextInt(100_000);
        List<String> codes = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            codes.add(String.format("P%010d", i));
            long w = 1 + r.nextInt(50_000);
            weights.add(w);
            sum += w;
        }
        long[] shares = LargestRemainder.allocate(total, codes, big(weights));
        assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
        for (int i = 0; i < n; i++) {
            double quota = (double) total * weights.get(i) / sum;
            assertThat((double) shares[i]).isBetween(Math.floor(quota), Math.floor(quota) + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "all weights 0", "negative total" })
    void refusesWhatCannotBeShared(String what) {
        if (what.equals("all weights 0")) {
            assertThatThrownBy(() -> LargestRemainder.allocate(5, List.of("A"), big(List.of(0L))))
                    .hasMessageContaining("all 0");
        } else {
            assertThatThrownBy(() -> LargestRemainder.allocate(-1, List.of("A"), big(List.of(1L))))
                    .hasMessageContaining("negative");
        }
    }

    private static List<BigInteger> big(List<Long> weights) {
        return weights.stream().map(BigInteger::valueOf).toList();
    }
}
