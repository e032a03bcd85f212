package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.MaternalFixtures.PKM_A;
import static id.spm.rules.internal.rules.MaternalFixtures.PKM_B;
import static id.spm.rules.internal.rules.MaternalFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.MaternalFixtures.codes;
import static id.spm.rules.internal.rules.MaternalFixtures.ctx;
import static id.spm.rules.internal.rules.MaternalFixtures.d;
import static id.spm.rules.internal.rules.MaternalFixtures.delivery;
import static id.spm.rules.internal.rules.MaternalFixtures.midwife;
import static id.spm.rules.internal.rules.MaternalFixtures.mother;
import static id.spm.rules.internal.rules.MaternalFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.Decision;
import id.spm.rules.DeliveryParameters;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;

class DeliveryRuleTest {

    private static final DeliveryRule RULE = new DeliveryRule();
    private static final Period Y2025 = Period.ofYear(2025);
    private static final LocalDate DAY = d("2025-06-15");

    private static List<String> split(String s) {
        return s == null ? List.of() : List.of(s.split(" "));
    }

    @ParameterizedTest(name = "{0} d={1} m={2} n={3} complication={4} limited={5} → {6} {7}")
    @CsvSource(nullValues = "-", textBlock = """
            # place,          doctors, midwives, nurses, complication, limited access, status, reasons, assumptions
            PUSKESMAS,        1, 1, 1, false, false, COUNTED,     -, -
            HOSPITAL,         1, 2, 0, false, false, COUNTED,     -, -
            CLINIC,           2, 1, 3, false, false, COUNTED,     -, -
            MIDWIFE_PRACTICE, 1, 1, 1, false, false, COUNTED,     -, -
            HOSPITAL,         1, 2, 0, true,  false, COUNTED,     -, -
            HOSPITAL,         1, 1, 1, true,  true,  COUNTED,     -, -
            # a doctor with two nurses and no midwife is not counted
            HOSPITAL,         1, 0, 2, false, false, NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            HOSPITAL,         1, 0, 2, false, true,  NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            CLINIC,           1, 1, 0, false, false, NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            PUSKESMAS,        1, 0, 1, true,  true,  NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            # without a doctor only with limited access and no complication
            PUSKESMAS,        0, 1, 1, false, false, NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            PUSKESMAS,        0, 2, 0, false, false, NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            PUSKESMAS,        0, 1, 1, false, true,  COUNTED,     -, DELIVERY_LIMITED_ACCESS_EXCEPTION
            MIDWIFE_PRACTICE, 0, 2, 0, false, true,  COUNTED,     -, DELIVERY_LIMITED_ACCESS_EXCEPTION
            PUSKESMAS,        0, 1, 0, false, true,  NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            PUSKESMAS,        0, 0, 2, false, true,  NOT_COUNTED, DELIVERY_TEAM_INCOMPLETE, -
            # a complicated delivery without a doctor is not counted, limited access or not
            PUSKESMAS,        0, 2, 0, true,  true,  NOT_COUNTED, DELIVERY_COMPLICATED_WITHOUT_DOCTOR, -
            PUSKESMAS,        0, 1, 1, true,  false, NOT_COUNTED, DELIVERY_COMPLICATED_WITHOUT_DOCTOR, -
            # the place is a facility in every case
            HOME,             1, 1, 1, false, false, NOT_COUNTED, DELIVERY_NOT_IN_FACILITY, -
            HOME,             0, 2, 0, false, true,  NOT_COUNTED, DELIVERY_NOT_IN_FACILITY, DELIVERY_LIMITED_ACCESS_EXCEPTION
            OTHER,            0, 0, 0, false, false, NOT_COUNTED, DELIVERY_NOT_IN_FACILITY DELIVERY_TEAM_INCOMPLETE, -
            -,                1, 1, 1, false, false, NOT_COUNTED, DELIVERY_NOT_IN_FACILITY, -
            """)
    void judgesPlaceAndTeam(DeliveryPlace place, int doctors, int midwives, int nurses, boolean complication,
            boolean limitedAccess, Status status, String reasons, String assumptions) {
        PersonRecord person = mother(delivery(DAY, place, doctors, midwives, nurses, complication, limitedAccess));

        List<Decision> decisions = RULE.decide(person, ctx(Y2025));

        assertThat(decisions).hasSize(1);
        Decision decision = decisions.get(0);
        assertThat(decision.service()).isEqualTo(SpmService.DELIVERY);
        assertThat(decision.status()).isEqualTo(status);
        assertThat(codes(decision)).containsExactlyElementsOf(split(reasons));
        assertThat(assumptionCodes(decision)).containsExactlyElementsOf(split(assumptions));
        assertThat(decision.subject()).isEqualTo("hpht=" + DAY.minusDays(275));
        assertThat(decision.puskesmas()).isEqualTo(PKM_A);
        decision.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.2"));
    }

