package id.spm.sample;

import static id.spm.sample.Samples.PERSONS;
import static id.spm.sample.Samples.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.rules.AntenatalRule;

/**
 * The generated district run through the rules of PMK-6-2024, for the year and for quarters 1–3: every
 * service has persons counted and persons not counted, with a coverage a real district could report;
 * pending and excluded decisions appear exactly where §9 has them (running pregnancies, babies under
 * 28 days, balita standard 3 before 31 December; abortion, premature delivery and death in pregnancy).
 * A generator that lost a field, shifted a window by a day or left out earlier years' records shows
 * here as a coverage far from its band.
 */
class DistrictOutcomesTest {

    private static final List<Period> PERIODS = List.of(Period.ofYear(YEAR), Period.ofQuarter(YEAR, 1),
            Period.ofQuarter(YEAR, 2), Period.ofQuarter(YEAR, 3));
    private static final Map<Period, OutcomeTally> TALLIES = new ConcurrentHashMap<>();

    /** Services with pending decisions in every period; balita only before 31 December (§9.4). */
    private static final Set<SpmService> PENDING = EnumSet.of(SpmService.ANTENATAL, SpmService.NEWBORN);
    /** Services with excluded decisions (§9.1; service 2 leaves out non-deliveries). */
    private static final Set<SpmService> EXCLUDED = EnumSet.of(SpmService.ANTENATAL, SpmService.DELIVERY);

    private static OutcomeTally tally(Period period) {
        return TALLIES.computeIfAbsent(period, p -> OutcomeTally.of(PERSONS, p));
    }

    /**
     * Loose coverage bands (counted ÷ recipients, %), wide enough for any seed and quarter, narrow
     * enough to catch a systematic generator or rule error. Hypertension and diabetes are judged every
     * month, so their coverage is lowest and falls through the year.
     */
    static Stream<Arguments> bands() {
        Stream<Arguments> rows = Stream.of(
                Arguments.of(SpmService.ANTENATAL, 55, 90),
                Arguments.of(SpmService.DELIVERY, 70, 97),
                Arguments.of(SpmService.NEWBORN, 60, 92),
                Arguments.of(SpmService.BALITA, 55, 90),
                Arguments.of(SpmService.SCHOOL_AGE, 70, 97),
                Arguments.of(SpmService.PRODUCTIVE_AGE, 45, 85),
                Arguments.of(SpmService.ELDERLY, 45, 85),
                Arguments.of(SpmService.HYPERTENSION, 25, 70),
                Arguments.of(SpmService.DIABETES, 20, 70),
                Arguments.of(SpmService.SEVERE_MENTAL_DISORDER, 60, 98),
                Arguments.of(SpmService.TB_PRESUMPTIVE, 60, 97),
                Arguments.of(SpmService.HIV_RISK, 55, 92));
        return rows.flatMap(r -> PERIODS.stream().map(p -> Arguments.of(p, r.get()[0], r.get()[1], r.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}: counted and not counted, coverage in [{2} %, {3} %]")
    @MethodSource("bands")
    void everyServiceHasCountedAndNotCountedWithPlausibleCoverage(Period period, SpmService service, int min,
            int max) {
        OutcomeTally t = tally(period);
        assertThat(t.count(service, Status.COUNTED)).as("%s counted in %s", service, period).isPositive();
        assertThat(t.count(service, Status.NOT_COUNTED)).as("%s not counted in %s", service, period).isPositive();
        assertThat(t.coverage(service)).as("%s coverage in %s", service, period).isBetween((double) min,
                (double) max);
    }

    static Stream<Arguments> periodsAndServices() {
        return PERIODS.stream().flatMap(p -> Stream.of(SpmService.values()).map(s -> Arguments.of(p, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("periodsAndServices")
    void pendingAndExcludedOnlyWhereSection9HasThem(Period period, SpmService service) {
        OutcomeTally t = tally(period);
        boolean pending = PENDING.contains(service) || (service == SpmService.BALITA && !period.isYear());
        if (pending) {
            assertThat(t.count(service, Status.PENDING)).as("%s pending in %s", service, period).isPositive();
        } else {
            assertThat(t.count(service, Status.PENDING)).as("%s pending in %s", service, period).isZero();
        }
        if (EXCLUDED.contains(service)) {
            assertThat(t.count(service, Status.EXCLUDED)).as("%s excluded in %s", service, period).isPositive();
        } else {
            assertThat(t.count(service, Status.EXCLUDED)).as("%s excluded in %s", service, period).isZero();
        }
    }

    /** Each exclusion of §9.1 is present in the year, and a pending pregnancy is a running one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("antenatalCodes")
    void antenatalExclusionsAndPendingHaveTheirReasons(String code) {
        assertThat(tally(Period.ofYear(YEAR)).reasons(SpmService.ANTENATAL)).extracting(Map.Entry::getKey)
                .contains(code);
    }

    static Stream<String> antenatalCodes() {
        return Stream.of(AntenatalRule.EXCLUDED_ABORTION, AntenatalRule.EXCLUDED_PREMATURE,
                AntenatalRule.EXCLUDED_MATERNAL_DEATH, AntenatalRule.PREGNANCY_RUNNING);
    }
}
