package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.ChildFixtures.PKM;
import static id.spm.rules.internal.rules.ChildFixtures.PKM_OTHER;
import static id.spm.rules.internal.rules.ChildFixtures.child;
import static id.spm.rules.internal.rules.ChildFixtures.d;
import static id.spm.rules.internal.rules.ChildFixtures.standard1Complete;
import static id.spm.rules.internal.rules.ChildFixtures.standard2Complete;
import static id.spm.rules.internal.rules.ChildFixtures.standard3Complete;
import static id.spm.rules.model.ChildServiceType.DEVELOPMENT;
import static id.spm.rules.model.ChildServiceType.HEAD_CIRCUMFERENCE;
import static id.spm.rules.model.ChildServiceType.IMMUNISATION;
import static id.spm.rules.model.ChildServiceType.LENGTH_HEIGHT;
import static id.spm.rules.model.ChildServiceType.MTBS;
import static id.spm.rules.model.ChildServiceType.VITAMIN_A_BLUE;
import static id.spm.rules.model.ChildServiceType.VITAMIN_A_RED;
import static id.spm.rules.model.ChildServiceType.WEIGHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.BalitaParameters;
import id.spm.rules.BalitaStandard;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.Context;
import id.spm.rules.model.ChildServiceType;

class BalitaRuleTest {

    private static final BalitaRule RULE = new BalitaRule();
    private static final Period YEAR = Period.ofYear(2025);

    /** Born 2024-06-15: 18 months at 2025-12-31, judged on standard 1 over [2024-06-15, 2025-06-15). */
    private static final LocalDate B1 = d("2024-06-15");
    /** Born 2023-06-15: 30 months, standard 2 over [2024-06-15, 2025-06-15), halves split 2024-12-15. */
    private static final LocalDate B2 = d("2023-06-15");
    /** Born 2021-06-15: 54 months, standard 3 over calendar 2025. */
    private static final LocalDate B3 = d("2021-06-15");

    private static List<Decision> decide(ChildFixtures.Child c, Period p) {
        return RULE.decide(c.record(), new Context(p, RuleSets.PMK_6_2024));
    }

    /** Replaces the child's weighings by weighings on these dates. */
    private static ChildFixtures.Child weighedOn(ChildFixtures.Child c, String... dates) {
        ChildFixtures.Child out = c.without(WEIGHING);
        for (String date : dates) {
            out = out.on(d(date), WEIGHING);
        }
        return out;
    }

    private static ChildFixtures.Child onlyOnce(ChildFixtures.Child c, ChildServiceType type, LocalDate date) {
        return c.without(type).on(date, type);
    }

