package id.spm.rules.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Reason;

class YearComparisonTest {

    private static final Map<String, String> PARAMS = Map.of("screening.ivaDecides", "false", "index.coverageCap",
            "100");

    static Figures fig(String penerima, String mutu, String index) {
        return new Figures("PMK-6-2024", PARAMS, "BANDS-20", 100, 200L, Set.of("BPS_PROJECTION"), "OWN", dec(penerima),
                dec(mutu), dec(index), index == null ? null : "Tuntas Madya");
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static Stream<Arguments> table() {
        Figures base = fig("70.00", "50.00", "66.00");
        return Stream.of(
                // name, base, current, tolerance, direction, basis, reason codes
                Arguments.of("index up", base, fig("75.00", "50.00", "70.00"), "0", Direction.IMPROVED, Basis.IPSPM,
                        List.of()),
                Arguments.of("index down", base, fig("65.00", "50.00", "62.00"), "0", Direction.DECLINED,
                        Basis.IPSPM, List.of()),
                Arguments.of("index equal", base, fig("70.00", "50.00", "66.00"), "0", Direction.UNCHANGED,
                        Basis.IPSPM, List.of()),
                Arguments.of("up by exactly the tolerance", base, fig("70.00", "50.00", "66.50"), "0.5",
                        Direction.UNCHANGED, Basis.IPSPM, List.of()),
                Arguments.of("down by exactly the tolerance", base, fig("70.00", "50.00", "65.50"), "0.5",
                        Direction.UNCHANGED, Basis.IPSPM, List.of()),
                Arguments.of("up by more than the tolerance", base, fig("70.00", "50.00", "66.51"), "0.5",
                        Direction.IMPROVED, Basis.IPSPM, List.of()),
                Arguments.of("smallest move counts with tolerance 0", base, fig("70.00", "50.00", "65.99"), "0",
                        Direction.DECLINED, Basis.IPSPM, List.of()),
                Arguments.of("mutu missing now: on penerima", base, fig("72.00", null, null), "0",
                        Direction.IMPROVED, Basis.PENERIMA, List.of()),
                Arguments.of("mutu missing before: on penerima, down", fig("72.00", null, null),
                        fig("70.00", "90.00", "74.00"), "0", Direction.DECLINED, Basis.PENERIMA, List.of()),
                Arguments.of("penerima missing now", base, fig(null, "50.00", null), "0", Direction.NOT_COMPARABLE,
                        Basis.NONE, List.of("FIGURE_MISSING")),
                Arguments.of("other rule set", base,
                        new Figures("PMK-4-2019", PARAMS, "BANDS-20", 100, 200L, Set.of("BPS_PROJECTION"), "OWN",
                                dec("80"), dec("80"), dec("80"), "Tuntas Utama"),
                        "0", Direction.NOT_COMPARABLE, Basis.NONE, List.of("DIFFERENT_RULE_SET")),
                Arguments.of("other parameter", base,
                        new Figures("PMK-6-2024", Map.of("screening.ivaDecides", "true", "index.coverageCap", "100"),
                                "BANDS-20", 100, 200L, Set.of("BPS_PROJECTION"), "OWN", dec("80"), dec("80"),
                                dec("80"), "Tuntas Utama"),
                        "0", Direction.NOT_COMPARABLE, Basis.NONE, List.of("DIFFERENT_PARAMETERS")),
                Arguments.of("other category scheme", base,
                        new Figures("PMK-6-2024", PARAMS, "BANDS-10", 100, 200L, Set.of("BPS_PROJECTION"), "OWN",
                                dec("80"), dec("80"), dec("80"), "Tuntas Madya"),
                        "0", Direction.NOT_COMPARABLE, Basis.NONE, List.of("DIFFERENT_CATEGORY_SCHEME")),
                Arguments.of("sasaran of another provenance", base,
                        new Figures("PMK-6-2024", PARAMS, "BANDS-20", 100, 200L, Set.of("REGIONAL_HEAD_DECREE"), "OWN",
                                dec("80"), dec("80"), dec("80"), "Tuntas Utama"),
                        "0", Direction.NOT_COMPARABLE, Basis.NONE, List.of("DIFFERENT_SASARAN_PROVENANCE")),
                Arguments.of("every reason at once", base,
                        new Figures("PMK-4-2019", Map.of("screening.ivaDecides", "true"), "BANDS-10", 100, null,
                                Set.of(), "MISSING", null, dec("80"), null, null),
                        "0", Direction.NOT_COMPARABLE, Basis.NONE,
                        List.of("DIFFERENT_RULE_SET", "DIFFERENT_PARAMETERS", "DIFFERENT_CATEGORY_SCHEME",
                                "FIGURE_MISSING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void direction(String name, Figures base, Figures current, String tolerance, Direction direction, Basis basis,
            List<String> reasons) {
        Change c = new YearComparison(new BigDecimal(tolerance)).compare(base, current);
        assertThat(c.direction()).isEqualTo(direction);
        assertThat(c.basis()).isEqualTo(basis);
        assertThat(c.notComparable()).extracting(Reason::code).containsExactlyElementsOf(reasons);
        if (basis == Basis.PENERIMA) {
            assertThat(c.notes()).extracting(Reason::code).containsExactly("JUDGED_ON_PENERIMA");
        }
    }

    @Test
    void changesAreCurrentMinusBase() {
        Change c = new YearComparison(YearComparison.DEFAULT_TOLERANCE).compare(fig("70.00", "50.00", "66.00"),
                new Figures("PMK-6-2024", PARAMS, "BANDS-20", 130, 180L, Set.of("BPS_PROJECTION"), "OWN",
                        dec("72.22"), dec("60.00"), dec("69.78"), "Tuntas Madya"));
        assertThat(c.numeratorChange()).isEqualTo(30);
        assertThat(c.sasaranChange()).isEqualTo(-20);
        assertThat(c.penerimaChange()).isEqualByComparingTo("2.22");
        assertThat(c.qualityChange()).isEqualByComparingTo("10.00");
        assertThat(c.indexChange()).isEqualByComparingTo("3.78");
    }

    /** The Kediri study's shape (seed 000): of 12 services 4 improved; counts add up to the services. */
    @Test
    void countsOverTwelveServices() {
        YearComparison cmp = new YearComparison(YearComparison.DEFAULT_TOLERANCE);
        Figures base = fig("70.00", "50.00", "66.00");
        List<Change> changes = new ArrayList<>();
        String[] now = { "70", "71", "60", "66", "80", "65", "50", "66.01", "65.99", "40", "20", "66" };
        for (String idx : now) {
            changes.add(cmp.compare(base, fig("70.00", "50.00", idx)));
        }
        changes.set(11, cmp.compare(base, fig(null, null, null)));
        Map<Direction, Integer> counts = YearComparison.counts(changes);
        assertThat(counts).containsEntry(Direction.IMPROVED, 4).containsEntry(Direction.DECLINED, 6)
                .containsEntry(Direction.UNCHANGED, 1).containsEntry(Direction.NOT_COMPARABLE, 1);
    }

    @Test
    void negativeToleranceIsRefused() {
        assertThatThrownBy(() -> new YearComparison(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
