package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Q2;
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
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.Sex;

class DiabetesRuleTest {

    private static final DiabetesRule RULE = new DiabetesRule();
    private static final String ADULT = "1970-01-01";
    private static final String MONTHS = "DIABETES_MONTHS_MISSING";
    private static final String EDUCATION = "DIABETES_EDUCATION_MISSING";

    private static List<PtmVisit> months(int from, int to) {
        return monthly(from, to, m -> Ptm.dm(day(m, 10)).education(m == from));
    }

    private static List<PtmVisit> with(List<PtmVisit> base, Ptm... more) {
        List<PtmVisit> out = new ArrayList<>(base);
        for (Ptm p : more) {
            out.add(p.build());
        }
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("counted: every month of the year", ADULT, Y2025, months(1, 12), Status.COUNTED),
                row("not recipient: no visit", ADULT, Y2025, List.of(), null),
                row("not recipient: hypertension only", ADULT, Q1,
                        List.of(Ptm.ht("2025-01-10").clinical(true).glucose("100").education(true).build()), null),
                row("diagnosis codes E10 and E14 are diabetes", ADULT, Q1,
                        List.of(Ptm.on("2025-01-10", "E10").clinical(true).glucose("140").education(true).build(),
                                Ptm.on("2025-02-10", "E14").clinical(true).glucose("140").build(),
                                Ptm.on("2025-03-10", "E14.9").clinical(true).glucose("140").build()),
                        Status.COUNTED),
                row("E15 is not diabetes", ADULT, Q1,
                        List.of(Ptm.on("2025-01-10", "E15").clinical(true).glucose("140").education(true).build()),
                        null),
                row("age 14 on the diagnosed visit", "2010-01-11", Q1, months(1, 1), null),
                row("age 15 on the diagnosed visit", "2010-01-10", Q1, months(1, 3), Status.COUNTED),
                row("a month without a visit", ADULT, Q1, with(months(1, 1), Ptm.dm("2025-03-10")), Status.NOT_COUNTED,
                        MONTHS),
                row("clinical examination no", ADULT, Q1, with(months(1, 2), Ptm.dm("2025-03-10").clinical(false)),
                        Status.NOT_COUNTED, MONTHS),
                row("no glucose result", ADULT, Q1, with(months(1, 2), Ptm.dm("2025-03-10").glucose(null)),
                        Status.NOT_COUNTED, MONTHS),
                row("clinical and glucose from two rows of one date", ADULT, Q1,
                        with(months(1, 2), Ptm.on("2025-03-10", "E11").clinical(true),
                                Ptm.on("2025-03-10", "E11").glucose("200")),
                        Status.COUNTED),
                row("diagnosed the year before: January required", ADULT, Q1,
                        with(months(2, 3), Ptm.dm("2024-12-15")), Status.NOT_COUNTED, MONTHS),
                row("first diagnosed in May", ADULT, Q2, months(5, 6), Status.COUNTED),
                row("education never yes", ADULT, Q1, monthly(1, 3, m -> Ptm.dm(day(m, 10))), Status.NOT_COUNTED,
                        EDUCATION),
                row("high blood pressure needs no drug therapy for service 9", ADULT, Q1,
                        with(months(1, 3), Ptm.dm("2025-02-20").bp(180, 110)), Status.COUNTED),
                row("Q2: counted in Q1, not without April–June", ADULT, Q2, months(1, 3), Status.NOT_COUNTED,
                        MONTHS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String birth, Period period, List<PtmVisit> visits, Status expected,
            List<String> reasons) {
        Decision d = decide(RULE, record(person(birth, Sex.FEMALE), visits), ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.DIABETES);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.9"));
    }

    @Test
    void messageNamesMonthsAndWhatWasRequired() {
        Decision d = decide(RULE, record(person(ADULT, Sex.FEMALE), with(months(1, 1), Ptm.dm("2025-03-10"))),
                ctx(Q1));
        assertThat(d.reasons().get(0).message()).isEqualTo(
                "no qualifying visit in 2025-02: clinical examination and a glucose result required every month from 2025-01 (first diagnosed 2025-01-10) to 2025-03");
    }

    @Test
    void onceInPeriod() {
        Context once = ctx(Q1, RuleSets.PMK_6_2024
                .withChronicCare(RuleSets.PMK_6_2024.chronicCare().withPolicy(MonitoringPolicy.ONCE_IN_PERIOD)));
        Decision counted = decide(RULE, record(person(ADULT, Sex.FEMALE), months(1, 1)), once);
        assertThat(counted.status()).isEqualTo(Status.COUNTED);
        assertThat(assumptionCodes(counted)).containsExactly("DIABETES_ONCE_IN_PERIOD");
        Decision none = decide(RULE,
                record(person(ADULT, Sex.FEMALE), Ptm.dm("2025-01-10").clinical(false).education(true).build()), once);
        assertThat(codes(none)).containsExactly("DIABETES_NO_QUALIFYING_VISIT");
    }

    private static Arguments row(String name, String birth, Period period, List<PtmVisit> visits, Status expected,
            String... reasons) {
        return Arguments.of(name, birth, period, visits, expected, List.of(reasons));
    }
}
