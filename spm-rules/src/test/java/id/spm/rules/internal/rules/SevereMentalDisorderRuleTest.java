package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.mh;
import static id.spm.rules.internal.rules.AdultFixtures.person;
import static id.spm.rules.internal.rules.AdultFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Decision;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Sex;

class SevereMentalDisorderRuleTest {

    private static final SevereMentalDisorderRule RULE = new SevereMentalDisorderRule();
    private static final String EXAM = SevereMentalDisorderRule.EXAM_MISSING;
    private static final String EDU = SevereMentalDisorderRule.EDUCATION_MISSING;
    private static final String MGMT = SevereMentalDisorderRule.MANAGEMENT_MISSING;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("counted: one complete visit", Y2025, List.of(mh("2025-03-01", "F20", true, true, true, true)),
                        Status.COUNTED),
                row("counted: education and management on other visits", Y2025,
                        List.of(mh("2025-03-01", "F20", true, true, null, null),
                                mh("2025-05-01", "F20", null, null, true, null),
                                mh("2025-07-01", "F20", null, null, null, true)),
                        Status.COUNTED),
                row("counted: exam and interview from two rows of one date", Y2025,
                        List.of(mh("2025-03-01", "F23", true, null, true, true),
                                mh("2025-03-01", "F23", null, true, null, null)),
                        Status.COUNTED),
                row("exam and interview on different dates", Y2025,
                        List.of(mh("2025-03-01", "F20", true, false, true, true),
                                mh("2025-04-01", "F20", false, true, null, null)),
                        Status.NOT_COUNTED, EXAM),
                row("interview without mental status examination", Y2025,
                        List.of(mh("2025-03-01", "F20", null, true, true, true)), Status.NOT_COUNTED, EXAM),
                row("education missing", Y2025, List.of(mh("2025-03-01", "F20", true, true, false, true)),
                        Status.NOT_COUNTED, EDU),
                row("management missing", Y2025, List.of(mh("2025-03-01", "F20", true, true, true, null)),
                        Status.NOT_COUNTED, MGMT),
                row("nothing recorded: each reason", Y2025, List.of(mh("2025-03-01", "F29", null, null, null, null)),
                        Status.NOT_COUNTED, EXAM, EDU, MGMT),
                row("not recipient: no visit", Y2025, List.of(), null),
                row("not recipient: F19 is outside F20–F29", Y2025,
                        List.of(mh("2025-03-01", "F19", true, true, true, true)), null),
                row("not recipient: F30 is outside F20–F29", Y2025,
                        List.of(mh("2025-03-01", "F30", true, true, true, true)), null),
                row("recipient: F29", Y2025, List.of(mh("2025-03-01", "F29", true, true, true, true)), Status.COUNTED),
                row("not recipient: diagnosed only in the previous year", Y2025,
                        List.of(mh("2024-12-31", "F20", true, true, true, true)), null),
                row("previous year's exam does not count", Y2025,
                        List.of(mh("2024-12-31", "F20", true, true, true, true),
                                mh("2025-01-01", "F20", null, null, true, true)),
                        Status.NOT_COUNTED, EXAM),
                row("Q1: visit on 31 March counts", Q1, List.of(mh("2025-03-31", "F20", true, true, true, true)),
                        Status.COUNTED),
                row("Q1: management after E ignored", Q1,
                        List.of(mh("2025-03-31", "F20", true, true, true, null),
                                mh("2025-04-01", "F20", null, null, null, true)),
                        Status.NOT_COUNTED, MGMT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Period period, List<MentalHealthVisit> visits, Status expected, List<String> reasons) {
        Decision d = decide(RULE, record(person("1985-05-05", Sex.MALE), visits), ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.SEVERE_MENTAL_DISORDER);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.10"));
    }

    @Test
    void examMessageSaysWhatWasSeen() {
        Decision d = decide(RULE,
                record(person("1985-05-05", Sex.MALE), mh("2025-03-01", "F20", true, false, true, true),
                        mh("2025-04-01", "F20", false, true, null, null)),
                ctx(Y2025));
        assertThat(d.reasons().get(0).message()).isEqualTo(
                "no visit with both mental status examination and interview \"yes\" from 2025-01-01 to 2025-12-31 (mental status examination and interview recorded on different dates)");
    }

    private static Arguments row(String name, Period period, List<MentalHealthVisit> visits, Status expected,
            String... reasons) {
        return Arguments.of(name, period, visits, expected, List.of(reasons));
    }
}
