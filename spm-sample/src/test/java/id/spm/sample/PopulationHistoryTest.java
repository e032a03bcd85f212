package id.spm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.Event;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;

/**
 * Issue 11: the demo's years are one population followed over time. Two years of the demo's generator
 * (seed, drift as the demo's defaults): every service's coverage (counted by name plus the monthly
 * counts, over the year's sasaran) is at most 100 % in both years, the persons of the first year go on
 * into the second, and the drift moves some services up and some down.
 */
class PopulationHistoryTest {

    private static final int FIRST = 2024;
    private static final PopulationHistory.Drift DRIFT = new PopulationHistory.Drift(20240601L, 0.15);

    private static final PopulationHistory HISTORY = new PopulationHistory(
            SampleSpec.tanaToraja(20240601L, 20_000, FIRST), DRIFT);
    private static final List<PopulationHistory.Year> YEARS = List.of(HISTORY.next(), HISTORY.next());
    private static final List<PersonRecord> MERGED;
    static {
        MERGED = merge(YEARS);
    }

    /**
     * Each person once, with the events of every year, as the database holds them: a December baby's
     * newborn row, completed the next year, replaces last year's (same row key).
     */
    static List<PersonRecord> merge(List<PopulationHistory.Year> years) {
        Map<String, PersonRecord> person = new LinkedHashMap<>();
        Map<String, List<Event>> events = new LinkedHashMap<>();
        for (PopulationHistory.Year y : years) {
            for (PersonRecord p : y.persons()) {
                person.putIfAbsent(p.person().id(), p);
                List<Event> all = events.computeIfAbsent(p.person().id(), k -> new ArrayList<>());
                if (!p.newborns().isEmpty()) {
                    all.removeIf(e -> e instanceof Newborn);
                }
                all.addAll(p.events());
            }
        }
        return person.values().stream()
                .map(p -> PersonRecord.builder(p.person()).addAll(events.get(p.person().id())).build()).toList();
    }

    @Test
    void everyServiceCoverageIsAtMostHundredPercentInBothYears() {
        StringBuilder table = new StringBuilder();
        List<Runnable> checks = new ArrayList<>();
        for (PopulationHistory.Year y : YEARS) {
            OutcomeTally t = OutcomeTally.of(MERGED, Period.ofYear(y.year()));
            Map<SpmService, Long> monthly = new EnumMap<>(SpmService.class);
            for (MonthlyCount m : y.monthlyCounts()) {
                monthly.merge(m.service(), m.compliant(), Long::sum);
            }
            for (SampleTarget target : y.targets()) {
                SpmService s = target.service();
                long counted = t.count(s, Status.COUNTED) + monthly.getOrDefault(s, 0L);
                double coverage = 100.0 * counted / target.amount();
                table.append(String.format(Locale.ROOT, "%d %-24s %6d / %6d = %5.1f %% (q %.2f, %.1f %% of recipients)%n",
                        y.year(), s, counted, target.amount(), coverage, HISTORY.quality(s, y.year()), t.coverage(s)));
                checks.add(
                        () -> assertThat(coverage).as("%s %d: %d counted of sasaran %d", s, y.year(), counted, target.amount())
                                .isLessThanOrEqualTo(100.0).isGreaterThan(5.0));
            }
        }
        System.out.print(table);
        checks.forEach(Runnable::run);
    }

    @Test
    void personsContinueAcrossYears() {
        Set<String> first = ids(YEARS.get(0));
        Set<String> second = ids(YEARS.get(1));
        Set<String> both = new HashSet<>(first);
        both.retainAll(second);
        // Deaths and moves take about 1 % a year; births and arrivals add about 2 %.
        assertThat((double) both.size() / first.size()).isBetween(0.97, 0.995);
        assertThat(second.size()).isGreaterThan(first.size());
        // A baby of the first year is a balita of the second, under the same key.
        Set<String> babies = YEARS.get(0).persons().stream()
                .filter(p -> p.person().birthDate().getYear() == FIRST && !p.newborns().isEmpty()
                        && p.newborns().get(0).liveBorn())
                .map(p -> p.person().id()).collect(Collectors.toSet());
        assertThat(babies).hasSizeGreaterThan(200);
        long carried = babies.stream().filter(second::contains).count();
        assertThat((double) carried / babies.size()).isGreaterThan(0.95);
        // The population and sasaran rows count each year's persons.
        for (PopulationHistory.Year y : YEARS) {
            long total = y.population().stream().filter(r -> r.regionCode().equals("73.18"))
                    .mapToLong(SamplePopulationRow::total).sum();
            assertThat(total).isEqualTo(y.persons().size());
        }
    }

    @Test
    void eachYearsEventsAreThatYearsOnly() {
        for (PopulationHistory.Year y : YEARS) {
            LocalDate dec31 = LocalDate.of(y.year(), 12, 31);
            LocalDate earliest = LocalDate.of(y.year() - 1, 1, 1);
            for (PersonRecord p : y.persons()) {
                assertThat(p.events()).allSatisfy(e -> assertThat(e.date()).isBeforeOrEqualTo(dec31));
            }
            if (y.year() > FIRST) {
                Set<String> before = ids(YEARS.get(0));
                // A person carried on has nothing of two years back: those windows were last year's.
                for (PersonRecord p : y.persons()) {
                    if (before.contains(p.person().id())) {
                        assertThat(p.events()).allSatisfy(e -> assertThat(e.date()).isAfterOrEqualTo(earliest));
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameYearsAndDriftMovesServicesBothWays() {
        PopulationHistory a = new PopulationHistory(SampleSpec.tanaToraja(3, 1_500, FIRST), DRIFT);
        PopulationHistory b = new PopulationHistory(SampleSpec.tanaToraja(3, 1_500, FIRST), DRIFT);
        for (int i = 0; i < 2; i++) {
            assertThat(a.next().persons()).isEqualTo(b.next().persons());
        }
        List<Double> q = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            q.add(new PopulationHistory(SampleSpec.tanaToraja(3, 10, FIRST), DRIFT).quality(s, FIRST + 1));
        }
        assertThat(q).anyMatch(v -> v > 1.05).anyMatch(v -> v < 0.95);
        assertThat(new PopulationHistory(SampleSpec.tanaToraja(3, 10, FIRST), PopulationHistory.Drift.NONE)
                .quality(SpmService.ANTENATAL, FIRST + 1)).isEqualTo(1.0);
    }

    private static Set<String> ids(PopulationHistory.Year y) {
        return y.persons().stream().map(p -> p.person().id()).collect(Collectors.toSet());
    }
}
