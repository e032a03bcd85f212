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

    private record Versioned(long version, AchievementReport report) {
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
    }

    /** The unit a computation covers: one district, or a whole province (its districts together). */
    public record Unit(String code, List<String> districts) {
    }

    /** The achievements of an area (already authorised) for a period; computes when stale. */
    public AchievementReport report(String area, Period period) {
        Unit unit = unitOf(area);
        long version = version(unit, period.year());
        Optional<AchievementReport> r = cached(unit, period, area, version);
        if (r.isPresent()) {
            return r.get();
        }
        synchronized (locks.computeIfAbsent(unit.code() + "/" + period.label(), k -> new Object())) {
            version = version(unit, period.year());
            r = cached(unit, period, area, version);
            // Another instance may store a newer version meanwhile: then read (or compute) that one.
            for (int attempt = 0; r.isEmpty() && attempt < 3; attempt++) {
                if (compute(unit, period, version)) {
                    r = cached(unit, period, area, version);
                    break;
                }
                version = version(unit, period.year());
                r = cached(unit, period, area, version);
            }
        }
        return r.orElseThrow(() -> ApiException.notFound("NO_PUSKESMAS_IN_AREA",
                "Area " + area + " holds no registered Puskesmas, so SPM figures have no place to come from."));
    }

    /**
     * Computes a district's year and its four quarters when their cached rows are stale (background, after
     * an import); returns how many periods were computed.
     */
    @ActivateRequestContext
    public int precompute(String kabkota, int year) {
        Unit unit = unitOf(kabkota);
        int computed = 0;
        for (int q = 0; q <= 4; q++) {
            Period period = q == 0 ? Period.ofYear(year) : Period.ofQuarter(year, q);
            if (RuleSets.forPeriod(period).isEmpty()) {
                continue;
            }
            synchronized (locks.computeIfAbsent(unit.code() + "/" + period.label(), k -> new Object())) {
                long version = version(unit, year);
                if (cached(unit, period, kabkota, version).isEmpty()) {
                    compute(unit, period, version);
                    computed++;
                }
            }
        }
        return computed;
    }

    /** The computation unit of an area: its district, or the province itself. */
    public Unit unitOf(String area) {
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
        StringBuilder b = new StringBuilder("area=").append(area).append("|unit=").append(unit.code()).append("|period=")
                .append(period.label());
        for (String d : unit.districts()) {
            b.append('|').append(d).append('=')
                    .append(versions.windowVersion(d, period.year(), config.compute().lookbackYears()));
        }
        RuleSets.forPeriod(period).ifPresent(rs -> b.append("|ruleSet=").append(rs.id()).append(rs.parameters()));
        return b.toString();
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
        String key = unit.code() + "|" + period.label() + "|" + area;
        Versioned hit = memory.get(key);
        if (hit != null && hit.version() == version) {
            return Optional.of(hit.report());
        }
        Optional<AchievementReport> stored = stored(unit, period, area, version);
        stored.ifPresent(r -> memory.put(key, new Versioned(version, r)));
        return stored;
    }

    private Optional<AchievementReport> stored(Unit unit, Period period, String area, long version) {
        Optional<AchievementResultRepository.StoredResult> row = results.find(unit.code(), period.year(),
                period.quarter(), area, version);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StoredReport.read(mapper, row.get().json()).withComputedAt(row.get().computedAt()));
    }

    /**
     * Computes every area of the unit and replaces its cached rows (and, for a district, its decisions);
     * false when rows of a newer version were stored meanwhile (they are kept).
     */
    boolean compute(Unit unit, Period period, long version) {
        long started = System.nanoTime();
        RuleSet ruleSet = RuleSets.forPeriod(period).orElseThrow(
                () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
        boolean district = unit.districts().size() == 1 && unit.code().equals(unit.districts().get(0));
        AchievementResultRepository.Decisions decisions = new AchievementResultRepository.Decisions();
        Evaluator evaluator = new Evaluator(ruleSet);
        // Who is not counted and why, for the analysts' list (counted persons are not stored).
        Computed computed = evaluate(unit, period, ruleSet, version, !district ? null
                : p -> evaluator.decideAll(p, period, (person, dec) -> {
                    if (dec.status() != Status.COUNTED) {
                        appendDecision(decisions, unit.code(), period, dec, person.id(), version);
                    }
                }));
        if (computed == null) {
            return true;
        }
        List<AreaResult> rows = new ArrayList<>();
        computed.reports().forEach((area, r) -> rows.add(new AreaResult(area, StoredReport.write(mapper, r))));
        boolean stored = results.store(unit.code(), period.year(), period.quarter(), version, ruleSet.id(), rows,
                district ? decisions : null);
        // Rows were replaced (also when a Puskesmas registration emptied them at the same version).
        memory.keySet().removeIf(k -> k.startsWith(unit.code() + "|" + period.label() + "|"));
        LOG.infof("Computed %s %s: %d persons, %d areas, data version %d, in %d ms%s", unit.code(), period.label(),
                computed.persons(), rows.size(), version, (System.nanoTime() - started) / 1_000_000,
                stored ? "" : " (not stored: a newer version was)");
        return stored;
    }

    /** The reports of every area of a unit, top down, and how many persons they were computed from. */
    public record Computed(Map<String, AchievementReport> reports, int persons) {
    }

    /**
     * Every area's report of a unit and period under a rule set, computed from the stored facts with spm-rules;
     * stores nothing. The one computation: {@link #report} stores what this returns under the rule set in force;
     * a what-if calls it with other parameters. Each person also goes to {@code each} (when not null), after it
     * was counted. Null when the unit holds no registered Puskesmas.
     */
    public Computed evaluate(Unit unit, Period period, RuleSet ruleSet, long version,
            java.util.function.Consumer<id.spm.rules.model.PersonRecord> each) {
        List<PuskesmasInfo> registered = inputs.puskesmas(unit.districts());
        if (registered.isEmpty()) {
            return null;
        }
        AreaHierarchy hierarchy = AreaHierarchy.of(registered);
        Evaluator evaluator = new Evaluator(ruleSet);
        CountAccumulator acc = new CountAccumulator(evaluator, period);
        boolean district = unit.districts().size() == 1 && unit.code().equals(unit.districts().get(0));
        int year = period.year();
        int[] persons = { 0 };
        for (String d : unit.districts()) {
            facts.persons(d, year - config.compute().lookbackYears(), year, p -> {
                persons[0]++;
                acc.add(p);
                if (each != null) {
                    each.accept(p);
                }
            });
            facts.monthlyCounts(d, year).forEach(acc::addMonthlyCount);
        }
        Counts counts = acc.result(hierarchy);
        TargetResolver targets = new TargetResolver(hierarchy, inputs.targets(unit.districts(), year),
                inputs.population(unit.districts(), year));
        MutuCalculator mutu = new MutuCalculator(hierarchy, inputs.mutu(unit.districts(), year),
                ruleSet.index().mutuAveraging());
        SpmReport report = new SpmReport(counts, targets, mutu, new Ipspm(ruleSet));

        Map<String, String> names = inputs.names(hierarchy);
        Map<String, AchievementReport> out = new java.util.LinkedHashMap<>();
        for (String area : hierarchy.topDown()) {
            if (district && hierarchy.level(area) == AreaLevel.PROVINCE) {
                continue;
            }
            AreaCount[] areaCounts = new AreaCount[SpmService.values().length];
            for (SpmService s : SpmService.values()) {
                areaCounts[s.ordinal()] = counts.area(area, s);
            }
            out.put(area, AchievementMapper.report(report.sector(area), Map.of(area, areaCounts), hierarchy, names,
                    version, period));
        }
        return new Computed(out, persons[0]);
    }

    private void appendDecision(AchievementResultRepository.Decisions out, String kabkota, Period period,
            Decision d, String personKey, long version) {
        String reasons;
        try {
            reasons = mapper.writeValueAsString(d.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
