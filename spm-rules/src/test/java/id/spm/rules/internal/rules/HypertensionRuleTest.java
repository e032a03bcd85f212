package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.P1;
import static id.spm.rules.internal.rules.AdultFixtures.P2;
import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Q2;
import static id.spm.rules.internal.rules.AdultFixtures.Q3;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.day;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.monthly;
import static id.spm.rules.internal.rules.AdultFixtures.person;
import static id.spm.rules.internal.rules.AdultFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Decision;
import id.spm.rules.MonitoringPolicy;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.rules.AdultFixtures.Ptm;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.Sex;

class HypertensionRuleTest {

    private static final HypertensionRule RULE = new HypertensionRule();
    private static final String ADULT = "1970-01-01";
    private static final String MONTHS = "HYPERTENSION_MONTHS_MISSING";
    private static final String EDUCATION = "HYPERTENSION_EDUCATION_MISSING";
    private static final String DRUG = "HYPERTENSION_DRUG_THERAPY_MISSING";

    /** A diagnosed visit with blood pressure on the 10th of each month, education in the first. */
    private static List<PtmVisit> months(int from, int to) {
        return monthly(from, to, m -> Ptm.ht(day(m, 10)).education(m == from));
    }

    private static List<PtmVisit> with(List<PtmVisit> base, Ptm... more) {
        List<PtmVisit> out = new ArrayList<>(base);
        for (Ptm p : more) {
            out.add(p.build());
        }
        return out;
    }

