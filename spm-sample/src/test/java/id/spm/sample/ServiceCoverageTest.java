package id.spm.sample;

import static id.spm.sample.Samples.DEC_31;
import static id.spm.sample.Samples.JAN_1;
import static id.spm.sample.Samples.YEAR;
import static id.spm.sample.Samples.ageAt;
import static id.spm.sample.Samples.count;
import static id.spm.sample.Samples.inYear;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.SpmService;
import id.spm.rules.internal.Ages;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.SchoolExam;

/**
 * Every service has recipients in the district (by the recipient definitions of §9, read from the
 * records), and each typical shortfall, exclusion and pending case is present.
 */
class ServiceCoverageTest {

    static Stream<Arguments> recipients() {
        return Stream.of(
                Arguments.of(SpmService.ANTENATAL, 150, (Predicate<PersonRecord>) p -> p.pregnancyOutcomes().stream()
                        .anyMatch(o -> inYear(o.date()) && o.outcome().isTermDelivery())),
                Arguments.of(SpmService.DELIVERY, 150, (Predicate<PersonRecord>) p -> p.pregnancyOutcomes().stream()
                        .anyMatch(o -> inYear(o.date()) && o.outcome().isDelivery())),
                Arguments.of(SpmService.NEWBORN, 150, (Predicate<PersonRecord>) p -> p.newborns().stream()
                        .anyMatch(n -> n.liveBorn() && inYear(n.birthDate().plusDays(28)))),
                Arguments.of(SpmService.BALITA, 1_000, (Predicate<PersonRecord>) p -> !p.childServices().isEmpty()
                        && Ages.months(p.person().birthDate(), DEC_31) >= 12
                        && Ages.months(p.person().birthDate(), DEC_31) <= 59),
                Arguments.of(SpmService.SCHOOL_AGE, 2_000, (Predicate<PersonRecord>) p -> p.schoolExams().stream()
                        .anyMatch(e -> e.grade() != null || (ageAt(p, e.date()) >= 7 && ageAt(p, e.date()) <= 15))),
                Arguments.of(SpmService.PRODUCTIVE_AGE, 5_000, (Predicate<PersonRecord>) p -> p.screenings().stream()
                        .anyMatch(s -> inYear(s.date()) && ageAt(p, s.date()) <= 59)),
                Arguments.of(SpmService.ELDERLY, 1_000, (Predicate<PersonRecord>) p -> p.screenings().stream()
                        .anyMatch(s -> inYear(s.date()) && ageAt(p, s.date()) >= 60)),
                Arguments.of(SpmService.HYPERTENSION, 1_000, (Predicate<PersonRecord>) p -> p.ptmVisits().stream()
                        .anyMatch(v -> inYear(v.date()) && v.isHypertension())),
                Arguments.of(SpmService.DIABETES, 100, (Predicate<PersonRecord>) p -> p.ptmVisits().stream()
                        .anyMatch(v -> inYear(v.date()) && v.isDiabetes())),
                Arguments.of(SpmService.SEVERE_MENTAL_DISORDER, 20, (Predicate<PersonRecord>) p -> p.mentalHealthVisits()
                        .stream().anyMatch(v -> inYear(v.date()))),
                Arguments.of(SpmService.TB_PRESUMPTIVE, 80, (Predicate<PersonRecord>) p -> p.tbPresumptions().stream()
                        .anyMatch(t -> inYear(t.presumedDate()))),
                Arguments.of(SpmService.HIV_RISK, 300, (Predicate<PersonRecord>) p -> p.hivRiskRecords().stream()
                        .anyMatch(h -> inYear(h.recordedDate()))));
    }