    static Stream<Arguments> standard1() {
        ChildFixtures.Child ok = standard1Complete(B1);
        return Stream.of(
                Arguments.of("complete", ok, List.of()),
                Arguments.of("7 weighings", weighedOn(ok, "2024-07-15", "2024-08-15", "2024-09-15", "2024-10-15",
                        "2024-11-15", "2024-12-15", "2025-01-15"), List.of("BALITA_WEIGHINGS")),
                Arguments.of("two weighings on one date are one visit",
                        weighedOn(ok, "2024-07-15", "2024-08-15", "2024-09-15", "2024-10-15", "2024-11-15",
                                "2024-12-15", "2025-01-15").on(d("2025-01-15"), WEIGHING, PKM_OTHER),
                        List.of("BALITA_WEIGHINGS")),
                Arguments.of("8th weighing the day before the 1st birthday",
                        weighedOn(ok, "2024-07-15", "2024-08-15", "2024-09-15", "2024-10-15", "2024-11-15",
                                "2024-12-15", "2025-01-15", "2025-06-14"),
                        List.of()),
                Arguments.of("8th weighing on the 1st birthday belongs to standard 2",
                        weighedOn(ok, "2024-07-15", "2024-08-15", "2024-09-15", "2024-10-15", "2024-11-15",
                                "2024-12-15", "2025-01-15", "2025-06-15"),
                        List.of("BALITA_WEIGHINGS")),
                Arguments.of("1 length", onlyOnce(ok, LENGTH_HEIGHT, d("2024-08-01")),
                        List.of("BALITA_LENGTH_HEIGHT")),
                Arguments.of("1 head circumference", onlyOnce(ok, HEAD_CIRCUMFERENCE, d("2024-08-01")),
                        List.of("BALITA_HEAD_CIRCUMFERENCE")),
                Arguments.of("3 development checks",
                        ok.without(DEVELOPMENT).at(2, 0, DEVELOPMENT).at(4, 0, DEVELOPMENT).at(6, 0, DEVELOPMENT),
                        List.of("BALITA_DEVELOPMENT")),
                Arguments.of("blue vitamin A on the 6-month birthday", onlyOnce(ok, VITAMIN_A_BLUE, d("2024-12-15")),
                        List.of()),
                Arguments.of("blue vitamin A at 5 months only", onlyOnce(ok, VITAMIN_A_BLUE, d("2024-12-14")),
                        List.of("BALITA_VITAMIN_A")),
                Arguments.of("red vitamin A instead of blue",
                        ok.without(VITAMIN_A_BLUE).on(d("2025-02-01"), VITAMIN_A_RED), List.of("BALITA_VITAMIN_A")),
                Arguments.of("no MR1", ok.without(IMMUNISATION, "MR1"), List.of("BALITA_BASIC_IMMUNISATION")),
                Arguments.of("MR1 on the 1st birthday", ok.without(IMMUNISATION, "MR1").immunised(d("2025-06-15"), "MR1"),
                        List.of("BALITA_BASIC_IMMUNISATION")),
                Arguments.of("HB0 only in the newborn register", ok.without(IMMUNISATION, "HB0").newborn(true),
                        List.of()),
                Arguments.of("HB0 in neither register", ok.without(IMMUNISATION, "HB0").newborn(false),
                        List.of("BALITA_BASIC_IMMUNISATION")),
                Arguments.of("only an MTBS visit after the window", child(B1).on(d("2025-08-01"), MTBS),
                        List.of("BALITA_WEIGHINGS", "BALITA_LENGTH_HEIGHT", "BALITA_HEAD_CIRCUMFERENCE",
                                "BALITA_DEVELOPMENT", "BALITA_VITAMIN_A", "BALITA_BASIC_IMMUNISATION")));
    }

    @ParameterizedTest(name = "standard 1: {0}")
    @MethodSource("standard1")
    void standard1(String name, ChildFixtures.Child child, List<String> codes) {
        assertJudged(decide(child, YEAR), "standard-1", codes);
    }

