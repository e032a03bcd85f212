package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.P1;
import static id.spm.rules.internal.rules.AdultFixtures.P2;
import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.hiv;
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
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.Sex;

class HivRiskRuleTest {

    private static final HivRiskRule RULE = new HivRiskRule();
    private static final String R1 = HivRiskRule.R1_MISSING;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("counted: recorded and R1-tested in the year", Y2025,
                        List.of(hiv("2025-03-01", "2025-03-01", HivTestType.R1)), Status.COUNTED),
                row("recorded, not tested", Y2025, List.of(hiv("2025-03-01", null, null)), Status.NOT_COUNTED, R1),
                row("R2 only does not count", Y2025, List.of(hiv("2025-03-01", "2025-03-02", HivTestType.R2)),
                        Status.NOT_COUNTED, R1),
                row("recorded the year before, R1-tested in the year: recipient and counted", Y2025,
                        List.of(hiv("2024-11-01", "2025-01-15", HivTestType.R1)), Status.COUNTED),
                row("recorded the year before, not tested: not a recipient", Y2025,
                        List.of(hiv("2024-11-01", null, null)), null),
                row("recorded and tested the year before: not a recipient", Y2025,
                        List.of(hiv("2024-11-01", "2024-11-02", HivTestType.R1)), null),
                row("recorded in the year, R1 the year before", Y2025,
                        List.of(hiv("2024-11-01", "2024-11-02", HivTestType.R1), hiv("2025-02-01", null, null)),
                        Status.NOT_COUNTED, R1),
                row("R1 on another row of the person", Y2025,
                        List.of(hiv("2025-02-01", null, null), hiv("2025-06-01", "2025-06-01", HivTestType.R1)),
                        Status.COUNTED),
                row("not recipient: no record", Y2025, List.of(), null),
                row("Q1: R1 on 31 March counts", Q1, List.of(hiv("2025-03-31", "2025-03-31", HivTestType.R1)),
                        Status.COUNTED),
                row("Q1: R1 on 1 April ignored", Q1, List.of(hiv("2025-03-31", "2025-04-01", HivTestType.R1)),
                        Status.NOT_COUNTED, R1),
                row("Q1: recorded after E, not tested: not a recipient", Q1, List.of(hiv("2025-04-01", null, null)),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Period period, List<HivRiskRecord> rows, Status expected, List<String> reasons) {
        Decision d = decide(RULE, record(person("1990-01-01", Sex.FEMALE), rows), ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.HIV_RISK);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.12"));
    }

    @Test
    void messagesAndAttribution() {
        Decision d = decide(RULE, record(person("1990-01-01", Sex.FEMALE),
                hiv("2025-02-01", "2025-02-03", HivTestType.R2, P2), hiv("2025-01-05", null, null, P1)), ctx(Q1));
        assertThat(d.puskesmas()).isEqualTo(P2);
        assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.message())
                .isEqualTo("no R1 test from 2025-01-01 to 2025-03-31 (R2 on 2025-02-03 does not count)"));
    }

    @Test
    void recordedAfterEButTestedWithinIsAttributedByTheTest() {
        Decision d = decide(RULE, record(person("1990-01-01", Sex.FEMALE),
                hiv("2025-04-10", "2025-03-20", HivTestType.R1, P2)), ctx(Q1));
        assertThat(d.status()).isEqualTo(Status.COUNTED);
        assertThat(d.puskesmas()).isEqualTo(P2);
    }

    private static Arguments row(String name, Period period, List<HivRiskRecord> rows, Status expected,
            String... reasons) {
        return Arguments.of(name, period, rows, expected, List.of(reasons));
    }
}
