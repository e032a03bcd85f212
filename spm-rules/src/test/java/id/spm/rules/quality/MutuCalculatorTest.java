package id.spm.rules.quality;

import static id.spm.rules.AggregateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.MutuAveraging;
import id.spm.rules.Period;
import id.spm.rules.SpmService;

class MutuCalculatorTest {

    private static final Period YEAR = Period.ofYear(2025);

    private static MutuResult of(List<MutuRow> rows, String area, Period period, MutuAveraging averaging) {
        return new MutuCalculator(HIERARCHY, rows, averaging).of(area, SpmService.ANTENATAL, period);
    }

    @ParameterizedTest(name = "need {0}, stock {1}: {2} %")
    @CsvSource({
            "100, 50, 50",
            "100, 100, 100",
            "100, 150, 100", // capped at 100
            "3, 1, 33.33333333333333333333333333333333", // unrounded
            "180, 0, 0" })
    void itemAchievementIsStockOverNeedCappedAt100(String need, String stock, String expected) {
        MutuResult r = of(List.of(mutu(DISTRICT, null, "TTD", need, stock)), DISTRICT, YEAR,
                MutuAveraging.MEAN_OF_CAPPED);
        assertThat(r.lines().get(0).achievement()).isEqualByComparingTo(expected);
        assertThat(r.percent()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // averaging, expected: items 50/100 (50 %), 300/300 (100 %), need 0 left out
            "MEAN_OF_CAPPED, 75",
            "POOLED, 87.5" })
    void meanOfCappedItemsOrPooledLeavingOutNeedZero(MutuAveraging averaging, String expected) {
        List<MutuRow> rows = List.of(mutu(DISTRICT, null, "A", "100", "50"), mutu(DISTRICT, null, "B", "300", "300"),
                mutu(DISTRICT, null, "C", "0", "40"));
        MutuResult r = of(rows, DISTRICT, YEAR, averaging);
        assertThat(r.percent()).isEqualByComparingTo(expected);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(2).counts()).isFalse();
        assertThat(r.averaging()).isEqualTo(averaging);
    }

    @Test
    void formsStateNeedStockGapAndCost() {
        List<MutuRow> rows = List.of(
                new MutuRow(DISTRICT, 2025, null, SpmService.ANTENATAL, MutuKind.GOODS, "Tablet tambah darah", "tablet",
                        new BigDecimal("180"), new BigDecimal("100"), new BigDecimal("500")),
                new MutuRow(DISTRICT, 2025, null, SpmService.ANTENATAL, MutuKind.GOODS, "Vaksin Td", "dosis",
                        new BigDecimal("10"), new BigDecimal("12"), new BigDecimal("9000")),
                new MutuRow(DISTRICT, 2025, null, SpmService.ANTENATAL, MutuKind.STAFF, "Bidan", "orang",
                        new BigDecimal("4"), new BigDecimal("3"), null));
        MutuResult r = of(rows, DISTRICT, YEAR, MutuAveraging.MEAN_OF_CAPPED);
        assertThat(r.goods()).extracting(MutuLine::item, MutuLine::gap, MutuLine::cost).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Tablet tambah darah", new BigDecimal("80"), new BigDecimal("40000")),
                org.assertj.core.groups.Tuple.tuple("Vaksin Td", BigDecimal.ZERO, new BigDecimal("0")));
        assertThat(r.staff()).singleElement().satisfies(l -> {
            assertThat(l.gap()).isEqualByComparingTo("1");
            assertThat(l.cost()).isNull();
        });
        assertThat(r.totalCost(MutuKind.GOODS)).isEqualByComparingTo("40000");
        // (55.5… + 100 + 75) / 3
        assertThat(r.percent()).isEqualByComparingTo(new BigDecimal("100").multiply(new BigDecimal("100"))
                .divide(new BigDecimal("180"), MutuCalculator.MC).add(new BigDecimal("175"))
                .divide(new BigDecimal("3"), MutuCalculator.MC));
    }

    static Stream<Arguments> fallbacks() {
        List<MutuRow> puskesmasRows = List.of(mutu(P01A, null, "TTD", "100", "40"), mutu(P01B, null, "ttd ", "100", "80"),
                mutu(P02A, null, "TTD", "200", "200"));
        return Stream.of(
                Arguments.of("own rows", List.of(mutu(DISTRICT, null, "TTD", "10", "5")), DISTRICT, MutuStatus.PROVIDED,
                        MutuOrigin.OWN, "50", List.of(DISTRICT)),
                Arguments.of("district without own rows: per-item sums of its Puskesmas' rows", puskesmasRows,
                        DISTRICT, MutuStatus.PROVIDED, MutuOrigin.DESCENDANTS, "80", List.of(P01A, P01B, P02A)),
                Arguments.of("kecamatan rows stand for their Puskesmas (no double counting)",
                        List.of(mutu(KEC_01, null, "TTD", "100", "100"), mutu(P01A, null, "TTD", "100", "0"),
                                mutu(P02A, null, "TTD", "100", "0")),
                        DISTRICT, MutuStatus.PROVIDED, MutuOrigin.DESCENDANTS, "50", List.of(KEC_01, P02A)),
                Arguments.of("a Puskesmas does not inherit its district's rows",
                        List.of(mutu(DISTRICT, null, "TTD", "10", "5")), P01A, MutuStatus.NOT_PROVIDED, MutuOrigin.NONE,
                        null, List.of()),
                Arguments.of("nothing anywhere: mutu not provided", List.of(), PROVINCE, MutuStatus.NOT_PROVIDED,
                        MutuOrigin.NONE, null, List.of()),
                Arguments.of("rows of another year are not used",
                        List.of(new MutuRow(DISTRICT, 2024, null, SpmService.ANTENATAL, MutuKind.GOODS, "TTD", "",
                                BigDecimal.TEN, BigDecimal.ONE, null)),
                        DISTRICT, MutuStatus.NOT_PROVIDED, MutuOrigin.NONE, null, List.of()),
                Arguments.of("every item with need 0", List.of(mutu(DISTRICT, null, "TTD", "0", "5")), DISTRICT,
                        MutuStatus.NO_ITEM_WITH_NEED, MutuOrigin.OWN, null, List.of(DISTRICT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fallbacks")
    void areaUsesOwnRowsElseDescendantsElseNotProvided(String name, List<MutuRow> rows, String area,
            MutuStatus status, MutuOrigin origin, String percent, List<String> from) {
        MutuResult r = of(rows, area, YEAR, MutuAveraging.MEAN_OF_CAPPED);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.origin()).isEqualTo(origin);
        assertThat(r.fromAreas()).isEqualTo(from);
        if (percent == null) {
            assertThat(r.percent()).isNull();
            assertThat(r.explanation()).isNotBlank();
        } else {
            assertThat(r.percent()).isEqualByComparingTo(percent);
        }
    }

    static Stream<Arguments> quarters() {
        return Stream.of(
                // marks of the rows present (0 = no quarter), period, expected quarter used (0 = unmarked, -1 = none)
                Arguments.of(List.of(1, 2, 0), Period.ofQuarter(2025, 2), 2),
                Arguments.of(List.of(2, 0), Period.ofQuarter(2025, 1), 0),
                Arguments.of(List.of(2, 0), Period.ofQuarter(2025, 3), 0),
                Arguments.of(List.of(1, 0, 4), YEAR, 4),
                Arguments.of(List.of(1, 2, 3, 0), YEAR, 0),
                Arguments.of(List.of(4), Period.ofQuarter(2025, 4), 4),
                Arguments.of(List.of(1), Period.ofQuarter(2025, 2), -1),
                Arguments.of(List.of(1, 2, 3), YEAR, -1));
    }

    @ParameterizedTest(name = "rows {0}, period {1}: quarter {2}")
    @MethodSource("quarters")
    void quarterUsesItsRowsElseRowsWithNoQuarter(List<Integer> marks, Period period, int expected) {
        // Each marked set has a distinct stock, so the percent tells which rows were used.
        List<MutuRow> rows = marks.stream()
                .map(q -> mutu(DISTRICT, q == 0 ? null : q, "TTD", "100", Integer.toString(10 + q))).toList();
        MutuResult r = of(rows, DISTRICT, period, MutuAveraging.MEAN_OF_CAPPED);
        if (expected < 0) {
            assertThat(r.status()).isEqualTo(MutuStatus.NOT_PROVIDED);
        } else {
            assertThat(r.percent()).isEqualByComparingTo(Integer.toString(10 + expected));
            assertThat(r.rowsQuarter()).isEqualTo(expected == 0 ? null : expected);
        }
    }
}