    static Stream<Arguments> standard2() {
        ChildFixtures.Child ok = standard2Complete(B2);
        ChildFixtures.Child leap = standard2Complete(d("2024-02-29"));
        return Stream.of(
                Arguments.of("complete", ok, YEAR, List.of()),
                Arguments.of("3 weighings in the first half",
                        weighedOn(ok, "2024-07-01", "2024-08-01", "2024-09-01", "2024-12-15", "2025-01-01",
                                "2025-02-01", "2025-03-01", "2025-04-01"),
                        YEAR, List.of("BALITA_WEIGHINGS_FIRST_HALF")),
                Arguments.of("3 weighings in the second half",
                        weighedOn(ok, "2024-06-15", "2024-07-01", "2024-08-01", "2024-09-01", "2024-12-14",
                                "2025-01-01", "2025-02-01", "2025-06-14"),
                        YEAR, List.of("BALITA_WEIGHINGS_SECOND_HALF")),
                Arguments.of("7 weighings, 3 in the second half",
                        weighedOn(ok, "2024-06-15", "2024-07-01", "2024-08-01", "2024-09-01", "2025-01-01",
                                "2025-02-01", "2025-03-01"),
                        YEAR, List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_SECOND_HALF")),
                Arguments.of("a weighing after the 2nd birthday does not count",
                        weighedOn(ok, "2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2025-01-01",
                                "2025-02-01", "2025-03-01", "2025-06-15"),
                        YEAR, List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_SECOND_HALF")),
                Arguments.of("1 length, 1 head, 1 development",
                        onlyOnce(onlyOnce(onlyOnce(ok, LENGTH_HEIGHT, d("2024-07-01")), HEAD_CIRCUMFERENCE,
                                d("2024-07-01")), DEVELOPMENT, d("2024-07-01")),
                        YEAR, List.of("BALITA_LENGTH_HEIGHT", "BALITA_HEAD_CIRCUMFERENCE", "BALITA_DEVELOPMENT")),
                Arguments.of("red vitamin A once", onlyOnce(ok, VITAMIN_A_RED, d("2024-08-01")), YEAR,
                        List.of("BALITA_VITAMIN_A")),
                Arguments.of("two red vitamin A on one date", onlyOnce(ok, VITAMIN_A_RED, d("2024-08-01"))
                        .on(d("2024-08-01"), VITAMIN_A_RED, PKM_OTHER), YEAR, List.of("BALITA_VITAMIN_A")),
                Arguments.of("blue instead of red vitamin A",
                        ok.without(VITAMIN_A_RED).on(d("2024-08-01"), VITAMIN_A_BLUE)
                                .on(d("2025-02-01"), VITAMIN_A_BLUE),
                        YEAR, List.of("BALITA_VITAMIN_A")),
                Arguments.of("no MR2", ok.without(IMMUNISATION, "MR2"), YEAR, List.of("BALITA_BADUTA_BOOSTER")),
                Arguments.of("MR2 on the 1st birthday counts",
                        ok.without(IMMUNISATION, "MR2").immunised(d("2024-06-15"), "MR2"), YEAR, List.of()),
                Arguments.of("DPT-HB-Hib4 the day before the 1st birthday",
                        ok.without(IMMUNISATION, "DPT-HB-HIB4").immunised(d("2024-06-14"), "DPT-HB-Hib4"), YEAR,
                        List.of("BALITA_BADUTA_BOOSTER")),
                Arguments.of("booster on the 2nd birthday",
                        ok.without(IMMUNISATION).immunised(d("2025-06-15"), "DPT-HB-Hib4", "MR2"), YEAR,
                        List.of("BALITA_BADUTA_BOOSTER")),
                // Born on the 31st: the 18-month birthday of 2023-08-31 falls on 2025-02-28.
                Arguments.of("born on the 31st, weighing the day before the 18-month birthday",
                        weighedOn(standard2Complete(d("2023-08-31")), "2024-09-01", "2024-10-01", "2024-11-01",
                                "2025-02-27", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"),
                        YEAR, List.of()),
                Arguments.of("born on the 31st, weighing on the 18-month birthday is second half",
                        weighedOn(standard2Complete(d("2023-08-31")), "2024-09-01", "2024-10-01", "2024-11-01",
                                "2025-02-28", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"),
                        YEAR, List.of("BALITA_WEIGHINGS_FIRST_HALF")),
                // Born 29 Feb 2024: 1st birthday 2025-02-28; 25 months at 2026-03-31.
                Arguments.of("born 29 Feb, weighing on the 1st birthday (28 Feb) counts",
                        weighedOn(leap, "2025-02-28", "2025-04-01", "2025-05-01", "2025-06-01", "2025-09-01",
                                "2025-10-01", "2025-11-01", "2025-12-01"),
                        Period.ofQuarter(2026, 1), List.of()),
                Arguments.of("born 29 Feb, weighing on 27 Feb is before the window",
                        weighedOn(leap, "2025-02-27", "2025-04-01", "2025-05-01", "2025-06-01", "2025-09-01",
                                "2025-10-01", "2025-11-01", "2025-12-01"),
                        Period.ofQuarter(2026, 1), List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_FIRST_HALF")));
    }

    @ParameterizedTest(name = "standard 2: {0}")
    @MethodSource("standard2")
    void standard2(String name, ChildFixtures.Child child, Period period, List<String> codes) {
        assertJudged(decide(child, period), "standard-2", codes);
    }

    static Stream<Arguments> standard3() {
        ChildFixtures.Child ok = standard3Complete(B3, 2025);
        return Stream.of(
                Arguments.of("complete", ok, List.of()),
                Arguments.of("weighing on 30 June is first half",
                        weighedOn(ok, "2025-01-10", "2025-02-10", "2025-03-10", "2025-06-30", "2025-07-10",
                                "2025-08-10", "2025-09-10", "2025-10-10"),
                        List.of()),
                Arguments.of("weighing on 1 July is second half",
                        weighedOn(ok, "2025-01-10", "2025-02-10", "2025-03-10", "2025-07-01", "2025-07-10",
                                "2025-08-10", "2025-09-10", "2025-10-10"),
                        List.of("BALITA_WEIGHINGS_FIRST_HALF")),
                Arguments.of("weighings of the previous year do not count",
                        weighedOn(ok, "2024-12-31", "2025-02-10", "2025-03-10", "2025-06-30", "2025-07-10",
                                "2025-08-10", "2025-09-10", "2025-10-10"),
                        List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_FIRST_HALF")),
                Arguments.of("weighings after E do not count",
                        weighedOn(ok, "2025-01-10", "2025-02-10", "2025-03-10", "2025-06-30", "2025-07-10",
                                "2025-08-10", "2025-09-10", "2026-01-02"),
                        List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_SECOND_HALF")),
                Arguments.of("1 height", onlyOnce(ok, LENGTH_HEIGHT, d("2025-03-01")), List.of("BALITA_LENGTH_HEIGHT")),
                Arguments.of("no head circumference", ok.without(HEAD_CIRCUMFERENCE),
                        List.of("BALITA_HEAD_CIRCUMFERENCE")),
                Arguments.of("no development", ok.without(DEVELOPMENT), List.of("BALITA_DEVELOPMENT")),
                Arguments.of("red vitamin A once", onlyOnce(ok, VITAMIN_A_RED, d("2025-02-10")),
                        List.of("BALITA_VITAMIN_A")),
                Arguments.of("only records of the previous year",
                        standard3Complete(B3, 2024).on(d("2025-03-01"), MTBS),
                        List.of("BALITA_WEIGHINGS", "BALITA_WEIGHINGS_FIRST_HALF", "BALITA_WEIGHINGS_SECOND_HALF",
                                "BALITA_LENGTH_HEIGHT", "BALITA_HEAD_CIRCUMFERENCE", "BALITA_DEVELOPMENT",
                                "BALITA_VITAMIN_A")));
    }

    @ParameterizedTest(name = "standard 3: {0}")
    @MethodSource("standard3")
    void standard3(String name, ChildFixtures.Child child, List<String> codes) {
        assertJudged(decide(child, YEAR), "standard-3", codes);
    }

    /** Ages in completed months at E decide the cohort; the histories are complete for it. */
    static Stream<Arguments> ages() {
        return Stream.of(
                Arguments.of("11 months", standard1Complete(d("2025-01-01")), YEAR, null),
                Arguments.of("12 months", standard1Complete(d("2024-12-31")), YEAR, "standard-1"),
                Arguments.of("23 months", standard1Complete(d("2024-01-01")), YEAR, "standard-1"),
                Arguments.of("24 months", standard2Complete(d("2023-12-31")), YEAR, "standard-2"),
                Arguments.of("35 months", standard2Complete(d("2023-01-01")), YEAR, "standard-2"),
                Arguments.of("36 months", standard3Complete(d("2022-12-31"), 2025), YEAR, "standard-3"),
                Arguments.of("59 months", standard3Complete(d("2021-01-01"), 2025), YEAR, "standard-3"),
                Arguments.of("60 months", standard3Complete(d("2020-12-31"), 2025), YEAR, null),
                Arguments.of("Q1: 12 months on E, the 1st birthday", standard1Complete(d("2024-03-31")),
                        Period.ofQuarter(2025, 1), "standard-1"),
                Arguments.of("Q1: 11 months, 1st birthday the day after E", standard1Complete(d("2024-04-01")),
                        Period.ofQuarter(2025, 1), null),
                Arguments.of("Q1: born 29 Feb, 13 months", standard1Complete(d("2024-02-29")),
                        Period.ofQuarter(2025, 1), "standard-1"));
    }

    @ParameterizedTest(name = "age at E: {0}")
    @MethodSource("ages")
    void cohortByAge(String name, ChildFixtures.Child child, Period period, String subject) {
        List<Decision> out = decide(child, period);
        if (subject == null) {
            assertThat(out).isEmpty();
        } else {
            assertJudged(out, subject, List.of());
        }
    }

    static Stream<Arguments> bornOnEdges() {
        LocalDate leap = d("2024-02-29");
        LocalDate b31 = d("2024-08-31");
        ChildFixtures.Child leapChild = standard1Complete(leap).without(IMMUNISATION, "MR1");
        ChildFixtures.Child child31 = standard1Complete(b31).without(VITAMIN_A_BLUE);
        return Stream.of(
                // 1st birthday of 29 Feb 2024 is 28 Feb 2025.
                Arguments.of("born 29 Feb, MR1 on 27 Feb", leapChild.immunised(d("2025-02-27"), "MR1"),
                        List.of()),
                Arguments.of("born 29 Feb, MR1 on 28 Feb (1st birthday)", leapChild.immunised(d("2025-02-28"), "MR1"),
                        List.of("BALITA_BASIC_IMMUNISATION")),
                // 6-month birthday of 31 Aug 2024 is 28 Feb 2025.
                Arguments.of("born 31st, blue vitamin A on 28 Feb (6 months)", child31.on(d("2025-02-28"), VITAMIN_A_BLUE),
                        List.of()),
                Arguments.of("born 31st, blue vitamin A on 27 Feb (5 months)",
                        child31.on(d("2025-02-27"), VITAMIN_A_BLUE), List.of("BALITA_VITAMIN_A")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bornOnEdges")
    void monthlyBirthdays(String name, ChildFixtures.Child child, List<String> codes) {
        assertJudged(decide(child, Period.ofQuarter(2025, 3)), "standard-1", codes);
    }

    static Stream<Arguments> pending() {
        ChildFixtures.Child ok = standard3Complete(B3, 2025);
        return Stream.of(Arguments.of(Period.ofQuarter(2025, 1), ok), Arguments.of(Period.ofQuarter(2025, 2), ok),
                Arguments.of(Period.ofQuarter(2025, 3), ok));
    }

    @ParameterizedTest(name = "standard 3 pending at {0}")
    @MethodSource("pending")
    void standard3PendingBeforeYearEnd(Period period, ChildFixtures.Child child) {
        List<Decision> out = decide(child, period);
        assertThat(out).singleElement().isInstanceOfSatisfying(Decision.Pending.class, p -> {
            assertThat(p.subject()).isEqualTo("standard-3");
            assertThat(p.judgedOn()).isEqualTo(d("2025-12-31"));
            assertThat(p.reason().code()).isEqualTo("BALITA_STANDARD3_PENDING");
            assertThat(p.puskesmas()).isEqualTo(PKM);
        });
        assertThat(decide(child, Period.ofQuarter(2025, 4))).singleElement()
                .extracting(Decision::status).isEqualTo(Status.COUNTED);
    }

    static Stream<Arguments> notRecipients() {
        return Stream.of(
                Arguments.of("no balita records", child(B1)),
                Arguments.of("only records after E", child(B1).on(d("2026-01-05"), WEIGHING)),
                Arguments.of("only a newborn register row", child(B1).newborn(true)));
    }

    @ParameterizedTest(name = "not a recipient: {0}")
    @MethodSource("notRecipients")
    void notRecipient(String name, ChildFixtures.Child child) {
        assertThat(decide(child, YEAR)).isEmpty();
        assertThat(new Evaluator(RuleSets.PMK_6_2024).decide(child.record(), SpmService.BALITA, YEAR))
                .containsExactly(Decision.NotRecipient.of(SpmService.BALITA));
    }

    static Stream<Arguments> attribution() {
        ChildFixtures.Child ok = standard1Complete(B1);
        return Stream.of(
                Arguments.of("latest record", ok.on(d("2025-09-01"), MTBS, PKM_OTHER), PKM_OTHER),
                Arguments.of("tie on the latest date: smallest code",
                        ok.on(d("2025-09-01"), MTBS, PKM_OTHER).on(d("2025-09-01"), WEIGHING, PKM), PKM),
                Arguments.of("a record after E is ignored", ok.on(d("2026-01-02"), MTBS, PKM_OTHER), PKM));
    }

    @ParameterizedTest(name = "attribution: {0}")
    @MethodSource("attribution")
    void attributedToLatestRecord(String name, ChildFixtures.Child child, String puskesmas) {
        assertThat(decide(child, YEAR)).singleElement().extracting(Decision::puskesmas).isEqualTo(puskesmas);
    }

    @Test
    void reasonsCarryTheFiguresAndTheClause() {
        ChildFixtures.Child c = weighedOn(standard2Complete(B2), "2024-07-01", "2024-08-01", "2024-09-01",
                "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01").without(IMMUNISATION, "MR2");
        List<Reason> reasons = decide(c, YEAR).get(0).reasons();
        assertThat(reasons).extracting(Reason::message).containsExactly(
                "7 weighings in the window 2024-06-15 to 2025-06-14, 8 required",
                "3 weighings in the first half 2024-06-15 to 2024-12-14, 4 required",
                "Baduta booster immunisation incomplete in the window 2024-06-15 to 2025-06-14: missing MR2");
        assertThat(reasons).extracting(Reason::clause).containsOnly("PMK-6-2024 §9.4");
    }

    @Test
    void standard1WeighingsAreAParameter() {
        // §2.4 [interpretation]: the OCR reads "minimal I kali"; a region reading it as once can say so.
        BalitaParameters d = BalitaParameters.DEFAULT;
        BalitaStandard s1 = d.standard1();
        BalitaStandard once = new BalitaStandard(1, s1.minWeighingsPerHalf(), s1.minLengthHeight(),
                s1.minHeadCircumference(), s1.minDevelopment(), s1.vitaminA(), s1.minVitaminA(),
                s1.vitaminAFromMonth(), s1.immunisation());
        RuleSet rs = RuleSets.PMK_6_2024.withBalita(new BalitaParameters(once, d.standard2(), d.standard3(), true));
        ChildFixtures.Child c = weighedOn(standard1Complete(B1), "2024-09-01");
        assertThat(RULE.decide(c.record(), new Context(YEAR, rs))).singleElement().extracting(Decision::status)
                .isEqualTo(Status.COUNTED);
        assertThat(decide(c, YEAR)).singleElement().extracting(Decision::status).isEqualTo(Status.NOT_COUNTED);
    }

    @Test
    void hb0FromTheNewbornRegisterCanBeSwitchedOff() {
        BalitaParameters d = BalitaParameters.DEFAULT;
        RuleSet rs = RuleSets.PMK_6_2024
                .withBalita(new BalitaParameters(d.standard1(), d.standard2(), d.standard3(), false));
        ChildFixtures.Child c = standard1Complete(B1).without(IMMUNISATION, "HB0").newborn(true);
        assertThat(RULE.decide(c.record(), new Context(YEAR, rs))).singleElement()
                .extracting(x -> x.reasons().get(0).message())
                .isEqualTo("Basic immunisation incomplete before the 1st birthday (2025-06-15): missing HB0");
    }

    @Test
    void parametersAreValuesAndPublished() {
        BalitaParameters d = BalitaParameters.DEFAULT;
        BalitaStandard s2 = d.standard2();
        // Antigen names are normalised, so an equal rule set built from export spellings is equal.
        BalitaStandard same = new BalitaStandard(8, 4, 2, 2, 2, ChildServiceType.VITAMIN_A_RED, 2, 0,
                List.of("DPT-HB-Hib4", " mr2 "));
        assertThat(same).isEqualTo(s2).hasSameHashCodeAs(s2);
        assertThat(new BalitaParameters(d.standard1(), same, d.standard3(), true)).isEqualTo(d);
        assertThat(d.standard(3)).isSameAs(d.standard3());
        assertThat(d.describe()).extracting(Parameter::name, Parameter::value).contains(
                tuple("balita.minWeighings", "8/8/8"),
                tuple("balita.minWeighingsPerHalf", "0/4/4"),
                tuple("balita.minHeadCircumference", "2/2/1"),
                tuple("balita.minDevelopment", "4/2/1"),
                tuple("balita.vitaminA", "1×blue from month 6/2×red/2×red"),
                tuple("balita.badutaBooster", "DPT-HB-HIB4,MR2"),
                tuple("balita.standard3Immunisation", "none"));
    }

    private static void assertJudged(List<Decision> out, String subject, List<String> codes) {
        assertThat(out).hasSize(1);
        Decision decision = out.get(0);
        assertThat(decision.service()).isEqualTo(SpmService.BALITA);
        assertThat(decision.subject()).isEqualTo(subject);
        assertThat(decision.puskesmas()).isEqualTo(PKM);
        assertThat(decision.status()).isEqualTo(codes.isEmpty() ? Status.COUNTED : Status.NOT_COUNTED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactlyElementsOf(codes);
        assertThat(decision.isRecipient()).isTrue();
    }
}
