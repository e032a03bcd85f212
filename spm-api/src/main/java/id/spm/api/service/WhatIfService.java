package id.spm.api.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.error.LocatedApiException;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.Comparison;
import id.spm.api.model.WhatIfRequest;
import id.spm.api.model.WhatIfResult;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.Evaluator;
import id.spm.rules.ParameterOverrides;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;

/**
 * What-if (issue 11): an area's figures under other rule-set parameters beside the current ones, computed by
 * {@link AchievementService#evaluate} (the one computation) without storing anything, and the persons whose
 * decision changes, with both decisions' reasons.
 */
@ApplicationScoped
public class WhatIfService {

    /** Changed persons listed when the request does not say. */
    public static final int DEFAULT_PERSON_LIMIT = 500;

    private final AchievementService achievements;
    private final CallerScope scope;

    public WhatIfService(AchievementService achievements, CallerScope scope) {
        this.achievements = achievements;
        this.scope = scope;
    }

    public WhatIfResult run(WhatIfRequest in) {
        String area = AreaCodeParam.normalize(in.area());
        AreaAccess.require(scope, area);
        Period period = in.quarter() == null ? Period.ofYear(in.year()) : Period.ofQuarter(in.year(), in.quarter());
        RuleSet current = RuleSets.forPeriod(period).orElseThrow(
                () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
        RuleSet alt = overridden(current, in.overrides());
        AchievementService.Unit unit = achievements.unitOf(area);
        AchievementReport now = achievements.report(area, period);
        Set<String> puskesmas = achievements.puskesmasUnder(area);
        boolean wholeDistrict = !AreaCodeParam.isPuskesmas(area) && AreaCodeParam.level(area) <= 2;
        PersonDiff diff = new PersonDiff(in.personLimit() == null ? DEFAULT_PERSON_LIMIT : in.personLimit(),
                p -> p == null ? wholeDistrict : puskesmas.contains(p));
        Evaluator before = new Evaluator(current);
        Evaluator after = new Evaluator(alt);
        AchievementService.Computed computed = achievements.evaluate(unit, period, alt, now.dataVersion(), p -> {
            List<PersonDiff.Side> a = new ArrayList<>();
            List<PersonDiff.Side> b = new ArrayList<>();
            before.decideAll(p, period, (x, d) -> a.add(PersonDiff.side(d)));
            after.decideAll(p, period, (x, d) -> b.add(PersonDiff.side(d)));
            diff.person(p.person().id(), a, b);
        });
        AchievementReport then = computed.reports().get(area);
        List<WhatIfResult.ParameterChange> changes = new ArrayList<>();
        for (Map.Entry<String, String[]> e : ParameterOverrides.differences(current, alt).entrySet()) {
            changes.add(new WhatIfResult.ParameterChange(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        String scheme = alt.index().categories().id();
        String currentScheme = current.index().categories().id();
        List<WhatIfResult.ServiceFigures> services = new ArrayList<>();
        for (ServiceAchievement s : now.services()) {
            ServiceAchievement w = then.services().stream().filter(x -> x.serviceCode().equals(s.serviceCode()))
                    .findFirst().orElseThrow();
            services.add(new WhatIfResult.ServiceFigures(s.serviceCode(), s.service(),
                    figures(now, s, currentScheme), figures(then, w, scheme), w.numerator() - s.numerator(),
                    w.index() == null || s.index() == null ? null : w.index().subtract(s.index())));
        }
        return new WhatIfResult(area, period.label(), current.id(), changes, now.sectorIndex(), then.sectorIndex(),
                now.sectorCategory(), then.sectorCategory(), services, diff.total(), diff.truncated(), diff.changes());
    }

    /** The rule set with the overrides; a bad one is a 400 naming it. */
    static RuleSet overridden(RuleSet current, Map<String, String> overrides) {
        try {
            return ParameterOverrides.apply(current, overrides);
        } catch (ParameterOverrides.InvalidOverride e) {
            throw LocatedApiException.badRequest("INVALID_OVERRIDE", "overrides." + e.parameter(), e.getMessage());
        }
    }

    static Comparison.Figures figures(AchievementReport r, ServiceAchievement s, String scheme) {
        return new Comparison.Figures(r.period(), r.ruleSet(), scheme, s.numerator(), s.denominator().amount(),
                s.denominator().sources() == null ? Set.of() : new java.util.TreeSet<>(s.denominator().sources()),
                s.coveragePercent(), s.penerimaPercent(), s.qualityPercent(), s.index(), s.category());
    }

    static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
