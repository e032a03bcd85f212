package id.spm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.Sex;

/**
 * Indonesian demography and epidemiology, within tolerances, over 100,000 streamed persons (not held):
 * births 1.6 %/year, balita 8 %, 5–14 about 16–17 %, 15–59 about 65 %, 60+ 11 %, hypertension
 * about 30 % of adults of whom a third in care, diabetes about 2 % (60 % in care), ODGJ berat
 * 0.2 %, presumptive TB 0.5 %.
 */
class RealisticProportionsTest {

    private static final int N = 100_000;
    private static final int YEAR = 2025;
    private static final LocalDate DEC_31 = LocalDate.of(YEAR, 12, 31);

    private record Row(String name, Predicate<PersonRecord> base, Predicate<PersonRecord> hit, double low,
            double high) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("born in the year", all(), p -> p.person().birthDate().getYear() == YEAR, 1.35, 1.85),
            new Row("balita 0–4", all(), p -> age(p) <= 4, 7.2, 8.8),
            new Row("school age 5–14", all(), p -> age(p) >= 5 && age(p) <= 14, 15.0, 17.5),
            new Row("productive 15–59", all(), p -> age(p) >= 15 && age(p) <= 59, 63.0, 67.0),
            new Row("elderly 60+", all(), p -> age(p) >= 60, 10.0, 12.0),
            new Row("women among adults", adults(), p -> p.person().sex() == Sex.FEMALE, 48.0, 51.0),
            new Row("hypertensives in care among 15+ (30 % × 1/3)", adults(),
                    p -> p.ptmVisits().stream().anyMatch(v -> v.isHypertension()), 8.0, 12.0),
            new Row("diabetics in care among 15+ (2 % × 60 %)", adults(),
                    p -> p.ptmVisits().stream().anyMatch(v -> v.isDiabetes()), 0.9, 1.8),
            new Row("ODGJ berat found", all(), p -> !p.mentalHealthVisits().isEmpty(), 0.10, 0.26),
            new Row("presumptive TB", all(), p -> !p.tbPresumptions().isEmpty(), 0.40, 0.60),
            new Row("screened among 16–59", productive(), p -> !p.screenings().isEmpty(), 48.0, 62.0),
            new Row("term deliveries in a facility", delivered(), p -> outcome(p).place().isFacility(), 85.0, 95.0),
            new Row("KN1 at 6–48 h, among newborns with recorded times", timed(),
                    p -> within(p.newborns().get(0), 6 * 60, 48 * 60), 85.0, 95.0),
            new Row("abortions per 100 outcomes", outcomes(),
                    p -> outcome(p).outcome() == PregnancyOutcomeKind.ABORTION, 6.0, 16.0));

    private static long[][] counts;

    /** One streamed pass counts every row, so the 100,000 persons are never held together. */
    @BeforeAll
    static void countOnce() {
        counts = new long[ROWS.size()][2];
        PopulationGenerator.tanaToraja(2_025L, N, YEAR).forEach(p -> {
            for (int i = 0; i < ROWS.size(); i++) {
                Row r = ROWS.get(i);
                if (r.base().test(p)) {
                    counts[i][0]++;
                    if (r.hit().test(p)) {
                        counts[i][1]++;
                    }
                }
            }
        });
    }

    static Stream<Arguments> proportions() {
        return IntStream.range(0, ROWS.size())
                .mapToObj(i -> Arguments.of(ROWS.get(i).name(), i, ROWS.get(i).low(), ROWS.get(i).high()));
    }

    @ParameterizedTest(name = "{0}: {2}–{3} %")
    @MethodSource("proportions")
    void proportionIsRealistic(String name, int index, double low, double high) {
        assertThat(counts[index][0]).as("%s: base", name).isPositive();
        double percent = 100.0 * counts[index][1] / counts[index][0];
        assertThat(percent).as(name).isBetween(low, high);
    }

    private static int age(PersonRecord p) {
        return YEAR - p.person().birthDate().getYear();
    }

    private static Predicate<PersonRecord> all() {
        return p -> true;
    }

    private static Predicate<PersonRecord> adults() {
        return p -> age(p) >= 15;
    }

    private static Predicate<PersonRecord> productive() {
        return p -> age(p) >= 16 && age(p) <= 59;
    }

    private static PregnancyOutcome outcome(PersonRecord p) {
        return p.pregnancyOutcomes().get(0);
    }

    private static Predicate<PersonRecord> delivered() {
        return p -> !p.pregnancyOutcomes().isEmpty() && outcome(p).outcome().isTermDelivery();
    }

    private static Predicate<PersonRecord> outcomes() {
        return p -> !p.pregnancyOutcomes().isEmpty();
    }

    private static Predicate<PersonRecord> timed() {
        return p -> !p.newborns().isEmpty() && p.newborns().get(0).liveBorn() && p.newborns().get(0).birthTime() != null
                && p.newborns().get(0).kn1Date() != null && p.newborns().get(0).birthDate().plusDays(3).isBefore(DEC_31);
    }

    private static boolean within(Newborn n, long fromMinutes, long toMinutes) {
        long m = ChronoUnit.MINUTES.between(n.birthDateTime(), n.kn1DateTime());
        return m >= fromMinutes && m <= toMinutes;
    }
}
