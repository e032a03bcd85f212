package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.MaternalFixtures.ALL_10T;
import static id.spm.rules.internal.rules.MaternalFixtures.PKM_A;
import static id.spm.rules.internal.rules.MaternalFixtures.PKM_B;
import static id.spm.rules.internal.rules.MaternalFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.MaternalFixtures.codes;
import static id.spm.rules.internal.rules.MaternalFixtures.ctx;
import static id.spm.rules.internal.rules.MaternalFixtures.d;
import static id.spm.rules.internal.rules.MaternalFixtures.doctorUsg;
import static id.spm.rules.internal.rules.MaternalFixtures.k6;
import static id.spm.rules.internal.rules.MaternalFixtures.liveBirth;
import static id.spm.rules.internal.rules.MaternalFixtures.midwife;
import static id.spm.rules.internal.rules.MaternalFixtures.mother;
import static id.spm.rules.internal.rules.MaternalFixtures.outcome;
import static id.spm.rules.internal.rules.MaternalFixtures.visit;
import static id.spm.rules.internal.rules.MaternalFixtures.week;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.AntenatalParameters;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.Event;
import id.spm.rules.model.Examiner;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.TenTItem;

class AntenatalRuleTest {

    private static final AntenatalRule RULE = new AntenatalRule();
    private static final Period Y2025 = Period.ofYear(2025);
    private static final RuleSet DEFAULT = RuleSets.PMK_6_2024;
    private static final RuleSet ASSUME_10T = DEFAULT
            .withAntenatal(DEFAULT.antenatal().withAssumeTenTWhenNotRecorded(true));

    /** The reference pregnancy: HPHT 6 Jan 2025, live birth 10 Oct 2025 (week 39). */
    private static final LocalDate HPHT = d("2025-01-06");
    private static final LocalDate BIRTH = d("2025-10-10");
    private static final String SUBJECT = "hpht=2025-01-06";

    /** The K6 of the reference pregnancy with one change, plus its live-birth outcome. */
    private static PersonRecord k6With(UnaryOperator<List<AncVisit>> change) {
        List<Event> events = new ArrayList<>(change.apply(new ArrayList<>(k6(HPHT))));
        events.add(liveBirth(HPHT, BIRTH));
        return mother(events);
    }

    /** Replaces the visit at completed week {@code w} (day 0) by {@code replacement}. */
    private static UnaryOperator<List<AncVisit>> replace(int w, AncVisit replacement) {
        return l -> {
            l.removeIf(v -> v.date().equals(week(HPHT, w, 0)));
            if (replacement != null) {
                l.add(replacement);
            }
            return l;
        };
    }

    private static UnaryOperator<List<AncVisit>> tenT(Set<TenTItem> items) {
        return l -> {
            l.replaceAll(v -> new AncVisit(v.date(), v.puskesmas(), v.hpht(), v.visitCode(), v.examiner(), v.usg(), items));
            return l;
        };
    }

    private static Set<TenTItem> allBut(TenTItem... missing) {
        Set<TenTItem> s = EnumSet.allOf(TenTItem.class);
        s.removeAll(List.of(missing));
        return s;
    }

