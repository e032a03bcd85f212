package id.spm.api.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.config.SpmConfig;
import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.error.ApiException;
import id.spm.api.mapping.AchievementMapper;
import id.spm.api.model.AchievementReport;
import id.spm.api.repository.AchievementResultRepository;
import id.spm.api.repository.AchievementResultRepository.AreaResult;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.repository.StoredReport;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.area.AreaLevel;
import id.spm.rules.count.AreaCount;
import id.spm.rules.count.CountAccumulator;
import id.spm.rules.count.Counts;
import id.spm.rules.index.Ipspm;
import id.spm.rules.index.SpmReport;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.MutuCalculator;
import id.spm.rules.target.TargetResolver;

/**
 * Achievements computed from stored facts with spm-rules (no rule logic here or in SQL): a district's
 * (or province's) persons and events are rebuilt into {@code PersonRecord}s, evaluated and counted by
 * {@link CountAccumulator}, combined with sasaran, mutu and the index by {@link SpmReport}, and the
 * result of every area is cached in {@code achievement_result} with the data version it was computed
 * from. A request whose version differs recomputes; otherwise it is one primary-key read.
 */
@ApplicationScoped
public class AchievementService {

    private static final Logger LOG = Logger.getLogger(AchievementService.class);

    private final AchievementResultRepository results;
    private final DataVersionRepository versions;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final FactRepository facts;
    private final FactInputs inputs;
    private final ObjectMapper mapper;
    private final SpmConfig config;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** In front of achievement_result: the last report read per area and period, with its version. */
    private final Map<String, Versioned> memory = new ConcurrentHashMap<>();
    /** The rule-set part of a basis, per rule set id, with the rule set it was made of. */
    private final Map<String, Map.Entry<RuleSet, String>> ruleSetBases = new ConcurrentHashMap<>();
    /** Units of districts and kecamatan (see {@link #unitOf}). */
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    /** Persons per batch handed to a worker. */
    static final int BATCH = 2_000;
    private final int threads;
    private final java.util.concurrent.ExecutorService workers;

    private record Versioned(long version, AchievementReport report, java.util.concurrent.atomic.AtomicReference<byte[]> json) {

        Versioned(long version, AchievementReport report) {
            this(version, report, new java.util.concurrent.atomic.AtomicReference<>());
        }
    }

    /** The key of an area's report of a unit and period in {@link #memory}. */
    private static String memoryKey(Unit unit, Period period, String area) {
        return unit.code() + "|" + period.label() + "|" + area;
    }

    /** A remembered report's JSON, serialised once (per report and data version). */
    private byte[] json(Versioned hit) {
        byte[] json = hit.json().get();
        if (json == null) {
            json = serialise(hit.report());
            hit.json().set(json);
        }
        return json;
    }

