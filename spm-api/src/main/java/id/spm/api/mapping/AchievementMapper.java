package id.spm.api.mapping;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.AssumptionCount;
import id.spm.api.model.AchievementReport.ByName;
import id.spm.api.model.AchievementReport.ChildLink;
import id.spm.api.model.AchievementReport.DenominatorDto;
import id.spm.api.model.AchievementReport.LeftOut;
import id.spm.api.model.AchievementReport.PersonGapDto;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.DecisionDto.ReasonDto;
import id.spm.api.model.ServiceCatalog.ParameterDto;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.count.AreaCount;
import id.spm.rules.count.NumeratorSource;
import id.spm.rules.count.PuskesmasCount;
import id.spm.rules.index.Achievement;
import id.spm.rules.index.PersonGap;
import id.spm.rules.index.SectorIndex;
import id.spm.rules.quality.MutuLine;
import id.spm.rules.quality.MutuResult;
import id.spm.rules.target.Denominator;

/** The rules' {@link SectorIndex} of an area as the API's report. */
public final class AchievementMapper {

    private AchievementMapper() {
    }

    public static AchievementReport report(SectorIndex sector, Map<String, AreaCount[]> counts,
            AreaHierarchy hierarchy, Map<String, String> names, long version, Period period) {
        String area = sector.area();
        List<ServiceAchievement> services = new ArrayList<>();
        AreaCount[] areaCounts = counts.get(area);
        for (Achievement a : sector.services()) {
            services.add(service(a, areaCounts == null ? null : areaCounts[a.service().ordinal()]));
        }
        List<LeftOut> leftOut = new ArrayList<>();
        for (Map.Entry<SpmService, List<Reason>> e : sector.leftOut().entrySet()) {
            leftOut.add(new LeftOut(e.getKey().code(), reasons(e.getValue())));
        }
        leftOut.sort(java.util.Comparator.comparing(LeftOut::serviceCode));
        List<ChildLink> children = new ArrayList<>();
        for (String c : hierarchy.children(area)) {
            children.add(new ChildLink(c, names.get(c), "/api/v1/achievements?area=" + c + "&year=" + period.year()
                    + (period.isYear() ? "" : "&quarter=" + period.quarter())));
        }
        return new AchievementReport(area, names.get(area), hierarchy.level(area).name(), period.label(),
                sector.ruleSetId(), version, null, sector.index(), sector.category(), leftOut, services,
                sector.parameters().stream()
                        .map(p -> new ParameterDto(p.name(), p.value(), p.description(), p.interpretation())).toList(),
                children, null);
    }

    static ServiceAchievement service(Achievement a, AreaCount count) {
        Denominator d = a.denominator();
        TreeSet<String> sources = new TreeSet<>();
        d.sources().forEach(s -> sources.add(s.name()));
        DenominatorDto den = new DenominatorDto(d.amount(), d.status().name(), d.method().name(), sources,
                d.explanation());
        ByName byName = null;
        List<String> aggregateFrom = List.of();
        List<AssumptionCount> assumptions = List.of();
        if (count != null) {
            byName = new ByName(count.byName().counted(), count.byName().notCounted(), count.byName().pending(),
                    count.byName().excluded());
            aggregateFrom = count.puskesmas().stream().filter(p -> p.source() == NumeratorSource.AGGREGATE)
                    .map(PuskesmasCount::puskesmas).toList();
            assumptions = count.assumptions().stream()
                    .map(u -> new AssumptionCount(u.code(), u.example(), u.decisions())).toList();
        }
        return new ServiceAchievement(a.service().code(), a.service().name(), a.service().title(), a.numerator(), den,
                a.coveragePercent(), a.penerimaPercent(), a.qualityPercent(), a.index(), a.category(), byName,
                aggregateFrom, a.mutu() == null ? null : a.mutu().status().name(), reasons(a.reasons()), assumptions,
                gap(a), mutu(a.mutu()));
    }

    /** The %mutu's items and who set their needs (issue 11), as the denominator shows the sasaran's sources. */
    static AchievementReport.MutuDto mutu(MutuResult m) {
        if (m == null) {
            return null;
        }
        TreeSet<String> sources = new TreeSet<>();
        List<AchievementReport.MutuItemDto> items = new ArrayList<>();
        for (MutuLine l : m.lines()) {
            if (l.needSource() != null) {
                sources.add(l.needSource());
            }
            items.add(new AchievementReport.MutuItemDto(l.kind().name(), l.item(), l.unit(), l.need(), l.stock(),
                    l.achievement() == null ? null : l.achievement().setScale(2, RoundingMode.HALF_UP), l.needSource()));
        }
        return new AchievementReport.MutuDto(m.origin().name(), sources.isEmpty() ? null : sources, m.explanation(),
                items);
    }

    /** The gap in persons under the rule set that computed the achievement (issue 10; reports.md §3.7). */
    static PersonGapDto gap(Achievement a) {
        PersonGap g = RuleSets.byId(a.ruleSetId()).map(rs -> PersonGap.of(a, rs.index())).orElse(PersonGap.NONE);
        return g.equals(PersonGap.NONE) ? null
                : new PersonGapDto(g.toFullCoverage(), g.nextCategory(), g.toNextCategory());
    }

    static List<ReasonDto> reasons(List<Reason> rs) {
        return rs.stream().map(r -> new ReasonDto(r.code(), r.message(), r.clause())).toList();
    }
}
