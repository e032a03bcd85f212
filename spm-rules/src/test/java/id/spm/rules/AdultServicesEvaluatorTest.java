package id.spm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.Screening;
import id.spm.rules.model.ScreeningPlace;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

/** Services 6–12 through the public entry point: wiring, statuses and parameters. */
class AdultServicesEvaluatorTest {

    private static final String P = "P3273110201";

    @Test
    void oneAdultThroughAllServices() {
        Person person = new Person("k-1", LocalDate.of(1980, 5, 1), Sex.MALE, null, null);
        PersonRecord r = PersonRecord.builder(person)
                .add(new Screening(LocalDate.of(2025, 2, 1), P, null, ScreeningPlace.POSBINDU, new BigDecimal("70"),
                        new BigDecimal("170"), new BigDecimal("85"), null, 150, 95, new BigDecimal("180"), null, 2,
                        "Normal", "Normal", "Normal", "Merokok", null, null, null, null, null, false, false, true))
                .add(new PtmVisit(LocalDate.of(2025, 1, 10), P, "I10", 150, 95, null, null, null, true, true, null))
                .add(new PtmVisit(LocalDate.of(2025, 2, 10), P, "I10", 145, 92, null, null, null, null, null, null))
                .add(new PtmVisit(LocalDate.of(2025, 3, 10), P, "I10", 138, 88, null, null, null, null, null, null))
                .add(new MentalHealthVisit(LocalDate.of(2025, 3, 1), P, "F20", true, true, true, null, null))
                .add(new TbPresumption(LocalDate.of(2025, 1, 20), P, LocalDate.of(2025, 1, 22), TbExamType.TCM, null))
                .add(new HivRiskRecord(LocalDate.of(2025, 1, 20), P, RiskGroup.TB_PATIENT, null, null, null))
                .build();
        Map<SpmService, List<Decision>> all = Evaluator.forPeriod(Period.ofQuarter(2025, 1)).decideAll(r,
                Period.ofQuarter(2025, 1));

        assertThat(all.get(SpmService.PRODUCTIVE_AGE).get(0).status()).isEqualTo(Status.COUNTED);
        assertThat(all.get(SpmService.ELDERLY).get(0).status()).isEqualTo(Status.NOT_RECIPIENT);
        assertThat(all.get(SpmService.HYPERTENSION).get(0).status()).isEqualTo(Status.COUNTED);
        assertThat(all.get(SpmService.DIABETES).get(0).status()).isEqualTo(Status.NOT_RECIPIENT);
        assertThat(all.get(SpmService.SEVERE_MENTAL_DISORDER).get(0).reasons()).extracting(Reason::code)
                .containsExactly("ODGJ_MANAGEMENT_MISSING");
        assertThat(all.get(SpmService.TB_PRESUMPTIVE).get(0).status()).isEqualTo(Status.COUNTED);
        assertThat(all.get(SpmService.HIV_RISK).get(0).reasons()).extracting(Reason::code)
                .containsExactly("HIV_R1_TEST_MISSING");
        for (SpmService s : List.of(SpmService.PRODUCTIVE_AGE, SpmService.HYPERTENSION,
                SpmService.SEVERE_MENTAL_DISORDER, SpmService.TB_PRESUMPTIVE, SpmService.HIV_RISK)) {
            assertThat(all.get(s).get(0).puskesmas()).isEqualTo(P);
        }
        // In Q2 the hypertension patient has no April–June visit: not counted in the next quarter.
        assertThat(Evaluator.forPeriod(Period.ofQuarter(2025, 2)).decide(r, SpmService.HYPERTENSION,
                Period.ofQuarter(2025, 2)).get(0).status()).isEqualTo(Status.NOT_COUNTED);
    }

    @Test
    void parametersOfServices6To9ArePublished() {
        assertThat(RuleSets.PMK_6_2024.parameters()).extracting(Parameter::name).contains("screening.productiveAges",
                "screening.elderlyMinAge", "screening.ivaDecides", "screening.ivaAges", "chronicCare.policy");
        assertThat(ScreeningParameters.DEFAULT).isEqualTo(new ScreeningParameters(40, new BigDecimal("27"), 140, 90,
                41, 39, false));
    }
}
