package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.P1;
import static id.spm.rules.internal.rules.AdultFixtures.P2;
import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.person;
import static id.spm.rules.internal.rules.AdultFixtures.record;
import static id.spm.rules.internal.rules.AdultFixtures.tb;
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
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

class TbPresumptiveRuleTest {

    private static final TbPresumptiveRule RULE = new TbPresumptiveRule();
    private static final String NOT_TCM = TbPresumptiveRule.NOT_TCM_FIRST;

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, period, rows, status, reasons, assumptions
                row("counted: TCM after presumption", Y2025, List.of(tb("2025-02-01", "2025-02-03", TbExamType.TCM)),
                        Status.COUNTED, List.of(), List.of()),
                row("counted: examined on the presumption date", Y2025,
                        List.of(tb("2025-02-01", "2025-02-01", TbExamType.TCM)), Status.COUNTED, List.of(), List.of()),
                row("counted: microscopy, order reported", Y2025,
                        List.of(tb("2025-02-01", "2025-02-05", TbExamType.MICROSCOPY)), Status.COUNTED, List.of(),
                        List.of(NOT_TCM)),
                row("counted: radiology, order reported", Y2025,
                        List.of(tb("2025-02-01", "2025-02-05", TbExamType.RADIOLOGY)), Status.COUNTED, List.of(),
                        List.of(NOT_TCM)),
                row("counted: TCM then radiology, no note", Y2025,
                        List.of(tb("2025-02-01", "2025-02-03", TbExamType.TCM),
                                tb("2025-02-01", "2025-02-20", TbExamType.RADIOLOGY)),
                        Status.COUNTED, List.of(), List.of()),
                row("counted: TCM and microscopy on one date, TCM first", Y2025,
                        List.of(tb("2025-02-01", "2025-02-03", TbExamType.MICROSCOPY),
                                tb("2025-02-01", "2025-02-03", TbExamType.TCM)),
                        Status.COUNTED, List.of(), List.of()),
                row("counted: exam on another row of the person", Y2025,
                        List.of(tb("2025-02-01", null, null), tb("2025-03-01", "2025-03-02", TbExamType.TCM)),
                        Status.COUNTED, List.of(), List.of()),
                row("no examination", Y2025, List.of(tb("2025-02-01", null, null)), Status.NOT_COUNTED,
                        List.of(TbPresumptiveRule.EXAM_MISSING), List.of()),
                row("exam before the earliest presumption in the period", Y2025,
                        List.of(tb("2024-12-10", "2024-12-12", TbExamType.TCM), tb("2025-02-01", null, null)),
                        Status.NOT_COUNTED, List.of(TbPresumptiveRule.EXAM_BEFORE_PRESUMPTION), List.of()),
                row("exam dated before its presumption", Y2025,
                        List.of(tb("2025-02-01", "2025-01-31", TbExamType.TCM)), Status.NOT_COUNTED,
                        List.of(TbPresumptiveRule.EXAM_BEFORE_PRESUMPTION), List.of()),
                row("presumed in December, examined in January: recipient in the new year only", Y2025,
                        List.of(tb("2024-12-20", "2025-01-05", TbExamType.TCM)), null, List.of(), List.of()),
                row("not recipient: no record", Y2025, List.of(), null, List.of(), List.of()),
                row("not recipient: presumed after E", Q1, List.of(tb("2025-04-01", "2025-04-02", TbExamType.TCM)),
                        null, List.of(), List.of()),
                row("Q1: presumed 31 March, exam 1 April ignored", Q1,
                        List.of(tb("2025-03-31", "2025-04-01", TbExamType.TCM)), Status.NOT_COUNTED,
                        List.of(TbPresumptiveRule.EXAM_MISSING), List.of()),
                row("Q1: exam on E counts", Q1, List.of(tb("2025-03-30", "2025-03-31", TbExamType.TCM)),
                        Status.COUNTED, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, Period period, List<TbPresumption> rows, Status expected, List<String> reasons,
            List<String> assumptions) {
        Decision d = decide(RULE, record(person("1980-01-01", Sex.MALE), rows), ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.TB_PRESUMPTIVE);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        assertThat(assumptionCodes(d)).containsExactlyElementsOf(assumptions);
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.11"));
    }

    @Test
    void messagesAndAttribution() {
        Decision d = decide(RULE, record(person("1980-01-01", Sex.MALE), tb("2025-02-01", null, null, P2),
                tb("2025-01-15", null, null, P1)), ctx(Q1));
        assertThat(d.puskesmas()).isEqualTo(P2);
        assertThat(d.reasons().get(0).message())
                .isEqualTo("no TCM, microscopy or radiology examination from 2025-01-15 (presumed) to 2025-03-31");

        Decision note = decide(RULE,
                record(person("1980-01-01", Sex.MALE), tb("2025-02-01", "2025-02-05", TbExamType.MICROSCOPY)),
                ctx(Q1));
        assertThat(note.assumptions().get(0).message()).startsWith(
                "first supporting examination was microscopy on 2025-02-05, not TCM; the order is reported, not decided");
    }

    private static Arguments row(String name, Period period, List<TbPresumption> rows, Status expected,
            List<String> reasons, List<String> assumptions) {
        return Arguments.of(name, period, rows, expected, reasons, assumptions);
    }
}