    private static List<PtmVisit> without(List<PtmVisit> base, int... months) {
        List<PtmVisit> out = new ArrayList<>();
        for (PtmVisit v : base) {
            boolean drop = false;
            for (int m : months) {
                drop |= v.date().getMonthValue() == m;
            }
            if (!drop) {
                out.add(v);
            }
        }
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("counted: every month January–December", ADULT, Y2025, months(1, 12), Status.COUNTED),
                row("not recipient: no PTM visit", ADULT, Y2025, List.of(), null),
                row("not recipient: only a diabetes diagnosis", ADULT, Y2025,
                        List.of(Ptm.on("2025-02-01", "E11").bp(120, 80).education(true).build()), null),
                row("not recipient: diagnosed only in the previous year", ADULT, Y2025,
                        List.of(Ptm.ht("2024-12-31").education(true).build()), null),
                row("not recipient: diagnosed only after E", ADULT, Q1, List.of(Ptm.ht("2025-04-01").build()), null),
                row("age 14 on the diagnosed visit: not a recipient", "2010-01-11", Q1,
                        List.of(Ptm.ht("2025-01-10").education(true).build()), null),
                row("age 15 on the diagnosed visit: recipient", "2010-01-10", Q1,
                        with(months(1, 3)), Status.COUNTED),
                row("a month missing: March and May named", ADULT, Q2, without(months(1, 6), 3, 5), Status.NOT_COUNTED,
                        MONTHS),
                row("diagnosed in the previous year: January required", ADULT, Q1,
                        with(months(2, 3), Ptm.ht("2024-11-05")), Status.NOT_COUNTED, MONTHS),
                row("diagnosed in the previous year, visits from January", ADULT, Q1,
                        with(months(1, 3), Ptm.ht("2024-11-05")), Status.COUNTED),
                row("first diagnosed in April: months from April", ADULT, Q2, months(4, 6), Status.COUNTED),
                row("first diagnosed in April, June missing", ADULT, Q2, months(4, 5), Status.NOT_COUNTED, MONTHS),
                row("first diagnosed in the month of E", ADULT, Q1, months(3, 3), Status.COUNTED),
                row("months judged on any diagnosis's visits", ADULT, Q1,
                        List.of(Ptm.ht("2025-01-10").education(true).build(),
                                Ptm.on("2025-02-10", "E11").bp(125, 80).build(),
                                Ptm.on("2025-03-10", "Z00").bp(125, 80).build()),
                        Status.COUNTED),
                row("systolic and diastolic from two rows of one date", ADULT, Q1,
                        with(months(1, 2), Ptm.ht("2025-03-10").bp(130, null), Ptm.ht("2025-03-10").bp(null, 85)),
                        Status.COUNTED),
                row("systolic and diastolic on two dates of a month do not qualify", ADULT, Q1,
                        with(months(1, 2), Ptm.ht("2025-03-03").bp(130, null), Ptm.ht("2025-03-20").bp(null, 85)),
                        Status.NOT_COUNTED, MONTHS),
                row("a visit without blood pressure does not qualify", ADULT, Q1,
                        with(months(1, 2), Ptm.ht("2025-03-10").bp(null, null)), Status.NOT_COUNTED, MONTHS),
                row("education never yes", ADULT, Q1, monthly(1, 3, m -> Ptm.ht(day(m, 10)).education(false)),
                        Status.NOT_COUNTED, EDUCATION),
                row("systolic 140: drug therapy not required", ADULT, Q1,
                        with(months(1, 3), Ptm.ht("2025-02-20").bp(140, 90)), Status.COUNTED),
                row("systolic 141 without drug therapy", ADULT, Q1,
                        with(months(1, 3), Ptm.ht("2025-02-20").bp(141, 90)), Status.NOT_COUNTED, DRUG),
                row("systolic 141 with drug therapy (another visit)", ADULT, Q1,
                        with(months(1, 3), Ptm.ht("2025-02-20").bp(141, 90), Ptm.ht("2025-03-15").drug(true)),
                        Status.COUNTED),
                row("systolic 141 after E ignored", ADULT, Q1, with(months(1, 3), Ptm.ht("2025-04-02").bp(170, 100)),
                        Status.COUNTED),
                row("everything unmet: each reason", ADULT, Q1,
                        List.of(Ptm.ht("2025-01-10").bp(160, 100).build()), Status.NOT_COUNTED, MONTHS, EDUCATION,
                        DRUG),
                // Quarter ends: judged over the months up to E.
                row("Q1 counted", ADULT, Q1, months(1, 3), Status.COUNTED),
                row("Q2: the same patient without April", ADULT, Q2, months(1, 3), Status.NOT_COUNTED, MONTHS),
                row("Q3 ends 30 September", ADULT, Q3, with(months(1, 8), Ptm.ht("2025-09-30")), Status.COUNTED),
                row("Q3: a visit on 1 October does not fill September", ADULT, Q3,
                        with(months(1, 8), Ptm.ht("2025-10-01")), Status.NOT_COUNTED, MONTHS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String birth, Period period, List<PtmVisit> visits, Status expected,
            List<String> reasons) {
        Decision d = decide(RULE, record(person(birth, Sex.MALE), visits), ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.HYPERTENSION);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        assertThat(d.assumptions()).isEmpty();
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.8"));
    }

    @Test
    void reasonsNameTheMissingMonthsAndTheReading() {
        Decision d = decide(RULE, record(person(ADULT, Sex.MALE), without(months(1, 6), 3, 5)), ctx(Q2));
        assertThat(d.reasons().get(0).message()).isEqualTo(
                "no qualifying visit in 2025-03, 2025-05: systolic and diastolic pressure required every month from 2025-01 (first diagnosed 2025-01-10) to 2025-06");

        Decision before = decide(RULE, record(person(ADULT, Sex.MALE), with(months(3, 3), Ptm.ht("2024-11-05"))),
                ctx(Q1));
        assertThat(before.reasons().get(0).message()).startsWith("no qualifying visit in 2025-01, 2025-02: ")
                .endsWith("from 2025-01 (diagnosed before 2025) to 2025-03");

        Decision drug = decide(RULE,
                record(person(ADULT, Sex.MALE), with(months(1, 3), Ptm.ht("2025-03-20").bp(150, 95),
                        Ptm.ht("2025-02-20").bp(145, 90))),
                ctx(Q1));
        assertThat(drug.reasons()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo(
                "systolic 145 on 2025-02-20 is above 140 but drug therapy \"yes\" is not recorded from 2025-01-01 to 2025-03-31"));
    }

    @Test
    void onceInPeriodIsTheNamedLooserAlternative() {
        Context once = ctx(Q2,
                RuleSets.PMK_6_2024.withChronicCare(
                        RuleSets.PMK_6_2024.chronicCare().withPolicy(MonitoringPolicy.ONCE_IN_PERIOD)));
        PersonRecord oneVisit = record(person(ADULT, Sex.MALE), months(2, 2));
        Decision counted = decide(RULE, oneVisit, once);
        assertThat(counted.status()).isEqualTo(Status.COUNTED);
        assertThat(assumptionCodes(counted)).containsExactly("HYPERTENSION_ONCE_IN_PERIOD");
        assertThat(decide(RULE, oneVisit, ctx(Q2)).status()).isEqualTo(Status.NOT_COUNTED);

        Decision none = decide(RULE,
                record(person(ADULT, Sex.MALE), Ptm.ht("2025-02-10").bp(null, null).education(true).build()), once);
        assertThat(codes(none)).containsExactly("HYPERTENSION_NO_QUALIFYING_VISIT");
    }

    @Test
    void attributedToTheLatestPtmVisitByEnd() {
        PersonRecord p = record(person(ADULT, Sex.MALE),
                with(months(1, 3), Ptm.on("2025-03-20", "E11").at(P2), Ptm.ht("2025-04-05").at(P1)));
        assertThat(decide(RULE, p, ctx(Q1)).puskesmas()).isEqualTo(P2);
        assertThat(decide(RULE, p, ctx(Q2)).puskesmas()).isEqualTo(P1);
    }

    private static Arguments row(String name, String birth, Period period, List<PtmVisit> visits, Status expected,
            String... reasons) {
        return Arguments.of(name, birth, period, visits, expected, List.of(reasons));
    }
}
