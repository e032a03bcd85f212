package id.spm.sample;

import static id.spm.sample.Samples.DEC_31;
import static id.spm.sample.Samples.PERSONS;
import static id.spm.sample.Samples.PUSKESMAS;
import static id.spm.sample.Samples.YEAR;
import static id.spm.sample.Samples.ageAt;
import static id.spm.sample.Samples.events;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.spm.rules.Evaluator;
import id.spm.rules.RuleSets;
import id.spm.rules.internal.Ages;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.Event;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.SchoolExam;

/** Every generated record is well formed beyond what the model's constructors already check. */
class GeneratedRecordsTest {

    private static final LocalDate EARLIEST = LocalDate.of(YEAR - 2, 1, 1);

    @Test
    void idsArePseudonymousAndUnique() {
        assertThat(PERSONS).hasSize(Samples.SIZE);
        Set<String> ids = new java.util.HashSet<>();
        for (PersonRecord p : PERSONS) {
            assertThat(ids.add(p.id())).as("unique %s", p.id()).isTrue();
            assertThat(p.id()).matches("[0-9a-f]{32}").doesNotContainPattern("\\d{4}");
        }
    }

    @Test
    void everyEventIsDatedInItsWindowAndAtARegisteredPuskesmas() {
        for (PersonRecord p : PERSONS) {
            for (Event e : events(p)) {
                assertThat(e.date()).as("%s of %s", e, p.id()).isBetween(EARLIEST, DEC_31)
                        .isAfterOrEqualTo(p.person().birthDate());
                assertThat(PUSKESMAS).as("%s", e).contains(e.puskesmas());
            }
            assertThat(PUSKESMAS).contains(p.person().puskesmas());
            assertThat(p.person().desaCode()).startsWith("73.18.");
        }
    }

    @Test
    void antenatalVisitsLieWithinTheirPregnancy() {
        long checked = 0;
        for (PersonRecord p : PERSONS) {
            for (PregnancyOutcome o : p.pregnancyOutcomes()) {
                for (AncVisit v : p.ancVisits()) {
                    assertThat(v.date()).isAfter(o.hpht()).isBeforeOrEqualTo(o.date());
                    checked++;
                }
                assertThat(o.hpht()).isBefore(o.date());
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void babiesFollowTheirMothers() {
        Map<String, PersonRecord> byId = PERSONS.stream().collect(Collectors.toMap(PersonRecord::id, Function.identity()));
        long linked = 0;
        for (PersonRecord p : PERSONS) {
            for (Newborn n : p.newborns()) {
                assertThat(n.birthDate()).isEqualTo(p.person().birthDate());
                if (n.kn1Date() != null) {
                    assertThat(n.kn1Date()).isAfterOrEqualTo(n.birthDate());
                }
                if (n.motherId() != null) {
                    PersonRecord mother = byId.get(n.motherId());
                    assertThat(mother).isNotNull();
                    assertThat(mother.pregnancyOutcomes()).anyMatch(o -> o.date().equals(n.birthDate()));
                    assertThat(p.person().puskesmas()).isEqualTo(mother.person().puskesmas());
                    linked++;
                }
            }
        }
        assertThat(linked).isPositive();
    }

    @Test
    void ageBoundLayoutsHoldPersonsOfTheirAges() {
        for (PersonRecord p : PERSONS) {
            p.childServices().forEach(c -> assertThat(Ages.months(p.person().birthDate(), c.date())).isBetween(0, 59));
            p.screenings().forEach(s -> assertThat(ageAt(p, s.date())).isGreaterThanOrEqualTo(15));
            p.ptmVisits().forEach(v -> assertThat(ageAt(p, v.date())).isGreaterThanOrEqualTo(15));
            p.mentalHealthVisits().forEach(v -> assertThat(ageAt(p, v.date())).isGreaterThanOrEqualTo(15));
            for (SchoolExam e : p.schoolExams()) {
                assertThat(e.date()).isBetween(LocalDate.of(YEAR - 1, 6, 1), LocalDate.of(YEAR, 5, 31));
                assertThat(e.grade() == null).isEqualTo(!e.place().isSchool());
            }
        }
    }

    @Test
    void examinationsAndTestsFollowTheirRecords() {
        for (PersonRecord p : PERSONS) {
            p.tbPresumptions().stream().filter(t -> t.examDate() != null)
                    .forEach(t -> assertThat(t.examDate()).isAfterOrEqualTo(t.presumedDate()).isBeforeOrEqualTo(DEC_31));
            p.hivRiskRecords().stream().filter(h -> h.testDate() != null)
                    .forEach(h -> assertThat(h.testDate()).isAfterOrEqualTo(h.recordedDate()).isBeforeOrEqualTo(DEC_31));
            p.newborns().forEach(n -> {
                if (n.kn3() != null) {
                    assertThat(ChronoUnit.DAYS.between(n.birthDate(), n.kn3())).isBetween(8L, 35L);
                }
            });
        }
    }

    /** §2.12: every pregnant woman is at risk; the aggregate Puskesmas reports HIV only as counts. */
    @Test
    void pregnantWomenAreRecordedAtRiskOfHivExceptWhereHivIsAggregate() {
        String aggregate = Samples.GENERATOR.aggregatePuskesmas();
        assertThat(aggregate).isNotNull();
        long women = 0;
        for (PersonRecord p : PERSONS) {
            boolean pregnant = !p.ancVisits().isEmpty();
            boolean atAggregate = aggregate.equals(p.person().puskesmas());
            if (pregnant && !atAggregate) {
                assertThat(p.hivRiskRecords()).anyMatch(h -> h.group() == RiskGroup.PREGNANT_WOMAN);
                women++;
            }
            assertThat(p.hivRiskRecords()).noneMatch(h -> h.puskesmas().equals(aggregate));
        }
        assertThat(women).isPositive();
        assertThat(Samples.GENERATOR.monthlyCounts()).hasSize(12).allMatch(m -> m.puskesmas().equals(aggregate));
    }

    /** The rules read the generated records without failing, and attribute only to registered Puskesmas. */
    @Test
    void theEvaluatorReadsEveryPerson() {
        Evaluator evaluator = new Evaluator(RuleSets.PMK_6_2024);
        long[] persons = { 0 };
        Set<String> attributed = new java.util.HashSet<>();
        for (PersonRecord p : PERSONS) {
            evaluator.decideAll(p, Samples.GENERATOR.period(), (person, d) -> attributed.add(d.puskesmas()));
            persons[0]++;
        }
        assertThat(persons[0]).isEqualTo(Samples.SIZE);
        assertThat(PUSKESMAS).containsAll(attributed);
    }
}
