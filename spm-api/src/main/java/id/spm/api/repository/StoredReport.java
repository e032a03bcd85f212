package id.spm.api.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.model.AchievementReport;
import id.spm.api.model.DecisionDto;
import id.spm.api.model.ServiceCatalog;

/**
 * The storage shape of a computed report: the JSON of {@code achievement_result.result} and of each
 * area of a frozen {@code submission.result}. It is its own type, mapped to and from the API's
 * {@link AchievementReport}, so the API's shape can change without making stored rows, above all
 * frozen submissions that are never rewritten, unreadable. Its property names are those the API's
 * records had when results were first stored; change them only with a migration of the stored JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredReport(String area, String areaName, String level, String period, String ruleSet, long dataVersion,
        OffsetDateTime computedAt, BigDecimal sectorIndex, String sectorCategory, List<LeftOut> leftOut,
        List<Service> services, List<Parameter> parameters, List<ChildLink> children, SubmissionStatus submission) {

    /**
     * The format of the cached rows ({@code achievement_result.edition}): raise it whenever a computed report gains or
     * changes a part, so rows cached before are recomputed instead of served without it. 2: with the gap in persons
     * (issue 10) and the mutu items with their need's source (issue 11).
     */
    public static final int FORMAT = 2;

    private static final TypeReference<LinkedHashMap<String, StoredReport>> AREAS = new TypeReference<>() {
    };

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String serviceCode, String service, String name, long numerator, Denominator denominator,
            BigDecimal coveragePercent, BigDecimal penerimaPercent, BigDecimal qualityPercent, BigDecimal index,
            String category, ByName byName, List<String> aggregateFrom, String mutuStatus, List<Reason> reasons,
            List<AssumptionCount> assumptions, Gap gap, Mutu mutu) {

        AchievementReport.ServiceAchievement toDto() {
            Denominator d = denominator;
            ByName b = byName;
            return new AchievementReport.ServiceAchievement(serviceCode, service, name, numerator,
                    d == null ? null
                            : new AchievementReport.DenominatorDto(d.amount(), d.status(), d.method(), d.sources(),
                                    d.explanation()),
                    coveragePercent, penerimaPercent, qualityPercent, index, category,
                    b == null ? null : new AchievementReport.ByName(b.counted(), b.notCounted(), b.pending(), b.excluded()),
                    aggregateFrom, mutuStatus, map(reasons, Reason::toDto),
                    map(assumptions, a -> new AchievementReport.AssumptionCount(a.code(), a.example(), a.decisions())),
                    gap == null ? null
                            : new AchievementReport.PersonGapDto(gap.toFullCoverage(), gap.nextCategory(),
                                    gap.toNextCategory()),
                    mutu == null ? null
                            : new AchievementReport.MutuDto(mutu.origin(), mutu.needSources(), mutu.explanation(),
                                    map(mutu.items(), i -> new AchievementReport.MutuItemDto(i.kind(), i.item(), i.unit(),
                                            i.need(), i.stock(), i.achievementPercent(), i.needSource()))));
        }
    }

    /** Added with issue 11 (the mutu items and who set their needs); absent in rows stored before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mutu(String origin, Set<String> needSources, String explanation, List<MutuItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MutuItem(String kind, String item, String unit, BigDecimal need, BigDecimal stock,
            BigDecimal achievementPercent, String needSource) {
    }

    /** Added with issue 10; absent in rows stored before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(Long toFullCoverage, String nextCategory, Long toNextCategory) {
    }

    public record Denominator(Long amount, String status, String method, Set<String> sources, String explanation) {
    }

    public record ByName(long counted, long notCounted, long pending, long excluded) {
    }

    public record AssumptionCount(String code, String example, long decisions) {
    }

    public record LeftOut(String serviceCode, List<Reason> reasons) {
    }

    public record ChildLink(String code, String name, String href) {
    }

    public record SubmissionStatus(long id, OffsetDateTime frozenAt, long dataVersion, boolean matches,
            List<Difference> differences) {

        AchievementReport.SubmissionStatus toDto() {
            return new AchievementReport.SubmissionStatus(id, frozenAt, dataVersion, matches,
                    map(differences, d -> new AchievementReport.Difference(d.area(), d.serviceCode(), d.field(),
                            d.frozen(), d.current())));
        }
    }

    public record Difference(String area, String serviceCode, String field, String frozen, String current) {
    }

    public record Reason(String code, String message, String clause) {

        DecisionDto.ReasonDto toDto() {
            return new DecisionDto.ReasonDto(code, message, clause);
        }
    }

    public record Parameter(String name, String value, String description, boolean interpretation) {
    }

    /** The JSON stored for a report. */
    public static String write(ObjectMapper mapper, AchievementReport report) {
        try {
            return mapper.writeValueAsString(of(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    /** A stored report in the API's shape. */
    public static AchievementReport read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, StoredReport.class).toReport();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is unreadable", e);
        }
    }

    /** The JSON of a frozen submission: the report of every area, by area code, in order. */
    public static String writeAreas(ObjectMapper mapper, Map<String, AchievementReport> areas) {
        Map<String, StoredReport> out = new LinkedHashMap<>();
        areas.forEach((area, r) -> out.put(area, of(r)));
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    /** A frozen submission's reports in the API's shape, by area code, in stored order. */
    public static Map<String, AchievementReport> readAreas(ObjectMapper mapper, String json) {
        Map<String, StoredReport> stored;
        try {
            stored = mapper.readValue(json, AREAS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored submission is unreadable", e);
        }
        Map<String, AchievementReport> out = new LinkedHashMap<>();
        stored.forEach((area, r) -> out.put(area, r.toReport()));
        return out;
    }

    public static StoredReport of(AchievementReport r) {
        return new StoredReport(r.area(), r.areaName(), r.level(), r.period(), r.ruleSet(), r.dataVersion(),
                r.computedAt(), r.sectorIndex(), r.sectorCategory(),
                map(r.leftOut(), l -> new LeftOut(l.serviceCode(), map(l.reasons(), StoredReport::reason))),
                map(r.services(), StoredReport::service),
                map(r.parameters(), p -> new Parameter(p.name(), p.value(), p.description(), p.interpretation())),
                map(r.children(), c -> new ChildLink(c.code(), c.name(), c.href())), submission(r.submission()));
    }

    public AchievementReport toReport() {
        return new AchievementReport(area, areaName, level, period, ruleSet, dataVersion, computedAt, sectorIndex,
                sectorCategory,
                map(leftOut, l -> new AchievementReport.LeftOut(l.serviceCode(), map(l.reasons(), Reason::toDto))),
                map(services, Service::toDto),
                map(parameters,
                        p -> new ServiceCatalog.ParameterDto(p.name(), p.value(), p.description(), p.interpretation())),
                map(children, c -> new AchievementReport.ChildLink(c.code(), c.name(), c.href())),
                submission == null ? null : submission.toDto());
    }

    private static Service service(AchievementReport.ServiceAchievement s) {
        AchievementReport.DenominatorDto d = s.denominator();
        AchievementReport.ByName b = s.byName();
        return new Service(s.serviceCode(), s.service(), s.name(), s.numerator(),
                d == null ? null : new Denominator(d.amount(), d.status(), d.method(), d.sources(), d.explanation()),
                s.coveragePercent(), s.penerimaPercent(), s.qualityPercent(), s.index(), s.category(),
                b == null ? null : new ByName(b.counted(), b.notCounted(), b.pending(), b.excluded()),
                s.aggregateFrom(), s.mutuStatus(), map(s.reasons(), StoredReport::reason),
                map(s.assumptions(), a -> new AssumptionCount(a.code(), a.example(), a.decisions())),
                s.gap() == null ? null : new Gap(s.gap().toFullCoverage(), s.gap().nextCategory(), s.gap().toNextCategory()),
                s.mutu() == null ? null
                        : new Mutu(s.mutu().origin(), s.mutu().needSources(), s.mutu().explanation(),
                                map(s.mutu().items(), i -> new MutuItem(i.kind(), i.item(), i.unit(), i.need(), i.stock(),
                                        i.achievementPercent(), i.needSource()))));
    }

    private static Reason reason(DecisionDto.ReasonDto r) {
        return new Reason(r.code(), r.message(), r.clause());
    }

    private static SubmissionStatus submission(AchievementReport.SubmissionStatus s) {
        if (s == null) {
            return null;
        }
        return new SubmissionStatus(s.id(), s.frozenAt(), s.dataVersion(), s.matches(),
                map(s.differences(), d -> new Difference(d.area(), d.serviceCode(), d.field(), d.frozen(), d.current())));
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        return in == null ? null : in.stream().map(f).toList();
    }

}
