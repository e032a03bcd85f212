package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.MaternalFixtures.baby;
import static id.spm.rules.internal.rules.MaternalFixtures.d;
import static id.spm.rules.internal.rules.MaternalFixtures.fullCare;
import static id.spm.rules.internal.rules.MaternalFixtures.k6;
import static id.spm.rules.internal.rules.MaternalFixtures.mother;
import static id.spm.rules.internal.rules.MaternalFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.Event;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcomeKind;

/** Services 1–3 together, through the public {@link Evaluator}. */
class MaternalServicesTest {

    private static final Evaluator EVALUATOR = new Evaluator(RuleSets.PMK_6_2024);
    private static final LocalDate HPHT = d("2025-01-06");

    /** One pregnancy's outcome as services 1 and 2 see it. */
    @ParameterizedTest(name = "{0} → antenatal {1}, delivery {2}")
    @CsvSource(textBlock = """
            LIVE_BIRTH,                  COUNTED,  COUNTED
            STILL_BIRTH,                 COUNTED,  COUNTED
            PREMATURE,                   EXCLUDED, COUNTED
            ABORTION,                    EXCLUDED, EXCLUDED
            MATERNAL_DEATH_IN_PREGNANCY, EXCLUDED, EXCLUDED
            """)
    void anOutcomeAsBothServicesSeeIt(PregnancyOutcomeKind kind, Status antenatal, Status delivery) {
        List<Event> events = new ArrayList<>(k6(HPHT));
        events.add(outcome(HPHT, d("2025-10-10"), kind));

        Map<SpmService, List<Decision>> all = EVALUATOR.decideAll(mother(events), Period.ofYear(2025));

        assertThat(all.get(SpmService.ANTENATAL)).extracting(Decision::status).containsExactly(antenatal);
        assertThat(all.get(SpmService.DELIVERY)).extracting(Decision::status).containsExactly(delivery);
        assertThat(all.get(SpmService.NEWBORN)).containsExactly(Decision.NotRecipient.of(SpmService.NEWBORN));
    }

    @Test
    void theBabyIsItsOwnPerson() {
        PersonRecord baby = baby(fullCare(d("2025-10-10")));

        Map<SpmService, List<Decision>> all = EVALUATOR.decideAll(baby, Period.ofYear(2025));

        assertThat(all.get(SpmService.NEWBORN)).extracting(Decision::status).containsExactly(Status.COUNTED);
        assertThat(all.get(SpmService.ANTENATAL)).containsExactly(Decision.NotRecipient.of(SpmService.ANTENATAL));
        assertThat(all.get(SpmService.DELIVERY)).containsExactly(Decision.NotRecipient.of(SpmService.DELIVERY));
    }

    @Test
    void everyParameterIsPublished() {
        assertThat(RuleSets.PMK_6_2024.parameters()).extracting(p -> p.name()).contains(
                "antenatal.trimester1MaxWeek", "antenatal.trimester2MaxWeek", "antenatal.minVisits",
                "antenatal.assumeTenTWhenNotRecorded", "antenatal.runningPregnancyMaxWeeks",
                "delivery.allowLimitedAccessException", "delivery.nonDeliveryExcluded", "newborn.kn1Hours",
                "newborn.kn1FallbackMaxDay", "newborn.kn2Days", "newborn.kn3Days");
    }
}