    public AchievementService(AchievementResultRepository results, DataVersionRepository versions,
            PuskesmasRepository registry, RegionRepository regions, FactRepository facts, FactInputs inputs,
            ObjectMapper mapper, SpmConfig config) {
        this.results = results;
        this.versions = versions;
        this.registry = registry;
        this.regions = regions;
        this.facts = facts;
        this.inputs = inputs;
        this.mapper = mapper;
        this.config = config;
        int configured = config.compute().threads();
        this.threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
        // Workers run pure code only (decoding, the rules, reasons' JSON): no request context, no transaction.
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spm-compute-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The unit a computation covers: one district, or a whole province (its districts together). */
    public record Unit(String code, List<String> districts) {

        /** Whether the unit is one district (its own code): the unit of a district, kecamatan or Puskesmas. */
        public boolean isDistrict() {
            return districts.size() == 1 && code.equals(districts.get(0));
        }
    }

    /** The achievements of an area (already authorised) for a period; computes when stale. */
    public AchievementReport report(String area, Period period) {
        Unit unit = unitOf(area);
        long version = version(unit, period.year());
        Optional<AchievementReport> r = cached(unit, period, area, version);
        if (r.isPresent()) {
            return r.get();
        }
        synchronized (lock(unit, period.year())) {
            version = version(unit, period.year());
            r = cached(unit, period, area, version);
            // Another instance may store a newer version meanwhile: then read (or compute) that one.
            for (int attempt = 0; r.isEmpty() && attempt < 3; attempt++) {
                // The year's other stale periods come from the same read of the events (issue 13).
                if (computeStale(unit, period, version)) {
                    r = cached(unit, period, area, version);
                    break;
                }
                version = version(unit, period.year());
                r = cached(unit, period, area, version);
            }
            if (r.isEmpty()) {
                // Another instance kept storing newer versions (imports committing meanwhile): answer from its rows,
                // newer than the version read here, when it has stored this area (issue 13's fast readers made this
                // race visible in TwoInstancesIT).
                r = stored(unit, period, area, version, true);
            }
            if (r.isEmpty()) {
                // Imports kept committing newer versions while each computation ran, and other instances stored
                // them first (TwoInstancesIT answered 404 here): answer the version read last, computed, not stored.
                long read = version;
                r = RuleSets.forPeriod(period).map(rs -> evaluate(unit, period, rs, read, null))
                        .map(c -> c.reports().get(area));
            }
        }
        return r.orElseThrow(() -> ApiException.notFound("NO_PUSKESMAS_IN_AREA",
                "Area " + area + " holds no registered Puskesmas, so SPM figures have no place to come from."));
    }

    /**
     * Computes a district's year and its four quarters when their cached rows are stale (background, after
     * an import), all from one read of the events; returns how many periods were computed.
     */
    @ActivateRequestContext
    public int precompute(String kabkota, int year) {
        Unit unit = unitOf(kabkota);
        synchronized (lock(unit, year)) {
            long version = version(unit, year);
            List<Period> stale = stalePeriods(unit, year, version, null);
            if (!stale.isEmpty()) {
                computeAll(unit, stale, version);
            }
            return stale.size();
        }
    }

    /** One computation at a time per unit and year (its periods are computed together). */
    private Object lock(Unit unit, int year) {
        return locks.computeIfAbsent(unit.code() + "/" + year, k -> new Object());
    }

    /** The periods of the year with a rule set whose rows are not stored at this version; {@code must} first. */
    private List<Period> stalePeriods(Unit unit, int year, long version, Period must) {
        Set<Integer> stored = results.storedQuarters(unit.code(), year, version,
                q -> edition(q == 0 ? Period.ofYear(year) : Period.ofQuarter(year, q)));
        List<Period> out = new ArrayList<>();
        if (must != null) {
            out.add(must);
        }
        for (int q = 0; q <= 4; q++) {
            Period p = q == 0 ? Period.ofYear(year) : Period.ofQuarter(year, q);
            if (!p.equals(must) && !stored.contains(q) && RuleSets.forPeriod(p).isPresent()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Computes {@code period} and the year's other stale periods; whether {@code period}'s rows were stored. */
    private boolean computeStale(Unit unit, Period period, long version) {
        return computeAll(unit, stalePeriods(unit, period.year(), version, period), version).get(period);
    }

    /**
     * The computation unit of an area: its district, or the province itself. A kecamatan's or district's unit
     * depends on the Kemendagri list only (loaded once, never shrinking), so it is remembered.
     */
    public Unit unitOf(String area) {
        Unit known = units.get(area);
        if (known != null) {
            return known;
        }
        Unit unit = findUnit(area);
        if (!AreaCodeParam.isPuskesmas(area) && AreaCodeParam.level(area) >= 2) {
            units.put(area, unit);
        }
        return unit;
    }

    /** The remembered unit of a district or kecamatan ({@link #unitOf}), or null; never reads the database. */
    public Unit knownUnit(String area) {
        return units.get(area);
    }

    /**
     * The JSON of an area's report at this data version when the report is in this instance's memory (serialised now
     * if it was not yet), else null; never reads the database (issue 13: an answer from memory).
     */
    public byte[] jsonInMemory(Unit unit, Period period, String area, long version) {
        Versioned hit = memory.get(memoryKey(unit, period, area));
        return hit == null || hit.version() != version ? null : json(hit);
    }

    private Unit findUnit(String area) {
        if (AreaCodeParam.isPuskesmas(area)) {
            Puskesmas p = registry.find(area).orElse(null);
            if (p == null) {
                throw ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + area + ".");
            }
            return new Unit(p.kabkotaCode, List.of(p.kabkotaCode));
        }
        if (area.equals(AreaCodeParam.NATIONAL)) {
            throw ApiException.badRequest("AREA_TOO_WIDE", "Ask for a province, district, kecamatan or Puskesmas.");
        }
        Region region = regions.find(area).orElse(null);
        if (region == null || region.level > 3) {
            throw ApiException.notFound("REGION_NOT_FOUND",
                    "No Kemendagri province, district or kecamatan " + area + ".");
        }
        if (region.level == 1) {
            return new Unit(area, registry.districtsWithPuskesmas(area));
        }
        String kabkota = AreaCodeParam.kabkota(area);
        return new Unit(kabkota, List.of(kabkota));
    }

    /**
     * What a report of the area and period is computed from, without computing it: the unit, its districts
     * with their window data versions, and the rule set in force with every parameter. Equal bases give equal
     * reports (the basis of the {@code ETag} of achievements and submissions).
     */
    public String basis(Unit unit, String area, Period period) {
        return basisOf(unit, area, period).text();
    }

    /** {@link #basis} and the unit's data version ({@link #version}) it contains, from one read of the versions. */
    public record Basis(String text, long version) {
    }

    /** See {@link #basis}. */
    public Basis basisOf(Unit unit, String area, Period period) {
        return basisOf(unit, area, period, null);
    }

    /**
     * See {@link #basis}, with the window version of a district unit already read by the caller (when
     * {@code districtVersion} is not null).
     */
    public Basis basisOf(Unit unit, String area, Period period, Long districtVersion) {
        long version = 0;
        StringBuilder b = new StringBuilder("area=").append(area).append("|unit=").append(unit.code()).append("|period=")
                .append(period.label());
        for (String d : unit.districts()) {
            long v = districtVersion != null && unit.isDistrict() ? districtVersion
                    : versions.windowVersion(d, period.year(), config.compute().lookbackYears());
            version += v;
            b.append('|').append(d).append('=').append(v);
        }
        // The rule sets are constants: their parameters are rendered and digested once (issue 13: rendered and
        // hashed per request, they cost most of a cached GET).
        RuleSets.forPeriod(period).ifPresent(rs -> b.append(ruleSetBasis(rs)));
        return new Basis(b.toString(), version);
    }

    /**
     * The edition of a period's cached rows: the stored report's format ({@link StoredReport#FORMAT}) and the period's
     * rule set with the digest of its parameters. A stored row of another edition is recomputed, even at the current
     * data version (issue 10: rows cached before the gap in persons existed were served without it).
     */
    String edition(Period period) {
        return "format=" + StoredReport.FORMAT + RuleSets.forPeriod(period).map(this::ruleSetBasis).orElse("");
    }

    /**
     * {@code |ruleSet=<id>#<128 bits of the SHA-256 of its parameters>}: equal for equal parameters, a few bytes instead of the
     * rendered parameters; computed once per rule set ({@link RuleSets}' constants, compared by identity).
     */
    private String ruleSetBasis(RuleSet rs) {
        Map.Entry<RuleSet, String> known = ruleSetBases.get(rs.id());
        if (known != null && known.getKey() == rs) {
            return known.getValue();
        }
        String basis = "|ruleSet=" + rs.id() + "#" + EntityTags.of(String.valueOf(rs.parameters()));
        ruleSetBases.put(rs.id(), Map.entry(rs, basis));
        return basis;
    }

    /**
     * The report of an area at a data version the caller has just read ({@link #basisOf}): from memory or the
     * stored row without reading the version again; else as {@link #report(String, Period)}.
     */
    public AchievementReport report(String area, Period period, Unit unit, long version) {
        return cached(unit, period, area, version).orElseGet(() -> report(area, period));
    }

    /**
     * The JSON of a report this service handed out (issue 13's cached GET): serialised once per cached report and
     * data version, by the application's mapper, as the REST layer would; any other report is serialised now.
     */
    public byte[] json(Unit unit, Period period, String area, AchievementReport report) {
        Versioned hit = memory.get(memoryKey(unit, period, area));
        return hit != null && hit.report() == report ? json(hit) : serialise(report);
    }

    private byte[] serialise(AchievementReport report) {
        try {
            return mapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an achievement report always serialises", e);
        }
    }

    /** The configured lookback: years of events before the report year a computation reads. */
    public int lookbackYears() {
        return config.compute().lookbackYears();
    }

    /** Sum of the window versions of the unit's districts: changes whenever any of their inputs does. */
    public long version(Unit unit, int year) {
        long v = 0;
        for (String d : unit.districts()) {
            v += versions.windowVersion(d, year, config.compute().lookbackYears());
        }
        return v;
    }

    private Optional<AchievementReport> cached(Unit unit, Period period, String area, long version) {
        Versioned hit = memory.get(memoryKey(unit, period, area));
        if (hit != null && hit.version() == version) {
            return Optional.of(hit.report());
        }
        return stored(unit, period, area, version, false);
    }

    /**
     * The area's stored report of this edition computed from exactly this data version or, with {@code orNewer}, from a
     * newer one another instance stored meanwhile; remembered at the version it was computed from.
     */
    private Optional<AchievementReport> stored(Unit unit, Period period, String area, long version, boolean orNewer) {
        return results.findAtLeast(unit.code(), period.year(), period.quarter(), area, version, edition(period))
                .filter(row -> orNewer || row.version() == version).map(row -> {
                    AchievementReport r = StoredReport.read(mapper, row.result().json())
                            .withComputedAt(row.result().computedAt());
                    memory.put(memoryKey(unit, period, area), new Versioned(row.version(), r));
                    return r;
                });
    }

    /**
     * Computes every area of the unit and replaces its cached rows (and, for a district, its decisions);
     * false when rows of a newer version were stored meanwhile (they are kept).
     */
    boolean compute(Unit unit, Period period, long version) {
        return computeAll(unit, List.of(period), version).get(period);
    }

    /**
     * Computes periods of one year of the unit from one read of its events (issue 13) and replaces each period's
     * cached rows (and, for a district, its decisions); per period, false when rows of a newer version were stored
     * meanwhile (they are kept).
     */
    Map<Period, Boolean> computeAll(Unit unit, List<Period> periods, long version) {
        long started = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        boolean district = unit.isDistrict();
        for (Period period : periods) {
            RuleSet ruleSet = RuleSets.forPeriod(period).orElseThrow(
                    () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
            // Who is not counted and why, for the analysts' list (counted persons are not stored).
            runs.add(new Run(period, ruleSet, district));
        }
        Map<Period, Pass> passes = pass(unit, runs, version, null);
        long passed = System.nanoTime();
        Map<Period, Boolean> out = new java.util.LinkedHashMap<>();
        periods.forEach(p -> out.put(p, false));
        if (passes == null) {
            periods.forEach(p -> out.put(p, true));
            return out;
        }
        // The periods' stores are independent (a transaction and an advisory lock each): on the workers, in parallel.
        List<java.util.concurrent.Future<String>> stores = new ArrayList<>();
        for (Run run : runs) {
            stores.add(workers.submit(() -> {
                long t = System.nanoTime();
                Period period = run.period();
                Pass pass = passes.get(period);
                List<AreaResult> rows = new ArrayList<>();
                pass.computed().reports()
                        .forEach((area, r) -> rows.add(new AreaResult(area, StoredReport.write(mapper, r))));
                boolean stored = results.store(unit.code(), period.year(), period.quarter(), version,
                        run.ruleSet().id(), edition(period), rows, district ? pass.decisions() : null);
                // Rows were replaced (also when a Puskesmas registration emptied them at the same version).
                memory.keySet().removeIf(k -> k.startsWith(memoryKey(unit, period, "")));
                synchronized (out) {
                    out.put(period, stored);
                }
                return period.label() + " " + (System.nanoTime() - t) / 1_000_000 + " ms"
                        + (stored ? "" : " (not stored: a newer version was)");
            }));
        }
        StringBuilder timings = new StringBuilder();
        for (var f : stores) {
            timings.append(timings.length() == 0 ? "" : ", ").append(join(f));
        }
        LOG.infof("Computed %s %s: %d persons, data version %d, one read and the rules in %d ms; stored %s", unit.code(),
                periods.stream().map(Period::label).toList(), passes.values().iterator().next().computed().persons(),
                version, (passed - started) / 1_000_000, timings);
        return out;
    }

    /** The reports of every area of a unit, top down, and how many persons they were computed from. */
    public record Computed(Map<String, AchievementReport> reports, int persons) {
    }

    /**
     * Every area's report of a unit and period under a rule set, computed from the stored facts with spm-rules;
     * stores nothing. The one computation: {@link #report} stores what this returns under the rule set in force;
     * a what-if calls it with other parameters. Each person also goes to {@code each} (when not null), after it
     * was counted, in person order on the calling thread. Null when the unit holds no registered Puskesmas.
     */
    public Computed evaluate(Unit unit, Period period, RuleSet ruleSet, long version,
            java.util.function.Consumer<id.spm.rules.model.PersonRecord> each) {
        Map<Period, Pass> passes = pass(unit, List.of(new Run(period, ruleSet, false)), version, each);
        return passes == null ? null : passes.get(period).computed();
    }

    /**
     * {@link #evaluate} of several periods of one year in one pass (for a district with its decisions gathered, as
     * {@link #computeAll} does), stores nothing: what the parallel pass gives, for tests against {@link #evaluate}.
     */
    Map<Period, Computed> evaluateAll(Unit unit, List<Period> periods, long version) {
        List<Run> runs = periods.stream()
                .map(p -> new Run(p, RuleSets.forPeriod(p).orElseThrow(), unit.isDistrict())).toList();
        Map<Period, Pass> passes = pass(unit, runs, version, null);
        Map<Period, Computed> out = new java.util.LinkedHashMap<>();
        passes.forEach((p, pass) -> out.put(p, pass.computed()));
        return out;
    }

    /** One period of a pass: its rule set, and whether its not-counted decisions are kept (a district's). */
    private record Run(Period period, RuleSet ruleSet, boolean decisions) {
    }

    /** What a pass gives a period: every area's report, and the decisions kept. */
    private record Pass(Computed computed, AchievementResultRepository.Decisions decisions) {
    }

    /** What one batch of persons gives each run (in the runs' order). */
    private record BatchResult(CountAccumulator[] counts, AchievementResultRepository.Decisions[] decisions) {
    }

    /**
     * The computation (issue 13): one read of the unit's events of years Y − lookback … Y, in batches of persons
     * decoded and evaluated for every run on the worker threads (the rules are pure; each batch has its own
     * accumulators), while this thread reads on; the batches are merged in person order, so every count,
     * assumption example and decision row is what one thread would have given. With {@code each}, all on this
     * thread. Then per run: monthly counts, sasaran, mutu and the index, every area's report.
     */
    private Map<Period, Pass> pass(Unit unit, List<Run> runs, long version,
            java.util.function.Consumer<id.spm.rules.model.PersonRecord> each) {
        List<PuskesmasInfo> registered = inputs.puskesmas(unit.districts());
        if (registered.isEmpty()) {
            return null;
        }
        AreaHierarchy hierarchy = AreaHierarchy.of(registered);
        boolean district = unit.isDistrict();
        int year = runs.get(0).period().year();
        int n = runs.size();
        CountAccumulator[] totals = new CountAccumulator[n];
        AchievementResultRepository.Decisions[] decisions = new AchievementResultRepository.Decisions[n];
        for (int k = 0; k < n; k++) {
            totals[k] = new CountAccumulator(new Evaluator(runs.get(k).ruleSet()), runs.get(k).period());
            decisions[k] = runs.get(k).decisions() ? new AchievementResultRepository.Decisions() : null;
        }
        int[] persons = { 0 };
        java.util.function.Consumer<BatchResult> merge = b -> {
            for (int k = 0; k < n; k++) {
                totals[k].merge(b.counts()[k]);
                if (decisions[k] != null) {
                    decisions[k].append(b.decisions()[k]);
                }
            }
        };
        boolean parallel = each == null && threads > 1;
        java.util.ArrayDeque<java.util.concurrent.Future<BatchResult>> inFlight = new java.util.ArrayDeque<>();
        try {
            for (String d : unit.districts()) {
                facts.storedPersons(d, year - config.compute().lookbackYears(), year, BATCH, batch -> {
                    persons[0] += batch.size();
                    if (!parallel) {
                        merge.accept(batch(unit, runs, version, batch, each));
                        return;
                    }
                    inFlight.add(workers.submit(() -> batch(unit, runs, version, batch, null)));
                    // Bounded: at most a few batches wait; merge finished ones in order.
                    while (inFlight.size() > 2 * threads || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                        merge.accept(join(inFlight.poll()));
                    }
                });
                while (!inFlight.isEmpty()) {
                    merge.accept(join(inFlight.poll()));
                }
                // Monthly counts after the district's persons, as one thread adds them (import order).
                for (var m : facts.monthlyCounts(d, year)) {
                    for (CountAccumulator acc : totals) {
                        acc.addMonthlyCount(m);
                    }
                }
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
        List<id.spm.rules.target.Target> targetRows = inputs.targets(unit.districts(), year);
        List<id.spm.rules.target.Population> populationRows = inputs.population(unit.districts(), year);
        List<id.spm.rules.quality.MutuRow> mutuRows = inputs.mutu(unit.districts(), year);
        Map<String, String> names = inputs.names(hierarchy);
        Map<Period, Pass> out = new java.util.LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            Run run = runs.get(k);
            Counts counts = totals[k].result(hierarchy);
            TargetResolver targets = new TargetResolver(hierarchy, targetRows, populationRows);
            MutuCalculator mutu = new MutuCalculator(hierarchy, mutuRows, run.ruleSet().index().mutuAveraging());
            SpmReport report = new SpmReport(counts, targets, mutu, new Ipspm(run.ruleSet()));
            Map<String, AchievementReport> reports = new java.util.LinkedHashMap<>();
            for (String area : hierarchy.topDown()) {
                if (district && hierarchy.level(area) == AreaLevel.PROVINCE) {
                    continue;
                }
                AreaCount[] areaCounts = new AreaCount[SpmService.values().length];
                for (SpmService s : SpmService.values()) {
                    areaCounts[s.ordinal()] = counts.area(area, s);
                }
                reports.put(area, AchievementMapper.report(report.sector(area), Map.of(area, areaCounts), hierarchy,
                        names, version, run.period()));
            }
            out.put(run.period(), new Pass(new Computed(reports, persons[0]), decisions[k]));
        }
        return out;
    }

    /** Persons decoded and evaluated for every run into accumulators of their own. */
    private BatchResult batch(Unit unit, List<Run> runs, long version, List<FactRepository.StoredPerson> batch,
            java.util.function.Consumer<id.spm.rules.model.PersonRecord> each) {
        int n = runs.size();
        CountAccumulator[] counts = new CountAccumulator[n];
        AchievementResultRepository.Decisions[] decisions = new AchievementResultRepository.Decisions[n];
        Evaluator.DecisionSink[] sinks = new Evaluator.DecisionSink[n];
        // Many decisions share their reasons (the same rule, the same shortfall): their JSON is written once a batch.
        Map<List<id.spm.rules.Reason>, String> reasonsJson = new java.util.HashMap<>();
        for (int k = 0; k < n; k++) {
            Run run = runs.get(k);
            counts[k] = new CountAccumulator(new Evaluator(run.ruleSet()), run.period());
            if (run.decisions()) {
                AchievementResultRepository.Decisions into = new AchievementResultRepository.Decisions();
                decisions[k] = into;
                sinks[k] = (person, dec) -> {
                    if (dec.status() != Status.COUNTED) {
                        appendDecision(into, unit.code(), run.period(), dec, person.id(), version, reasonsJson);
                    }
                };
            }
        }
        for (FactRepository.StoredPerson stored : batch) {
            id.spm.rules.model.PersonRecord p = stored.decode();
            for (int k = 0; k < n; k++) {
                if (sinks[k] == null) {
                    counts[k].add(p);
                } else {
                    counts[k].add(p, sinks[k]);
                }
            }
            if (each != null) {
                each.accept(p);
            }
        }
        return new BatchResult(counts, decisions);
    }

    private static <T> T join(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("computation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("computation failed", e.getCause());
        }
    }

    private void appendDecision(AchievementResultRepository.Decisions out, String kabkota, Period period,
            Decision d, String personKey, long version, Map<List<id.spm.rules.Reason>, String> reasonsJson) {
        String reasons = reasonsJson.get(d.reasons());
        if (reasons == null) {
            try {
                reasons = mapper.writeValueAsString(d.reasons());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            reasonsJson.put(new ArrayList<>(d.reasons()), reasons);
        }
        out.add(kabkota, period.year(), period.quarter(), d.service().code(), d.puskesmas(), personKey, d.subject(),
                d.status().name(), reasons, version);
    }

    /** Puskesmas of an area (for the persons list): itself, or those registered below it. */
    public Set<String> puskesmasUnder(String area) {
        if (AreaCodeParam.isPuskesmas(area)) {
            return Set.of(area);
        }
        Set<String> out = new HashSet<>();
        for (Puskesmas p : registry.under(area)) {
            out.add(p.code);
        }
        return out;
    }
}
