package id.spm.api.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.error.ApiException;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.Comparison;
import id.spm.api.model.Comparison.ServiceComparison;
import id.spm.api.model.DecisionDto.ReasonDto;
import id.spm.api.model.ServiceCatalog.ParameterDto;
import id.spm.api.model.Trends;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSets;
import id.spm.rules.compare.Change;
import id.spm.rules.compare.Direction;
import id.spm.rules.compare.Figures;
import id.spm.rules.compare.YearComparison;

/**
 * Figures over time (issue 11): year over year and quarterly trends. Every figure is read from
 * {@link AchievementService#report} of its period, the one computation; the direction is spm-rules'
 * ({@link YearComparison}).
 */
@ApplicationScoped
public class ComparisonService {

    /** Trends span at most this many years: each quarter is a computation of the unit. */
    public static final int MAX_TREND_YEARS = 6;

    private final AchievementService achievements;

    public ComparisonService(AchievementService achievements) {
        this.achievements = achievements;
    }

    /** Each service of an area (already authorised) in two periods, with the change and its direction. */
    public Comparison compare(String area, Period current, Period base, BigDecimal tolerance) {
        if (current.equals(base)) {
            throw ApiException.badRequest("SAME_PERIOD", "year and baseYear name the same period " + base.label() + ".");
        }
        requireRuleSet(current);
        requireRuleSet(base);
        YearComparison cmp;
        try {
            cmp = new YearComparison(tolerance);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_TOLERANCE", e.getMessage());
        }
        AchievementReport now = achievements.report(area, current);
        AchievementReport before = achievements.report(area, base);
        List<ServiceComparison> services = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (ServiceAchievement s : now.services()) {
            ServiceAchievement b = service(before, s.serviceCode());
            Figures fb = figures(before, b);
            Figures fc = figures(now, s);
            Change c = cmp.compare(fb, fc);
            changes.add(c);
            services.add(new ServiceComparison(s.serviceCode(), s.service(), s.name(), dto(before, b, fb),
                    dto(now, s, fc), c.direction().name(), c.basis().name(), c.numeratorChange(), c.sasaranChange(),
                    c.penerimaChange(), c.qualityChange(), c.indexChange(), reasons(c.notComparable()),
                    reasons(c.notes())));
        }
        Map<Direction, Integer> counts = YearComparison.counts(changes);
        Comparison.Sector sector = new Comparison.Sector(before.sectorIndex(), now.sectorIndex(),
                now.sectorIndex() == null || before.sectorIndex() == null ? null
                        : now.sectorIndex().subtract(before.sectorIndex()),
                before.sectorCategory(), now.sectorCategory());
        return new Comparison(now.area(), now.areaName(), now.level(), now.period(), before.period(), tolerance,
                counts.get(Direction.IMPROVED), counts.get(Direction.DECLINED), counts.get(Direction.UNCHANGED),
                counts.get(Direction.NOT_COMPARABLE), sector, services);
    }

    /** Each service's cumulative quarters from Q1 of {@code fromYear} to Q4 of {@code toYear}. */
    public Trends trends(String area, int fromYear, int toYear) {
        if (toYear < fromYear) {
            throw ApiException.badRequest("INVALID_YEAR_RANGE", "toYear " + toYear + " is before fromYear " + fromYear + ".");
        }
        if (toYear - fromYear + 1 > MAX_TREND_YEARS) {
            throw ApiException.badRequest("YEAR_RANGE_TOO_WIDE",
                    "A trend spans at most " + MAX_TREND_YEARS + " years; ask for fewer.");
        }
        List<String> periods = new ArrayList<>();
        List<Trends.Point> sector = new ArrayList<>();
        Map<String, List<Trends.Point>> points = new LinkedHashMap<>();
        Map<String, ServiceAchievement> names = new LinkedHashMap<>();
        String areaName = null;
        for (int y = fromYear; y <= toYear; y++) {
            for (int q = 1; q <= 4; q++) {
                Period p = Period.ofQuarter(y, q);
                if (RuleSets.forPeriod(p).isEmpty()) {
                    continue;
                }
                AchievementReport r = achievements.report(area, p);
                areaName = r.areaName();
                periods.add(r.period());
                sector.add(new Trends.Point(r.period(), y, q, null, null, null, null, null, r.sectorIndex(),
                        r.sectorCategory()));
                for (ServiceAchievement s : r.services()) {
                    names.putIfAbsent(s.serviceCode(), s);
                    points.computeIfAbsent(s.serviceCode(), k -> new ArrayList<>())
                            .add(new Trends.Point(r.period(), y, q, s.numerator(), s.denominator().amount(),
                                    s.coveragePercent(), s.penerimaPercent(), s.qualityPercent(), s.index(),
                                    s.category()));
                }
            }
        }
        if (periods.isEmpty()) {
            throw ApiException.badRequest("NO_RULE_SET", "No rule set covers " + fromYear + "–" + toYear + ".");
        }
        List<Trends.Series> series = new ArrayList<>();
        names.forEach((code, s) -> series.add(new Trends.Series(code, s.service(), s.name(), points.get(code))));
        return new Trends(area, areaName, fromYear, toYear, periods, sector, series);
    }

    private static void requireRuleSet(Period p) {
        if (RuleSets.forPeriod(p).isEmpty()) {
            throw ApiException.badRequest("NO_RULE_SET", "No rule set covers " + p.label() + ".");
        }
    }

    private static ServiceAchievement service(AchievementReport r, String code) {
        for (ServiceAchievement s : r.services()) {
            if (s.serviceCode().equals(code)) {
                return s;
            }
        }
        throw new IllegalStateException("no service " + code + " in the report of " + r.period());
    }

    /** What a report's service figures were computed under, for the rules' comparison. */
    static Figures figures(AchievementReport r, ServiceAchievement s) {
        Map<String, String> params = new LinkedHashMap<>();
        RuleSets.byId(r.ruleSet()).ifPresent(rs -> {
            for (Parameter p : rs.parameters()) {
                params.put(p.name(), p.value());
            }
        });
        // The report's own index parameters are what its figures were computed with.
        String scheme = "";
        if (r.parameters() != null) {
            for (ParameterDto p : r.parameters()) {
                params.put(p.name(), p.value());
            }
        }
        String categories = params.remove("index.categories");
        scheme = categories == null ? scheme : categories;
        AchievementReport.DenominatorDto d = s.denominator();
        return new Figures(r.ruleSet(), params, scheme, s.numerator(), d.amount(),
                d.sources() == null ? java.util.Set.of() : d.sources(), d.method(), s.penerimaPercent(),
                s.qualityPercent(), s.index(), s.category());
    }

    private static Comparison.Figures dto(AchievementReport r, ServiceAchievement s, Figures f) {
        return new Comparison.Figures(r.period(), r.ruleSet(), f.categoryScheme(), s.numerator(), s.denominator().amount(),
                new TreeSet<>(f.sasaranSources()), s.coveragePercent(), s.penerimaPercent(), s.qualityPercent(),
                s.index(), s.category());
    }

    static List<ReasonDto> reasons(List<Reason> rs) {
        return rs.stream().map(r -> new ReasonDto(r.code(), r.message(), r.clause())).toList();
    }
}
