package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.ChildFixtures.d;
import static id.spm.rules.internal.rules.ChildFixtures.screening;
import static id.spm.rules.internal.rules.ChildFixtures.standard1Complete;
import static id.spm.rules.model.ChildServiceType.IMMUNISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.PersonRecord;

/** Services 4 and 5 through the public {@link Evaluator}, over a child's years. */
class ChildServicesTest {

    private static final Evaluator EVALUATOR = new Evaluator(RuleSets.PMK_6_2024);

    /** Born 2024-06-15 with a complete first year, HB0 in the newborn register, then no more visits. */
    private static final PersonRecord CHILD = standard1Complete(d("2024-06-15")).without(
            IMMUNISATION, "HB0").newborn(true).record();

    @ParameterizedTest(name = "{0}: balita {1} {2}")
    @CsvSource(textBlock = """
            2024,    NOT_RECIPIENT, ''
            2025-Q1, NOT_RECIPIENT, ''
            2025-Q2, COUNTED,       standard-1
            2025,    COUNTED,       standard-1
            2026-Q1, COUNTED,       standard-1
            2026-Q2, NOT_COUNTED,   standard-2
            2027-Q3, PENDING,       standard-3
            2027,    NOT_COUNTED,   standard-3
            2029-Q2, NOT_RECIPIENT, ''
            """)
    void aChildOverTheYears(String period, String status, String subject) {
        List<Decision> out = EVALUATOR.decide(CHILD, SpmService.BALITA, Period.parse(period));
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.status().name()).isEqualTo(status);
            assertThat(x.subject()).isEqualTo(subject);
        });
        assertThat(EVALUATOR.decide(CHILD, SpmService.SCHOOL_AGE, Period.parse(period)))
                .containsExactly(Decision.NotRecipient.of(SpmService.SCHOOL_AGE));
    }

    @Test
    void aPupilIsNotABalita() {
        PersonRecord pupil = ChildFixtures.child(d("2017-02-01")).exam(screening("2024-09-02", 2)
                .set(e -> e.bias = BiasAntigen.TD)).record();
        assertThat(EVALUATOR.decisions(pupil, Period.ofYear(2025))).singleElement().satisfies(x -> {
            assertThat(x.service()).isEqualTo(SpmService.SCHOOL_AGE);
            assertThat(x.isRecipient()).isTrue();
        });
    }

    @Test
    void everyParameterIsPublished() {
        assertThat(RuleSets.PMK_6_2024.parameters()).extracting(Parameter::name).contains("balita.minWeighings",
                "balita.minWeighingsPerHalf", "balita.minLengthHeight", "balita.minHeadCircumference",
                "balita.minDevelopment", "balita.vitaminA", "balita.basicImmunisation", "balita.badutaBooster",
                "balita.standard3Immunisation", "balita.hb0FromNewbornRegister", "balita.windows",
                "schoolAge.grades", "schoolAge.outsideSchoolAges", "schoolAge.anaemia", "schoolAge.biasByGrade",
                "schoolAge.biasByAge", "schoolAge.followUpDecides");
    }
}