    @ParameterizedTest(name = "{0}: at least {1} recipients")
    @MethodSource("recipients")
    void everyServiceHasRecipients(SpmService service, int atLeast, Predicate<PersonRecord> recipient) {
        assertThat(count(recipient)).as(service.title()).isGreaterThanOrEqualTo(atLeast);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Service 1: each unmet part of K6 and 10T (§9.1), the exclusions, and the pending.
                row("ANC: no visit in trimester 1", p -> delivered(p) && p.ancVisits().stream().noneMatch(v -> week(p, v) <= 12)
                        && !p.ancVisits().isEmpty()),
                row("ANC: one visit in trimester 2", p -> delivered(p) && p.ancVisits().stream()
                        .filter(v -> week(p, v) >= 13 && week(p, v) <= 24).count() == 1),
                row("ANC: two visits in trimester 3", p -> delivered(p) && p.ancVisits().stream()
                        .filter(v -> week(p, v) >= 25).count() == 2),
                row("ANC: no doctor with USG in trimester 1", p -> delivered(p) && !p.ancVisits().isEmpty()
                        && p.ancVisits().stream().noneMatch(v -> week(p, v) <= 12 && v.usg() && v.examiner().isDoctor())),
                row("ANC: no doctor with USG in trimester 3", p -> delivered(p) && p.ancVisits().size() >= 5
                        && p.ancVisits().stream().noneMatch(v -> week(p, v) >= 25 && v.usg() && v.examiner().isDoctor())),
                row("ANC: 10T not recorded", p -> delivered(p) && !p.ancVisits().isEmpty()
                        && p.ancVisits().stream().noneMatch(AncVisit::tenTRecorded)),
                row("ANC: a 10T item never recorded",
                        p -> delivered(p) && p.ancVisits().stream().allMatch(AncVisit::tenTRecorded)
                                && !p.ancVisits().isEmpty() && p.ancVisits().stream().flatMap(v -> v.tenT().stream())
                                        .collect(Collectors.toSet()).size() < 10),
                row("ANC: delivery without any visit", p -> delivered(p) && p.ancVisits().isEmpty()),
                row("ANC: pregnancy started the year before", p -> delivered(p) && outcome(p).hpht().getYear() == YEAR - 1),
                row("excluded: abortion", p -> hasOutcome(p, PregnancyOutcomeKind.ABORTION)),
                row("excluded: premature delivery", p -> hasOutcome(p, PregnancyOutcomeKind.PREMATURE)),
                row("excluded: death in pregnancy", p -> hasOutcome(p, PregnancyOutcomeKind.MATERNAL_DEATH_IN_PREGNANCY)),
                row("pending: pregnancy running at year end", p -> !p.ancVisits().isEmpty() && p.pregnancyOutcomes().isEmpty()),
                // Service 2 (§9.2).
                row("delivery at home", p -> delivered(p) && outcome(p).place() == DeliveryPlace.HOME),
                row("delivery by a single midwife in a facility", p -> delivered(p) && outcome(p).place().isFacility()
                        && outcome(p).doctors() == 0 && outcome(p).midwives() == 1 && outcome(p).nurses() == 0),
                row("delivery by a doctor and two nurses", p -> delivered(p) && outcome(p).doctors() >= 1
                        && outcome(p).midwives() == 0 && outcome(p).nurses() == 2),
                row("limited access: two health workers, no doctor", p -> delivered(p) && outcome(p).limitedAccess()
                        && !outcome(p).complication() && outcome(p).doctors() == 0 && outcome(p).place().isFacility()),
                row("complicated delivery without a doctor", p -> delivered(p) && outcome(p).complication()
                        && outcome(p).doctors() == 0 && outcome(p).place().isFacility()),
                // Service 3 (§9.3).
                row("newborn: KN1 after 48 hours", p -> newborn(p, n -> n.kn1DateTime() != null && n.birthDateTime() != null
                        && ChronoUnit.MINUTES.between(n.birthDateTime(), n.kn1DateTime()) > 48 * 60)),
                row("newborn: KN1 before 6 hours", p -> newborn(p, n -> n.kn1DateTime() != null && n.birthDateTime() != null
                        && ChronoUnit.MINUTES.between(n.birthDateTime(), n.kn1DateTime()) < 6 * 60)),
                row("newborn: times not recorded", p -> newborn(p, n -> n.kn1Date() != null && n.birthTime() == null)),
                row("newborn: an essential-care item missing", p -> newborn(p, n -> n.liveBorn()
                        && !n.essentialCare().containsAll(EnumSet.allOf(EssentialCare.class)))),
                row("newborn: no KN3",
                        p -> newborn(p, n -> n.liveBorn() && n.kn3() == null && inYear(n.birthDate().plusDays(28)))),
                row("newborn: still birth", p -> newborn(p, n -> !n.liveBorn())),
                row("pending: born after 3 December", p -> newborn(p, n -> n.birthDate().isAfter(LocalDate.of(YEAR, 12, 3)))),
                row("newborn: born last December, judged this year", p -> newborn(p,
                        n -> n.birthDate().getYear() == YEAR - 1 && inYear(n.birthDate().plusDays(28)))),
                // Service 4 (§9.4).
                row("balita 36–59 months weighed fewer than 8 times", p -> balita(p, 36, 59) && p.childServices().stream()
                        .filter(c -> c.type() == ChildServiceType.WEIGHING && inYear(c.date())).count() < 8),
                row("balita 12–23 months without MR1", p -> balita(p, 12, 23) && p.childServices().stream()
                        .noneMatch(c -> "MR1".equals(c.antigen()))),
                row("balita 24–35 months without red vitamin A twice in the window", p -> balita(p, 24, 35) && p.childServices()
                        .stream().filter(c -> c.type() == ChildServiceType.VITAMIN_A_RED
                                && Ages.months(p.person().birthDate(), c.date()) < 24)
                        .count() < 2),
                // Service 5 (§9.5).
                row("school: hearing not examined", p -> !p.schoolExams().isEmpty() && p.schoolExams().stream()
                        .allMatch(e -> e.hearing() == null)),
                row("school: grade 1 without both MR and DT", p -> p.schoolExams().stream().anyMatch(e -> Integer.valueOf(1)
                        .equals(e.grade())) && !bias(p).containsAll(Set.of(BiasAntigen.MR, BiasAntigen.DT))),
                row("school: outside school", p -> p.schoolExams().stream().anyMatch(e -> !e.place().isSchool())),
                // Services 6 and 7 (§9.6, §9.7).
                row("productive: waist not measured", p -> screenedAged(p, 15, 59) && p.screenings().stream()
                        .allMatch(s -> s.waistCm() == null)),
                row("productive: glucose due (≥ 40) but not measured", p -> screenedAged(p, 40, 59)
                        && p.screenings().stream().allMatch(s -> s.bloodGlucose() == null)),
                row("elderly: cholesterol not measured", p -> screenedAged(p, 60, 120) && p.screenings().stream()
                        .allMatch(s -> s.cholesterol() == null)),
                // Services 8 and 9 (§9.8, §9.9).
                row("hypertension: a month missed", p -> missedMonth(p, true)),
                row("hypertension: diagnosed before the year", p -> p.ptmVisits().stream()
                        .anyMatch(v -> v.isHypertension() && v.date().isBefore(JAN_1))),
                row("hypertension: systolic > 140 without drug therapy", p -> p.ptmVisits().stream()
                        .anyMatch(PtmVisit::isHypertension)
                        && p.ptmVisits().stream().noneMatch(v -> Boolean.TRUE.equals(v.drugTherapy()))),
                row("diabetes: a month missed", p -> missedMonth(p, false)),
                // Services 10–12 (§9.10–§9.12).
                row("ODGJ: no education", p -> !p.mentalHealthVisits().isEmpty() && p.mentalHealthVisits().stream()
                        .filter(v -> inYear(v.date())).noneMatch(v -> Boolean.TRUE.equals(v.education()))),
                row("TB: presumed but not examined", p -> !p.tbPresumptions().isEmpty() && p.tbPresumptions().stream()
                        .allMatch(t -> t.examDate() == null)),
                row("TB: radiology after a negative TCM", p -> p.tbPresumptions().size() == 2),
                row("HIV: at risk, no R1 test", p -> !p.hivRiskRecords().isEmpty() && p.hivRiskRecords().stream()
                        .noneMatch(h -> h.testType() == HivTestType.R1)),
                row("attribution: a record at another Puskesmas", p -> p.screenings().stream().anyMatch(s -> !s.puskesmas()
                        .equals(p.person().puskesmas()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTypicalCaseIsPresent(String name, Predicate<PersonRecord> present) {
        assertThat(count(present)).as(name).isPositive();
    }

    private static Arguments row(String name, Predicate<PersonRecord> p) {
        return Arguments.of(name, p);
    }

    private static PregnancyOutcome outcome(PersonRecord p) {
        return p.pregnancyOutcomes().get(0);
    }

    private static boolean delivered(PersonRecord p) {
        return p.pregnancyOutcomes().stream().anyMatch(o -> o.outcome() == PregnancyOutcomeKind.LIVE_BIRTH && inYear(o.date()));
    }

    private static boolean hasOutcome(PersonRecord p, PregnancyOutcomeKind kind) {
        return p.pregnancyOutcomes().stream().anyMatch(o -> o.outcome() == kind && inYear(o.date()));
    }

    private static long week(PersonRecord p, AncVisit v) {
        return ChronoUnit.DAYS.between(outcome(p).hpht(), v.date()) / 7;
    }

    private static boolean newborn(PersonRecord p, Predicate<Newborn> n) {
        return p.newborns().stream().anyMatch(n);
    }

    private static boolean balita(PersonRecord p, int from, int to) {
        int m = Ages.months(p.person().birthDate(), DEC_31);
        return !p.childServices().isEmpty() && m >= from && m <= to;
    }

    private static Set<BiasAntigen> bias(PersonRecord p) {
        return p.schoolExams().stream().map(SchoolExam::bias).filter(b -> b != null).collect(Collectors.toSet());
    }

    private static boolean screenedAged(PersonRecord p, int from, int to) {
        return p.screenings().stream().anyMatch(s -> inYear(s.date()) && ageAt(p, s.date()) >= from
                && ageAt(p, s.date()) <= to);
    }

    /** A calendar month between the first required month and December without a visit. */
    private static boolean missedMonth(PersonRecord p, boolean hypertension) {
        List<PtmVisit> visits = p.ptmVisits().stream().filter(v -> hypertension ? v.isHypertension() : v.isDiabetes())
                .toList();
        if (visits.stream().noneMatch(v -> inYear(v.date()))) {
            return false;
        }
        boolean before = visits.stream().anyMatch(v -> v.date().isBefore(JAN_1));
        int first = before ? 1
                : visits.stream().filter(v -> inYear(v.date())).mapToInt(v -> v.date().getMonthValue()).min().orElse(1);
        Map<Integer, Long> months = visits.stream().filter(v -> inYear(v.date()))
                .collect(Collectors.groupingBy(v -> v.date().getMonthValue(), Collectors.counting()));
        for (int m = first; m <= 12; m++) {
            if (!months.containsKey(m)) {
                return true;
            }
        }
        return false;
    }
}
