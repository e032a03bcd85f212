package id.spm.api.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

import id.spm.api.model.ImportJob;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.ImportMerger.DistrictYear;
import id.spm.api.repository.RegistryQueries;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.count.CountAccumulator;
import id.spm.rules.count.Counts;
import id.spm.rules.model.PuskesmasInfo;

/**
 * The consequences a dry run shows: the numerators of the affected Puskesmas and their district for
 * the years the file touches, computed with spm-rules ({@link CountAccumulator}, as the achievement
 * service does) on the import's own connection, once before and once after the merge, inside the
 * transaction that is then rolled back.
 */
final class ImpactPreview {

    private final FactRepository facts;
    private final int lookbackYears;

    ImpactPreview(FactRepository facts, int lookbackYears) {
        this.facts = facts;
        this.lookbackYears = lookbackYears;
    }

    /** Numerators by district-year, area and service. */
    record Snapshot(Map<DistrictYear, Map<String, long[]>> numerators, Map<String, String> levels) {
    }

    /**
     * @param areas the Puskesmas whose numerators are reported (those of the file), besides the district
     */
    Snapshot snapshot(Connection c, SortedSet<DistrictYear> districtYears, Set<String> areas) throws SQLException {
        Map<DistrictYear, Map<String, long[]>> out = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        for (DistrictYear dy : districtYears) {
            Period period = Period.ofYear(dy.year());
            Optional<RuleSet> ruleSet = RuleSets.forPeriod(period);
            List<PuskesmasInfo> registered = puskesmas(c, dy.kabkota());
            if (ruleSet.isEmpty() || registered.isEmpty()) {
                continue;
            }
            AreaHierarchy hierarchy = AreaHierarchy.of(registered);
            CountAccumulator acc = new CountAccumulator(new Evaluator(ruleSet.get()), period);
            facts.persons(c, dy.kabkota(), dy.year() - lookbackYears, dy.year(), acc::add);
            facts.monthlyCounts(c, dy.kabkota(), dy.year()).forEach(acc::addMonthlyCount);
            Counts counts = acc.result(hierarchy);
            Map<String, long[]> byArea = new LinkedHashMap<>();
            List<String> wanted = new ArrayList<>();
            wanted.add(dy.kabkota());
            areas.stream().filter(hierarchy::contains).sorted().forEach(wanted::add);
            for (String area : wanted) {
                if (!hierarchy.contains(area)) {
                    continue;
                }
                long[] n = new long[SpmService.values().length];
                for (SpmService s : SpmService.values()) {
                    n[s.ordinal()] = counts.area(area, s).numerator();
                }
                byArea.put(area, n);
                levels.put(area, hierarchy.level(area).name());
            }
            out.put(dy, byArea);
        }
        return new Snapshot(out, levels);
    }

    /** Before against after, one row per area, year and service. */
    static List<ImportJob.Impact> compare(Snapshot before, Snapshot after) {
        List<ImportJob.Impact> out = new ArrayList<>();
        Set<DistrictYear> keys = new java.util.TreeSet<>(before.numerators().keySet());
        keys.addAll(after.numerators().keySet());
        for (DistrictYear dy : keys) {
            Map<String, long[]> b = before.numerators().getOrDefault(dy, Map.of());
            Map<String, long[]> a = after.numerators().getOrDefault(dy, Map.of());
            Set<String> areas = new java.util.LinkedHashSet<>(b.keySet());
            areas.addAll(a.keySet());
            for (String area : areas) {
                long[] nb = b.get(area);
                long[] na = a.get(area);
                String level = after.levels().getOrDefault(area, before.levels().get(area));
                for (SpmService s : SpmService.values()) {
                    long vb = nb == null ? 0 : nb[s.ordinal()];
                    long va = na == null ? 0 : na[s.ordinal()];
                    out.add(new ImportJob.Impact(area, level, dy.year(), s.code(), s.name(), vb, va));
                }
            }
        }
        return out;
    }

    private static List<PuskesmasInfo> puskesmas(Connection c, String kabkota) throws SQLException {
        return RegistryQueries.puskesmasOf(c, kabkota);
    }
}