    static Stream<Arguments> pregnancies() {
        return Stream.of(
                // counted
                row("K6 with doctor + USG in T1 and T3 and all 10T", k6With(l -> l), DEFAULT, Status.COUNTED),
                row("still birth is a delivery", mother(add(k6(HPHT), outcome(HPHT, BIRTH, PregnancyOutcomeKind.STILL_BIRTH))),
                        DEFAULT, Status.COUNTED),
                row("Sp.OG with USG is a doctor contact",
                        k6With(replace(8, visit(week(HPHT, 8, 0), Examiner.OBGYN, true, ALL_10T))), DEFAULT,
                        Status.COUNTED),
                row("extra visits are fine", k6With(l -> add(l, midwife(week(HPHT, 10, 0)), midwife(week(HPHT, 38, 0)))),
                        DEFAULT, Status.COUNTED),
                // trimester boundaries: w = floor(days / 7), T1 w ≤ 12, T2 13..24, T3 ≥ 25
                row("T1 visit at 12 w 6 d is trimester 1", k6With(replace(8, doctorUsg(week(HPHT, 12, 6)))), DEFAULT,
                        Status.COUNTED),
                row("T1 visit at 13 w 0 d is trimester 2", k6With(replace(8, doctorUsg(week(HPHT, 13, 0)))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.T1_VISITS, AntenatalRule.DOCTOR_USG_T1),
                row("T2 visit at 24 w 6 d is trimester 2", k6With(replace(20, midwife(week(HPHT, 24, 6)))), DEFAULT,
                        Status.COUNTED),
                row("T2 visit at 25 w 0 d is trimester 3", k6With(replace(20, midwife(week(HPHT, 25, 0)))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.T2_VISITS),
                row("doctor + USG at 25 w 0 d is the T3 contact", k6With(replace(36, doctorUsg(week(HPHT, 25, 0)))),
                        DEFAULT, Status.COUNTED),
                row("doctor + USG at 24 w 6 d is not a T3 contact",
                        k6With(l -> add(replace(36, doctorUsg(week(HPHT, 24, 6))).apply(l), midwife(week(HPHT, 30, 0)))),
                        DEFAULT, Status.NOT_COUNTED, AntenatalRule.DOCTOR_USG_T3),
                // a pregnancy's visits: after its HPHT, on or before its outcome date
                row("a visit on the HPHT day is not of the pregnancy", k6With(replace(8, doctorUsg(HPHT))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.T1_VISITS, AntenatalRule.DOCTOR_USG_T1),
                row("a visit on the outcome date is of the pregnancy", k6With(replace(36, doctorUsg(BIRTH))), DEFAULT,
                        Status.COUNTED),
                row("a visit the day after the outcome is not", k6With(replace(36, doctorUsg(BIRTH.plusDays(1)))),
                        DEFAULT, Status.NOT_COUNTED, AntenatalRule.T3_VISITS, AntenatalRule.DOCTOR_USG_T3),
                // one reason per unmet part
                row("no T1 visit", k6With(replace(8, null)), DEFAULT, Status.NOT_COUNTED, AntenatalRule.T1_VISITS,
                        AntenatalRule.DOCTOR_USG_T1),
                row("one T2 visit", k6With(replace(20, null)), DEFAULT, Status.NOT_COUNTED, AntenatalRule.T2_VISITS),
                row("two T3 visits", k6With(replace(28, null)), DEFAULT, Status.NOT_COUNTED, AntenatalRule.T3_VISITS),
                row("T1 visit by a midwife with USG",
                        k6With(replace(8, visit(week(HPHT, 8, 0), Examiner.MIDWIFE, true, ALL_10T))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.DOCTOR_USG_T1),
                row("T1 visit by a doctor without USG",
                        k6With(replace(8, visit(week(HPHT, 8, 0), Examiner.DOCTOR, false, ALL_10T))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.DOCTOR_USG_T1),
                row("T3 doctor visit by a nurse with USG",
                        k6With(replace(36, visit(week(HPHT, 36, 0), Examiner.NURSE, true, ALL_10T))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.DOCTOR_USG_T3),
                row("10T without LILA", k6With(tenT(allBut(TenTItem.LILA))), DEFAULT, Status.NOT_COUNTED,
                        AntenatalRule.TEN_T_INCOMPLETE),
                row("no 10T columns", k6With(tenT(null)), DEFAULT, Status.NOT_COUNTED, AntenatalRule.TEN_T_NOT_RECORDED),
                row("every part unmet", mother(liveBirth(HPHT, BIRTH), visit(week(HPHT, 30, 0), Examiner.MIDWIFE, false, null)),
                        DEFAULT, Status.NOT_COUNTED, AntenatalRule.T1_VISITS, AntenatalRule.T2_VISITS,
                        AntenatalRule.T3_VISITS, AntenatalRule.DOCTOR_USG_T1, AntenatalRule.DOCTOR_USG_T3,
                        AntenatalRule.TEN_T_NOT_RECORDED),
                // 10T judged over the visits that carry 10T columns
                row("10T items spread over several visits", k6With(l -> {
                    l.replaceAll(v -> new AncVisit(v.date(), v.puskesmas(), null, null, v.examiner(), v.usg(), null));
                    l.add(visit(week(HPHT, 10, 0), Examiner.MIDWIFE, false,
                            EnumSet.range(TenTItem.WEIGHT_HEIGHT, TenTItem.TETANUS_SCREENING)));
                    l.add(visit(week(HPHT, 33, 0), Examiner.MIDWIFE, false,
                            EnumSet.range(TenTItem.IRON_TABLETS, TenTItem.COUNSELLING)));
                    return l;
                }), DEFAULT, Status.COUNTED),
                row("a visit with 10T columns all 'no' counts as recorded",
                        k6With(tenT(Set.of())), ASSUME_10T, Status.NOT_COUNTED, AntenatalRule.TEN_T_INCOMPLETE),
                row("no 10T columns, assume-10T on", k6With(tenT(null)), ASSUME_10T, Status.COUNTED,
                        List.of(AntenatalRule.ASSUMED_10T)),
                row("no 10T columns, assume-10T on, T2 short", k6With(l -> tenT(null).apply(replace(16, null).apply(l))),
                        ASSUME_10T, Status.NOT_COUNTED, List.of(AntenatalRule.ASSUMED_10T), AntenatalRule.T2_VISITS),
                // §9 General: rows of one date are one visit carrying everything any records
                row("same-date rows: midwife with USG + doctor without USG is a doctor visit with USG",
                        k6With(l -> add(replace(8, null).apply(l),
                                visit(week(HPHT, 8, 0), Examiner.MIDWIFE, true, null),
                                visit(week(HPHT, 8, 0), Examiner.DOCTOR, false, ALL_10T))),
                        DEFAULT, Status.COUNTED),
                row("same-date rows in T2 are one visit", k6With(replace(20, midwife(week(HPHT, 16, 0)))), DEFAULT,
                        Status.NOT_COUNTED, AntenatalRule.T2_VISITS),
                row("10T of same-date rows are merged", k6With(l -> {
                    l.replaceAll(v -> new AncVisit(v.date(), v.puskesmas(), null, null, v.examiner(), v.usg(),
                            allBut(TenTItem.LABORATORY)));
                    l.add(visit(week(HPHT, 16, 0), Examiner.MIDWIFE, false, Set.of(TenTItem.LABORATORY)));
                    return l;
                }), DEFAULT, Status.COUNTED),
                // exclusions
                row("abortion",
                        mother(add(k6(HPHT).subList(0, 1), outcome(HPHT, d("2025-03-20"), PregnancyOutcomeKind.ABORTION))),
                        DEFAULT, Status.EXCLUDED, AntenatalRule.EXCLUDED_ABORTION),
                row("premature delivery",
                        mother(add(k6(HPHT).subList(0, 4), outcome(HPHT, d("2025-08-01"), PregnancyOutcomeKind.PREMATURE))),
                        DEFAULT, Status.EXCLUDED, AntenatalRule.EXCLUDED_PREMATURE),
                row("death in pregnancy",
                        mother(add(k6(HPHT).subList(0, 3),
                                outcome(HPHT, d("2025-06-01"), PregnancyOutcomeKind.MATERNAL_DEATH_IN_PREGNANCY))),
                        DEFAULT, Status.EXCLUDED, AntenatalRule.EXCLUDED_MATERNAL_DEATH),
                // twins on two rows are one pregnancy; a later row with the same HPHT corrects an earlier one
                row("twins recorded on two rows", mother(add(k6(HPHT), liveBirth(HPHT, BIRTH), liveBirth(HPHT, BIRTH))),
                        DEFAULT, Status.COUNTED),
                row("a later outcome row of the same HPHT wins", mother(add(k6(HPHT),
                        outcome(HPHT, d("2025-09-01"), PregnancyOutcomeKind.PREMATURE), liveBirth(HPHT, BIRTH))),
                        DEFAULT, Status.COUNTED));
    }

    @SafeVarargs
    private static <T> List<T> add(List<? extends T> list, T... more) {
        List<T> l = new ArrayList<>(list);
        for (T t : more) {
            if (t != null) {
                l.add(t);
            }
        }
        return l;
    }

    private static Arguments row(String name, PersonRecord person, RuleSet rules, Status status, String... codes) {
        return row(name, person, rules, status, List.of(), codes);
    }

    private static Arguments row(String name, PersonRecord person, RuleSet rules, Status status,
            List<String> assumptions, String... codes) {
        return Arguments.of(name, person, rules, status, List.of(codes), assumptions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pregnancies")
    void judgesThePregnancy(String name, PersonRecord person, RuleSet rules, Status status, List<String> codes,
            List<String> assumptions) {
        List<Decision> decisions = RULE.decide(person, ctx(Y2025, rules));

        // a visit after the outcome also makes a running pregnancy (tested below): pick this pregnancy
        List<Decision> mine = decisions.stream().filter(x -> x.subject().equals(SUBJECT)).toList();
        assertThat(mine).hasSize(1);
        Decision decision = mine.get(0);
        assertThat(decision.service()).isEqualTo(SpmService.ANTENATAL);
        assertThat(decision.subject()).isEqualTo(SUBJECT);
        assertThat(decision.status()).isEqualTo(status);
        assertThat(codes(decision)).containsExactlyElementsOf(codes);
        assertThat(assumptionCodes(decision)).containsExactlyElementsOf(assumptions);
        assertThat(decision.puskesmas()).isEqualTo(PKM_A);
        decision.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.1"));
    }

    /** K6 of a pregnancy with this HPHT and an outcome on {@code end}. */
    private static PersonRecord k6Ending(LocalDate hpht, LocalDate end, PregnancyOutcomeKind kind) {
        return mother(add(k6(hpht), outcome(hpht, end, kind)));
    }

    /**
     * Decisions per period, written {@code subject:STATUS} joined by {@code ;}, empty when not a
     * recipient.
     */
    static Stream<Arguments> periods() {
        LocalDate h = d("2024-12-25"); // week 39 ends about 30 Sep 2025
        LocalDate hDec = d("2024-03-10"); // delivered 15 Dec 2024
        LocalDate hJan = d("2024-04-20"); // began the year before, delivered 20 Jan 2025
        return Stream.of(
                // quarter E boundary: an outcome on E is judged; on E + 1 it is ignored, the pregnancy still runs
                Arguments.of("outcome on E (30 Sep) in Q3", k6Ending(h, d("2025-09-30"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofQuarter(2025, 3), "hpht=2024-12-25:COUNTED"),
                Arguments.of("outcome on E + 1 (1 Oct) in Q3", k6Ending(h, d("2025-10-01"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofQuarter(2025, 3), "running-since=2025-02-19:PENDING"),
                Arguments.of("outcome on 1 Oct in Q4", k6Ending(h, d("2025-10-01"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofQuarter(2025, 4), "hpht=2024-12-25:COUNTED"),
                Arguments.of("abortion on E + 1 is not yet an exclusion",
                        mother(midwife(d("2025-03-01")),
                                outcome(d("2025-01-20"), d("2025-04-01"), PregnancyOutcomeKind.ABORTION)),
                        Period.ofQuarter(2025, 1), "running-since=2025-03-01:PENDING"),
                Arguments.of("abortion on E", mother(midwife(d("2025-03-01")),
                        outcome(d("2025-01-20"), d("2025-03-31"), PregnancyOutcomeKind.ABORTION)),
                        Period.ofQuarter(2025, 1), "hpht=2025-01-20:EXCLUDED"),
                // a December delivery counts in its own year only
                Arguments.of("December delivery in its year", k6Ending(hDec, d("2024-12-15"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofYear(2024), "hpht=2024-03-10:COUNTED"),
                Arguments.of("December delivery, next year", k6Ending(hDec, d("2024-12-15"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofYear(2025), ""),
                Arguments.of("outcome on 1 Jan of the year",
                        k6Ending(d("2024-04-01"), d("2025-01-01"), PregnancyOutcomeKind.LIVE_BIRTH),
                        Period.ofQuarter(2025, 1), "hpht=2024-04-01:COUNTED"),
                // a pregnancy that began the year before counts, with last year's visits, in the year it ends
                Arguments.of("pregnancy from the year before, at the end of that year",
                        k6Ending(hJan, d("2025-01-20"), PregnancyOutcomeKind.LIVE_BIRTH), Period.ofYear(2024),
                        "running-since=2024-06-15:PENDING"),
                Arguments.of("pregnancy from the year before, in the year it ends",
                        k6Ending(hJan, d("2025-01-20"), PregnancyOutcomeKind.LIVE_BIRTH), Period.ofQuarter(2025, 1),
                        "hpht=2024-04-20:COUNTED"),
                // two pregnancies ending in one year: one decision each
                Arguments.of("abortion in February, delivery in December", mother(add(k6(d("2025-03-03")),
                        outcome(d("2024-12-20"), d("2025-02-10"), PregnancyOutcomeKind.ABORTION),
                        liveBirth(d("2025-03-03"), d("2025-12-05")))), Period.ofYear(2025),
                        "hpht=2024-12-20:EXCLUDED;hpht=2025-03-03:COUNTED"),
                // delivered this year, a new pregnancy already running at E
                Arguments.of("delivered, and a new pregnancy running", mother(add(k6(HPHT), liveBirth(HPHT, BIRTH),
                        midwife(d("2025-12-01")))), Period.ofYear(2025),
                        "hpht=2025-01-06:COUNTED;running-since=2025-12-01:PENDING"),
                // running pregnancies: visits within 42 weeks before E and no outcome by E
                Arguments.of("visits 42 weeks before E still run", mother(midwife(d("2025-12-31").minusWeeks(42))),
                        Period.ofYear(2025), "running-since=2025-03-12:PENDING"),
                Arguments.of("visits older than 42 weeks: end never recorded, not judged",
                        mother(midwife(d("2025-12-31").minusWeeks(42).minusDays(1))), Period.ofYear(2025), ""),
                Arguments.of("an earlier pregnancy's visits are not running", k6Ending(hDec, d("2024-12-15"),
                        PregnancyOutcomeKind.LIVE_BIRTH), Period.ofQuarter(2025, 1), ""),
                Arguments.of("a visit after E is ignored", mother(midwife(d("2025-04-01"))), Period.ofQuarter(2025, 1), ""),
                Arguments.of("no records", mother(), Y2025, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void decidesPerPeriod(String name, PersonRecord person, Period period, String expected) {
        List<Decision> decisions = RULE.decide(person, ctx(period));

        List<String> actual = new ArrayList<>();
        for (Decision x : decisions) {
            actual.add(x.subject() + ":" + x.status());
        }
        assertThat(String.join(";", actual)).isEqualTo(expected);
    }

    @Test
    void reasonsNameTheFigures() {
        PersonRecord person = k6With(
                l -> tenT(allBut(TenTItem.LILA, TenTItem.FUNDAL_HEIGHT)).apply(replace(20, null).apply(l)));

        Decision decision = RULE.decide(person, ctx(Y2025)).get(0);

        assertThat(decision.reasons()).extracting(r -> r.message()).containsExactly(
                "1 visit in trimester 2, 2 required",
                "10T items never recorded yes: LILA, Tinggi Fundus (2 of 10)");
    }

    @Test
    void pendingSaysWhenItWillBeJudged() {
        // the HPHT written on visit rows only estimates the end: 1 Aug 2025 + 280 days
        AncVisit first = new AncVisit(d("2025-09-01"), PKM_A, d("2025-08-01"), "K1", Examiner.MIDWIFE, false, ALL_10T);
        AncVisit second = new AncVisit(d("2025-10-01"), PKM_B, d("2025-08-01"), "K2", Examiner.MIDWIFE, false, ALL_10T);

        Decision decision = RULE.decide(mother(first, second), ctx(Y2025)).get(0);

        assertThat(decision).isInstanceOf(Decision.Pending.class);
        Decision.Pending pending = (Decision.Pending) decision;
        assertThat(pending.judgedOn()).isEqualTo(d("2026-05-08"));
        assertThat(pending.puskesmas()).isEqualTo(PKM_B);
        assertThat(pending.reason().code()).isEqualTo(AntenatalRule.PREGNANCY_RUNNING);
        assertThat(pending.reason().message()).startsWith("2 antenatal visits since 2025-09-01");
        assertThat(pending.isRecipient()).isFalse();
    }

    @Test
    void pendingOverdueIsJudgedAfterE() {
        // no HPHT on the rows: first visit + 280 days is 2025-12-25, before E, so the day after E
        Decision decision = RULE.decide(mother(midwife(d("2025-03-20"))), ctx(Y2025)).get(0);

        assertThat(((Decision.Pending) decision).judgedOn()).isEqualTo(d("2026-01-01"));
    }

    @Test
    void runningPregnanciesCanBeSwitchedOff() {
        AntenatalParameters a = DEFAULT.antenatal();
        RuleSet off = DEFAULT.withAntenatal(new AntenatalParameters(a.trimester1MaxWeek(), a.trimester2MaxWeek(),
                a.minVisitsT1(), a.minVisitsT2(), a.minVisitsT3(), false, 0));

        assertThat(RULE.decide(mother(midwife(d("2025-10-01"))), ctx(Y2025, off))).isEmpty();
    }

    @Test
    void attributedToTheLatestRecordByE() {
        // visits at A, the delivery at B; a record at A after E is ignored
        PregnancyOutcome atB = new PregnancyOutcome(BIRTH, PKM_B, HPHT, PregnancyOutcomeKind.LIVE_BIRTH, null, 0, 0, 0,
                false, false);
        PersonRecord person = mother(add(k6(HPHT), atB, midwife(d("2026-01-05"))));

        assertThat(RULE.decide(person, ctx(Y2025)).get(0).puskesmas()).isEqualTo(PKM_B);
    }

    @Test
    void attributionTiesGoToTheSmallestCode() {
        PregnancyOutcome atB = new PregnancyOutcome(BIRTH, PKM_B, HPHT, PregnancyOutcomeKind.LIVE_BIRTH, null, 0, 0, 0,
                false, false);
        PersonRecord person = mother(add(k6(HPHT), atB, new AncVisit(BIRTH, PKM_A, null, null, Examiner.MIDWIFE, false,
                null)));

        assertThat(RULE.decide(person, ctx(Y2025)).get(0).puskesmas()).isEqualTo(PKM_A);
    }

    @Test
    void notARecipientThroughTheEvaluator() {
        List<Decision> decisions = new Evaluator(DEFAULT).decide(mother(), SpmService.ANTENATAL, Y2025);

        assertThat(decisions).containsExactly(Decision.NotRecipient.of(SpmService.ANTENATAL));
    }
}
