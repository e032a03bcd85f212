package id.spm.rules.count;

import static id.spm.rules.AggregateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.Event;
import id.spm.rules.model.Examiner;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.SchoolPlace;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

class CountAccumulatorTest {

    private static final Evaluator EVALUATOR = new Evaluator(RuleSets.PMK_6_2024);
    private static final Period Q1 = Period.ofQuarter(2025, 1);
    private static final Period YEAR = Period.ofYear(2025);
    private static final SpmService HT = SpmService.HYPERTENSION;
    private static final Reason WHY = new Reason("HT_MONTHS", "1 month without a visit", "PMK-6-2024 §9.8");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static PersonRecord personWith(Event... events) {
        return PersonRecord.builder(person("p")).addAll(List.of(events)).build();
    }

    private static SchoolExam school(LocalDate date, String pkm) {
        return new SchoolExam(date, pkm, null, SchoolPlace.SCHOOL, 1, "Normal", null, null, null, null, null, null,
                null);
    }

    static Stream<Arguments> presence() {
        return Stream.of(
                Arguments.of("a PTM visit in the period makes services 8 and 9 by-name", YEAR,
                        personWith(ptm(d("2025-02-10"), P01A)),
                        Map.of(SpmService.HYPERTENSION, Set.of(P01A), SpmService.DIABETES, Set.of(P01A))),
                Arguments.of("a visit after E is ignored", Q1, personWith(ptm(d("2025-04-01"), P01A)), Map.of()),
                Arguments.of("a visit before 1 January is ignored", YEAR,
                        personWith(new AncVisit(d("2024-12-31"), P01A, null, "K1", Examiner.MIDWIFE, false, null)),
                        Map.of()),
                Arguments.of("ANC on 1 January counts for service 1 only", YEAR,
                        personWith(new AncVisit(d("2025-01-01"), P01B, null, "K1", Examiner.MIDWIFE, false, null)),
                        Map.of(SpmService.ANTENATAL, Set.of(P01B))),
                Arguments.of("school age: June of the previous year is in the school year", YEAR,
                        personWith(school(d("2024-06-01"), P02A)), Map.of(SpmService.SCHOOL_AGE, Set.of(P02A))),
                Arguments.of("school age: June of the report year is not", YEAR,
                        personWith(school(d("2025-06-01"), P02A)), Map.of()),
                Arguments.of("school age: May before E in quarter 1 is not (window ends at E)", Q1,
                        personWith(school(d("2025-05-02"), P02A)), Map.of()),
                Arguments.of("HIV: recorded before, tested in the period", YEAR,
                        personWith(new HivRiskRecord(d("2024-11-01"), P05A, RiskGroup.PRISONER, d("2025-03-01"),
                                HivTestType.R1, null)),
                        Map.of(SpmService.HIV_RISK, Set.of(P05A))),
                Arguments.of("TB: presumed in the period at two Puskesmas", YEAR,
                        personWith(new TbPresumption(d("2025-03-01"), P01B, null, null, null),
                                new TbPresumption(d("2025-03-05"), P01A, d("2025-03-06"), TbExamType.TCM, null)),
                        Map.of(SpmService.TB_PRESUMPTIVE, Set.of(P01A, P01B))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presence")
    void byNamePresenceFollowsTheServiceLayoutsAndWindow(String name, Period period, PersonRecord person,
            Map<SpmService, Set<String>> expected) {
        assertThat(ByNamePresence.of(person, period)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SpmService.class)
    void everyServiceHasItsLayouts(SpmService s) {
        assertThat(ByNameLayout.of(s)).isNotEmpty();
    }

    /** P01A: by-name (visit in Feb) and monthly counts; P01B: monthly only; P02A: nothing. */
    private static CountAccumulator mixed(Period period) {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, period);
        acc.markByName(HT, P01A);
        for (int i = 0; i < 3; i++) {
            acc.addDecision(new Decision.Counted(HT, "", P01A, List.of()));
        }
        acc.addDecision(new Decision.NotCounted(HT, "", P01A, List.of(WHY), List.of()));
        acc.addDecision(new Decision.Pending(HT, "", P01A, d("2025-12-31"), WHY, List.of()));
        for (int m = 1; m <= 4; m++) {
            acc.addMonthlyCount(new MonthlyCount(P01A, 2025, m, HT, 10, 2L));
            acc.addMonthlyCount(new MonthlyCount(P01B, 2025, m, HT, 5, null));
        }
        acc.addMonthlyCount(new MonthlyCount(P01B, 2024, 12, HT, 1000, null));
        return acc;
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                // period, puskesmas, source, numerator, monthly counts in the window
                Arguments.of(Q1, P01A, NumeratorSource.BY_NAME, 3L, 3),
                Arguments.of(YEAR, P01A, NumeratorSource.BY_NAME, 3L, 4),
                Arguments.of(Q1, P01B, NumeratorSource.AGGREGATE, 15L, 3),
                Arguments.of(YEAR, P01B, NumeratorSource.AGGREGATE, 20L, 4),
                Arguments.of(YEAR, P02A, NumeratorSource.NONE, 0L, 0));
    }

    @ParameterizedTest(name = "{0} {1}: {2} {3}")
    @MethodSource("sources")
    void byNameAndAggregateAreNeverAdded(Period period, String pkm, NumeratorSource source, long numerator,
            int months) {
        Counts counts = mixed(period).result(HIERARCHY);
        PuskesmasCount c = counts.puskesmas(pkm, HT);
        assertThat(c.source()).isEqualTo(source);
        assertThat(c.numerator()).isEqualTo(numerator);
        assertThat(c.aggregateMonths()).isEqualTo(months);
        assertThat(c.explanation()).isNotBlank();
        // The kecamatan adds each Puskesmas once, from one source: 3 by-name + P01B's aggregate.
        assertThat(counts.area(KEC_01, HT).numerator()).isEqualTo(3 + (period.isYear() ? 20 : 15));
    }

    @Test
    void byNameTallyAndAggregateFiguresAreBothReported() {
        PuskesmasCount a = mixed(YEAR).result(HIERARCHY).puskesmas(P01A, HT);
        assertThat(a.byName()).isEqualTo(new Tally(3, 1, 1, 0));
        assertThat(a.aggregateCompliant()).isEqualTo(40);
        assertThat(a.aggregateNonCompliant()).isEqualTo(8);
        assertThat(a.explanation()).contains("4 monthly count(s) not added");
        PuskesmasCount b = mixed(YEAR).result(HIERARCHY).puskesmas(P01B, HT);
        assertThat(b.aggregateNonCompliant()).isNull();
        assertThat(b.byName()).isEqualTo(Tally.ZERO);
    }

    @Test
    void personsStreamThroughTheEvaluator() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, Q1);
        // Monthly hypertension care in January–March at P01A: counted by the service 8 rule.
        acc.add(personWith(ptm(d("2025-01-10"), P01A), ptm(d("2025-02-10"), P01A), ptm(d("2025-03-10"), P01A)));
        // Only January and March: not counted.
        acc.add(PersonRecord.builder(person("q")).add(ptm(d("2025-01-12"), P01B)).add(ptm(d("2025-03-12"), P01B))
                .build());
        acc.addMonthlyCount(new MonthlyCount(P01A, 2025, 1, HT, 50, null));
        Counts counts = acc.result(HIERARCHY);
        assertThat(counts.puskesmas(P01A, HT).byName()).isEqualTo(new Tally(1, 0, 0, 0));
        assertThat(counts.puskesmas(P01B, HT).byName()).isEqualTo(new Tally(0, 1, 0, 0));
        assertThat(counts.puskesmas(P01A, HT).source()).isEqualTo(NumeratorSource.BY_NAME);
        // A PTM record makes the diabetes numerator by-name too: 0 diabetics, not the monthly counts.
        assertThat(counts.puskesmas(P01A, SpmService.DIABETES).source()).isEqualTo(NumeratorSource.BY_NAME);
        assertThat(counts.area(KEC_01, HT).numerator()).isEqualTo(1);
        assertThat(counts.area(KEC_01, HT).byName()).isEqualTo(new Tally(1, 1, 0, 0));
    }

