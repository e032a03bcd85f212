package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.MaternalFixtures.ALL_CARE;
import static id.spm.rules.internal.rules.MaternalFixtures.PKM_A;
import static id.spm.rules.internal.rules.MaternalFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.MaternalFixtures.baby;
import static id.spm.rules.internal.rules.MaternalFixtures.codes;
import static id.spm.rules.internal.rules.MaternalFixtures.ctx;
import static id.spm.rules.internal.rules.MaternalFixtures.d;
import static id.spm.rules.internal.rules.MaternalFixtures.fullCare;
import static id.spm.rules.internal.rules.MaternalFixtures.mother;
import static id.spm.rules.internal.rules.MaternalFixtures.newborn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Newborn;

class NewbornRuleTest {

    private static final NewbornRule RULE = new NewbornRule();
    private static final Period Y2025 = Period.ofYear(2025);
    private static final LocalDate BIRTH = d("2025-06-10");

    private static List<String> split(String s) {
        return s == null ? List.of() : List.of(s.split(" "));
    }

    /**
     * One row per case of §9.3. Days count from the day of birth (day 0); times are clock times on those
     * days; {@code -} is "not recorded".
     */
    @ParameterizedTest(name = "born {0}, KN1 day {1} {2}, KN2 day {3}, KN3 day {4}, care missing {5} → {6} {7}")
    @CsvSource(nullValues = "-", textBlock = """
            # birth time, KN1 day, KN1 time, KN2 day, KN3 day, care missing, status, reasons, assumptions
            08:00, 1, 08:00, 5, 14, -, COUNTED, -, -
            # KN1 at least 6 and at most 48 hours after birth, exact duration
            08:00, 0, 14:00, 5, 14, -, COUNTED,     -, -
            08:00, 0, 13:59, 5, 14, -, NOT_COUNTED, KN1_EARLY, -
            08:00, 2, 08:00, 5, 14, -, COUNTED,     -, -
            08:00, 2, 08:01, 5, 14, -, NOT_COUNTED, KN1_LATE, -
            08:00, 2, 09:00, 5, 14, -, NOT_COUNTED, KN1_LATE, -
            23:30, 2, 23:30, 5, 14, -, COUNTED,     -, -
            23:30, 3, 00:30, 5, 14, -, NOT_COUNTED, KN1_LATE, -
            08:00, -, -,     5, 14, -, NOT_COUNTED, KN1_MISSING, -
            # no time of birth or of KN1: KN1 on day 0, 1 or 2, stated as an assumption
            -,     1, 08:00, 5, 14, -, COUNTED,     -, KN1_JUDGED_BY_DAY
            -,     0, -,     5, 14, -, COUNTED,     -, KN1_JUDGED_BY_DAY
            -,     2, -,     5, 14, -, COUNTED,     -, KN1_JUDGED_BY_DAY
            -,     2, 20:00, 5, 14, -, COUNTED,     -, KN1_JUDGED_BY_DAY
            08:00, 2, -,     5, 14, -, COUNTED,     -, KN1_JUDGED_BY_DAY
            -,     3, -,     5, 14, -, NOT_COUNTED, KN1_LATE, KN1_JUDGED_BY_DAY
            08:00, 3, -,     5, 14, -, NOT_COUNTED, KN1_LATE, KN1_JUDGED_BY_DAY
            # KN2 on day 3 to 7
            08:00, 1, 08:00, 2, 14, -, NOT_COUNTED, KN2_EARLY, -
            08:00, 1, 08:00, 3, 14, -, COUNTED,     -, -
            08:00, 1, 08:00, 7, 14, -, COUNTED,     -, -
            08:00, 1, 08:00, 8, 14, -, NOT_COUNTED, KN2_LATE, -
            08:00, 1, 08:00, -, 14, -, NOT_COUNTED, KN2_MISSING, -
            # KN3 on day 8 to 28
            08:00, 1, 08:00, 5, 7,  -, NOT_COUNTED, KN3_EARLY, -
            08:00, 1, 08:00, 5, 8,  -, COUNTED,     -, -
            08:00, 1, 08:00, 5, 28, -, COUNTED,     -, -
            08:00, 1, 08:00, 5, 29, -, NOT_COUNTED, KN3_LATE, -
            08:00, 1, 08:00, 5, -,  -, NOT_COUNTED, KN3_MISSING, -
            # all five essential-care items
            08:00, 1, 08:00, 5, 14, HEPATITIS_B0, NOT_COUNTED, NEWBORN_ESSENTIAL_CARE, -
            08:00, 1, 08:00, 5, 14, CORD_CARE EARLY_BREASTFEEDING VITAMIN_K1 EYE_OINTMENT HEPATITIS_B0, NOT_COUNTED, NEWBORN_ESSENTIAL_CARE, -
            # every part unmet, one reason each
            -,     4, -,     9, 30, VITAMIN_K1, NOT_COUNTED, NEWBORN_ESSENTIAL_CARE KN1_LATE KN2_LATE KN3_LATE, KN1_JUDGED_BY_DAY
            """)
    void judgesTheNeonatalVisits(LocalTime birthTime, Integer kn1Day, LocalTime kn1Time, Integer kn2Day,
            Integer kn3Day, String careMissing, Status status, String reasons, String assumptions) {
        Set<EssentialCare> care = EnumSet.allOf(EssentialCare.class);
        split(careMissing).forEach(c -> care.remove(EssentialCare.valueOf(c)));
        Newborn row = newborn(BIRTH, birthTime, true, care, day(kn1Day), kn1Time, day(kn2Day), day(kn3Day));

        List<Decision> decisions = RULE.decide(baby(row), ctx(Y2025));

        assertThat(decisions).hasSize(1);
        Decision decision = decisions.get(0);
        assertThat(decision.service()).isEqualTo(SpmService.NEWBORN);
        assertThat(decision.subject()).isEmpty();
        assertThat(decision.puskesmas()).isEqualTo(PKM_A);
        assertThat(decision.status()).isEqualTo(status);
        assertThat(codes(decision)).containsExactlyElementsOf(split(reasons));
        assertThat(assumptionCodes(decision)).containsExactlyElementsOf(split(assumptions));
        decision.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.3"));
    }