    @ParameterizedTest(name = "{0}, non-delivery excluded={1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            LIVE_BIRTH,                  true,  COUNTED,  -
            STILL_BIRTH,                 true,  COUNTED,  -
            PREMATURE,                   true,  COUNTED,  -
            ABORTION,                    true,  EXCLUDED, DELIVERY_EXCLUDED_ABORTION
            MATERNAL_DEATH_IN_PREGNANCY, true,  EXCLUDED, DELIVERY_EXCLUDED_MATERNAL_DEATH
            ABORTION,                    false, -,        -
            MATERNAL_DEATH_IN_PREGNANCY, false, -,        -
            """)
    void recipientsAreDeliveries(PregnancyOutcomeKind kind, boolean nonDeliveryExcluded, Status status,
            String reason) {
        RuleSet rules = RuleSets.PMK_6_2024.withDelivery(new DeliveryParameters(true, nonDeliveryExcluded));
        PersonRecord person = mother(outcome(d("2024-09-10"), DAY, kind));

        List<Decision> decisions = RULE.decide(person, ctx(Y2025, rules));

        if (status == null) {
            assertThat(decisions).isEmpty();
        } else {
            assertThat(decisions).extracting(Decision::status).containsExactly(status);
            assertThat(codes(decisions.get(0))).containsExactlyElementsOf(split(reason));
        }
    }

    @Test
    void theLimitedAccessExceptionCanBeSwitchedOff() {
        RuleSet rules = RuleSets.PMK_6_2024.withDelivery(new DeliveryParameters(false));
        PersonRecord person = mother(delivery(DAY, DeliveryPlace.PUSKESMAS, 0, 2, 0, false, true));

        Decision decision = RULE.decide(person, ctx(Y2025, rules)).get(0);

        assertThat(codes(decision)).containsExactly(DeliveryRule.TEAM_INCOMPLETE);
        assertThat(decision.reasons().get(0).message()).isEqualTo(
                "attended by 0 doctors, 2 midwives and 0 nurses; a doctor with a midwife and a nurse, or a doctor with 2"
                        + " midwives, required");
    }

    @Test
    void reasonsNameTheTeam() {
        PersonRecord person = mother(delivery(DAY, DeliveryPlace.HOME, 1, 0, 2, false, true));

        Decision decision = RULE.decide(person, ctx(Y2025)).get(0);

        assertThat(decision.reasons()).extracting(r -> r.message()).containsExactly(
                "delivered at home (Rumah), not a health facility (RS, Puskesmas, Klinik, PMB)",
                "attended by 1 doctor, 0 midwives and 2 nurses; a doctor with a midwife and a nurse, or a doctor with 2"
                        + " midwives, required (with limited access: a midwife with a nurse, or 2 midwives)");
    }

    /** Deliveries per period, {@code subject:STATUS} joined by {@code ;}, empty when not a recipient. */
    @ParameterizedTest(name = "delivery on {0} in {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            2025-03-31, 2025-Q1, COUNTED
            2025-04-01, 2025-Q1, -
            2025-04-01, 2025-Q2, COUNTED
            2025-01-01, 2025-Q1, COUNTED
            2024-12-31, 2025,    -
            2024-12-31, 2024,    COUNTED
            2025-12-31, 2025,    COUNTED
            """)
    void recipientsAreDatedInThePeriod(LocalDate date, String period, Status status) {
        PersonRecord person = mother(delivery(date, DeliveryPlace.HOSPITAL, 1, 1, 1, false, false));

        List<Decision> decisions = RULE.decide(person, ctx(Period.parse(period)));

        assertThat(decisions).extracting(Decision::status)
                .containsExactlyElementsOf(status == null ? List.of() : List.of(status));
    }

    @Test
    void twinsOnTwoRowsAreOneDeliveryCarryingBothTeams() {
        LocalDate hpht = d("2024-09-10");
        PregnancyOutcome first = new PregnancyOutcome(DAY, PKM_B, hpht, PregnancyOutcomeKind.LIVE_BIRTH,
                DeliveryPlace.HOSPITAL, 1, 0, 0, false, false);
        PregnancyOutcome second = new PregnancyOutcome(DAY, PKM_A, hpht, PregnancyOutcomeKind.STILL_BIRTH, null, 0, 1,
                1, false, false);

        List<Decision> decisions = RULE.decide(mother(first, second), ctx(Y2025));

        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).status()).isEqualTo(Status.COUNTED);
        // attribution: latest record by E, ties to the smallest code
        assertThat(decisions.get(0).puskesmas()).isEqualTo(PKM_A);
    }

    @Test
    void onlyPregnancyOutcomesMakeARecipient() {
        assertThat(RULE.decide(mother(midwife(DAY)), ctx(Y2025))).isEmpty();
    }

    @Test
    void twoDeliveriesInAYearAreTwoDecisions() {
        PersonRecord person = mother(delivery(d("2025-01-10"), DeliveryPlace.HOME, 0, 1, 0, false, false),
                delivery(d("2025-12-20"), DeliveryPlace.HOSPITAL, 1, 1, 1, false, false));

        List<String> actual = new ArrayList<>();
        RULE.decide(person, ctx(Y2025)).forEach(x -> actual.add(x.subject() + ":" + x.status()));

        assertThat(actual).containsExactly("hpht=2024-04-10:NOT_COUNTED", "hpht=2025-03-20:COUNTED");
    }
}