    @Test
    void aLaterMonthlyCountForTheSameMonthReplacesTheEarlier() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, Q1);
        acc.addMonthlyCount(new MonthlyCount(P02A, 2025, 1, HT, 7, null));
        acc.addMonthlyCount(new MonthlyCount(P02A, 2025, 1, HT, 9, null));
        assertThat(acc.result(HIERARCHY).puskesmas(P02A, HT).numerator()).isEqualTo(9);
    }

    @Test
    void decisionsAttributedWithoutARecordInTheWindowAreShownButNotUsed() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, YEAR);
        acc.addDecision(new Decision.Counted(SpmService.NEWBORN, "", P02B, List.of()));
        acc.addMonthlyCount(new MonthlyCount(P02B, 2025, 1, SpmService.NEWBORN, 4, null));
        PuskesmasCount c = acc.result(HIERARCHY).puskesmas(P02B, SpmService.NEWBORN);
        assertThat(c.source()).isEqualTo(NumeratorSource.AGGREGATE);
        assertThat(c.numerator()).isEqualTo(4);
        assertThat(c.explanation()).contains("not used");
    }

    static Stream<Arguments> schoolMonths() {
        return Stream.of(
                // period, expected: Jun 2024 (5) + May 2025 (3); May 2024 (7) and Jun 2025 (11) outside
                Arguments.of(YEAR, 8L),
                Arguments.of(Period.ofQuarter(2025, 2), 8L),
                Arguments.of(Q1, 5L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schoolMonths")
    void schoolAgeAggregateSumsTheSchoolYearMonths(Period period, long expected) {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, period);
        SpmService s = SpmService.SCHOOL_AGE;
        acc.addMonthlyCount(new MonthlyCount(P01A, 2024, 5, s, 7, null));
        acc.addMonthlyCount(new MonthlyCount(P01A, 2024, 6, s, 5, null));
        acc.addMonthlyCount(new MonthlyCount(P01A, 2025, 5, s, 3, null));
        acc.addMonthlyCount(new MonthlyCount(P01A, 2025, 6, s, 11, null));
        assertThat(acc.result(HIERARCHY).puskesmas(P01A, s).numerator()).isEqualTo(expected);
    }

    /** A spread of by-name and aggregate data over every Puskesmas and a few services. */
    private static CountAccumulator spread() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, YEAR);
        String[] pkm = { P01A, P01B, P02A, P02B, P05A };
        for (int i = 0; i < pkm.length; i++) {
            if (i % 2 == 0) {
                acc.markByName(HT, pkm[i]).markByName(SpmService.DIABETES, pkm[i]);
                for (int k = 0; k <= i; k++) {
                    acc.addDecision(new Decision.Counted(HT, "", pkm[i], List.of()));
                    acc.addDecision(new Decision.Counted(SpmService.DIABETES, "", pkm[i], List.of()));
                }
            }
            acc.addMonthlyCount(new MonthlyCount(pkm[i], 2025, 1 + i, HT, 10L * (i + 1), null));
            acc.addMonthlyCount(new MonthlyCount(pkm[i], 2025, 2, SpmService.HIV_RISK, 100L + i, null));
        }
        return acc;
    }

    @ParameterizedTest
    @EnumSource(value = SpmService.class, names = { "HYPERTENSION", "DIABETES", "HIV_RISK", "ELDERLY" })
    void rollUpEqualsTheSumOfChildren(SpmService s) {
        Counts counts = spread().result(HIERARCHY);
        for (String area : HIERARCHY.topDown()) {
            List<String> kids = HIERARCHY.children(area);
            long expected = kids.isEmpty() ? counts.puskesmas(area, s).numerator()
                    : kids.stream().mapToLong(k -> counts.area(k, s).numerator()).sum();
            assertThat(counts.area(area, s).numerator()).as(area).isEqualTo(expected);
        }
    }

    @Test
    void rollUpOfTheSpreadByHand() {
        Counts counts = spread().result(HIERARCHY);
        // HT: P01A by-name 1, P01B aggregate 20, P02A by-name 3, P02B aggregate 40, P05A by-name 5.
        assertThat(counts.area(DISTRICT, HT).numerator()).isEqualTo(1 + 20 + 3 + 40);
        assertThat(counts.area(PROVINCE, HT).numerator()).isEqualTo(69);
        assertThat(counts.area(PROVINCE, HT).sources()).containsEntry(P01B, NumeratorSource.AGGREGATE)
                .containsEntry(P05A, NumeratorSource.BY_NAME);
        assertThat(counts.area(PROVINCE, SpmService.HIV_RISK).numerator()).isEqualTo(510);
        assertThat(counts.area(PROVINCE, HT).byName()).isEqualTo(new Tally(9, 0, 0, 0));
    }

    @Test
    void mergingAccumulatorsEqualsOneAccumulator() {
        CountAccumulator a = mixed(YEAR);
        CountAccumulator b = spread();
        Counts merged = mixed(YEAR).merge(spread()).result(HIERARCHY);
        for (SpmService s : SpmService.values()) {
            long separate = a.result(HIERARCHY).area(PROVINCE, s).byName().counted()
                    + b.result(HIERARCHY).area(PROVINCE, s).byName().counted();
            assertThat(merged.area(PROVINCE, s).byName().counted()).as(s.name()).isEqualTo(separate);
        }
    }

    @Test
    void assumptionsOfDecisionsAreCountedPerArea() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, YEAR);
        acc.markByName(SpmService.NEWBORN, P01A).markByName(SpmService.NEWBORN, P02A);
        Assumption byDay = new Assumption("KN1_BY_DAY", "KN1 judged by day: no time recorded");
        acc.addDecision(new Decision.Counted(SpmService.NEWBORN, "", P01A, List.of(byDay)));
        acc.addDecision(new Decision.Counted(SpmService.NEWBORN, "", P02A, List.of(byDay)));
        acc.addDecision(new Decision.Counted(SpmService.NEWBORN, "", P02A, List.of()));
        AreaCount c = acc.result(HIERARCHY).area(DISTRICT, SpmService.NEWBORN);
        assertThat(c.numerator()).isEqualTo(3);
        assertThat(c.assumptions()).containsExactly(new AssumptionUse("KN1_BY_DAY", byDay.message(), 2));
    }

    @Test
    void puskesmasWithDataOutsideTheHierarchyAreListed() {
        CountAccumulator acc = new CountAccumulator(EVALUATOR, YEAR);
        acc.addMonthlyCount(new MonthlyCount("P9999999999", 2025, 1, HT, 3, null));
        Counts counts = acc.result(HIERARCHY);
        assertThat(counts.unregistered()).containsExactly("P9999999999");
        assertThat(counts.area(PROVINCE, HT).numerator()).isZero();
    }
}