    private static LocalDate day(Integer n) {
        return n == null ? null : BIRTH.plusDays(n);
    }

    /** Recipients: live-born babies whose day 28 (birth + 28 days) falls in [1 Jan, E]; pending before. */
    @ParameterizedTest(name = "born {0}, {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            # birth,    period,  status,  judged on (pending)
            2025-06-10, 2025,    COUNTED, -
            # quarter E boundary: day 28 on E is judged, on E + 1 pending
            2025-03-03, 2025-Q1, COUNTED, -
            2025-03-04, 2025-Q1, PENDING, 2025-04-01
            2025-03-04, 2025-Q2, COUNTED, -
            2025-03-31, 2025-Q1, PENDING, 2025-04-28
            # born in late December: judged in the next year
            2024-12-03, 2024,    COUNTED, -
            2024-12-03, 2025,    -,       -
            2024-12-04, 2024,    PENDING, 2025-01-01
            2024-12-04, 2025-Q1, COUNTED, -
            2025-12-20, 2025,    PENDING, 2026-01-17
            2025-12-20, 2026-Q1, COUNTED, -
            # born after E: ignored
            2025-04-01, 2025-Q1, -,       -
            # long before the period
            2023-05-01, 2025,    -,       -
            """)
    void judgedOnceDay28HasPassed(LocalDate birth, String period, Status status, LocalDate judgedOn) {
        List<Decision> decisions = RULE.decide(baby(fullCare(birth)), ctx(Period.parse(period)));

        if (status == null) {
            assertThat(decisions).isEmpty();
            return;
        }
        assertThat(decisions).extracting(Decision::status).containsExactly(status);
        if (judgedOn != null) {
            Decision.Pending pending = (Decision.Pending) decisions.get(0);
            assertThat(pending.judgedOn()).isEqualTo(judgedOn);
            assertThat(pending.reason().code()).isEqualTo(NewbornRule.UNDER_28_DAYS);
            assertThat(pending.isRecipient()).isFalse();
        }
    }

    @Test
    void stillBirthsAreNotRecipients() {
        Newborn still = newborn(BIRTH, LocalTime.NOON, false, Set.of(), null, null, null, null);

        assertThat(RULE.decide(baby(still), ctx(Y2025))).isEmpty();
        assertThat(new Evaluator(RuleSets.PMK_6_2024).decide(baby(still), SpmService.NEWBORN, Y2025))
                .containsExactly(Decision.NotRecipient.of(SpmService.NEWBORN));
    }

    @Test
    void aMotherIsNotANewborn() {
        assertThat(RULE.decide(mother(), ctx(Y2025))).isEmpty();
    }

    @Test
    void reasonsNameTheFigures() {
        Newborn row = newborn(BIRTH, LocalTime.of(8, 0), true, EnumSet.of(EssentialCare.CORD_CARE,
                EssentialCare.VITAMIN_K1, EssentialCare.EYE_OINTMENT), BIRTH.plusDays(2), LocalTime.of(8, 1),
                BIRTH.plusDays(9), null);

        Decision decision = RULE.decide(baby(row), ctx(Y2025)).get(0);

        assertThat(decision.reasons()).extracting(r -> r.message()).containsExactly(
                "essential care not recorded: IMD, HB0 (2 of 5 missing)",
                "KN1 48 h 01 min after birth, at most 48 h required",
                "KN2 on day 9, day 3 to 7 required",
                "no KN3 recorded");
    }

    @Test
    void theAssumptionSaysWhichTimeIsMissing() {
        Newborn row = newborn(BIRTH, null, true, ALL_CARE, BIRTH.plusDays(1), LocalTime.of(9, 0), BIRTH.plusDays(4),
                BIRTH.plusDays(10));

        Decision decision = RULE.decide(baby(row), ctx(Y2025)).get(0);

        assertThat(decision.status()).isEqualTo(Status.COUNTED);
        assertThat(decision.assumptions()).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("time of birth not recorded: KN1 judged by its day"));
    }
}
