package id.spm.api.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.Submission;
import id.spm.api.error.ApiException;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.Difference;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.AchievementReport.SubmissionStatus;
import id.spm.api.model.SubmissionDto;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.FormInputRepository;
import id.spm.api.repository.StoredReport;
import id.spm.api.repository.SubmissionRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.Period;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Frozen submissions (digest §4): a district's period as submitted is stored whole and never
 * recomputed in place; later figures are shown beside it with every difference.
 */
@ApplicationScoped
public class SubmissionService {

    private final AchievementService achievements;
    private final CallerScope scope;
    private final ObjectMapper mapper;
    private final SubmissionRepository submissions;
    private final ChangeEvents changes;
    private final FormInputRepository formInputs;
    private final SubmissionDiffService decisionDiffs;
    private final DataVersionRepository versions;

    /**
     * A district-period frozen, fired in the freezing transaction: observers freeze what they own with it (the report
     * forms' layouts, issue 10), or the whole submission rolls back.
     */
    public record FrozenEvent(long id, String district, Period period) {
    }

    @Inject
    Event<FrozenEvent> frozenEvents;

    public SubmissionService(AchievementService achievements, CallerScope scope, ObjectMapper mapper,
            SubmissionRepository submissions, ChangeEvents changes, FormInputRepository formInputs,
            SubmissionDiffService diffs, DataVersionRepository versions) {
        this.versions = versions;
        this.changes = changes;
        this.formInputs = formInputs;
        this.decisionDiffs = diffs;
        this.achievements = achievements;
        this.scope = scope;
        this.mapper = mapper;
        this.submissions = submissions;
    }

    /** Computes outside any transaction (the computation manages its own connections), then stores. */
    public SubmissionDto freeze(String rawDistrict, Period period) {
        String district = district(rawDistrict);
        AreaAccess.require(scope, district);
        if (submissions.exists(district, period.year(), period.quarter())) {
            throw ApiException.conflict("ALREADY_SUBMITTED",
                    district + " " + period.label() + " is already frozen; a submission is never replaced.");
        }
        AchievementReport top = achievements.report(district, period);
        Map<String, AchievementReport> areas = new LinkedHashMap<>();
        collect(top, period, areas);
        // Issue 11: the per-person decisions are kept with the submission (SubmissionDiffService).
        SubmissionDiffService.Prepared decided = decisionDiffs.prepare(district, period);
        Submission stored = QuarkusTransaction.requiringNew().call(() -> {
            Submission s = store(district, period, top, areas);
            decisionDiffs.store(s.id, decided);
            return s;
        });
        return dto(stored, areas, period);
    }

    private Submission store(String district, Period period, AchievementReport top,
            Map<String, AchievementReport> areas) {
        if (find(district, period) != null) {
            throw ApiException.conflict("ALREADY_SUBMITTED",
                    district + " " + period.label() + " is already frozen; a submission is never replaced.");
        }
        Submission s = new Submission();
        s.kabkotaCode = district;
        s.year = (short) period.year();
        s.quarter = (short) period.quarter();
        s.dataVersion = top.dataVersion();
        s.ruleSetId = top.ruleSet();
        s.frozenBy = scope.subject();
        s.result = StoredReport.writeAreas(mapper, areas);
        submissions.add(s);
        // The forms' typed inputs and mutu rows are frozen with the figures (issue 10; reports.md §5.4 freeze rule).
        formInputs.freeze(s.id, district, period.year());
        frozenEvents.fire(new FrozenEvent(s.id, district, period));
        changes.record(ChangeEvents.SUBMISSION_FROZEN, district, period.year(), period.label(), s.dataVersion,
                "frozen by " + s.frozenBy);
        return s;
    }

    public SubmissionDto get(String rawDistrict, Period period) {
        String district = district(rawDistrict);
        AreaAccess.require(scope, district);
        Submission s = find(district, period);
        if (s == null) {
            throw ApiException.notFound("SUBMISSION_NOT_FOUND", "No frozen submission of " + district + " "
                    + period.label() + ".");
        }
        return dto(s, areas(s), period);
    }

    /**
     * The entity tag of the achievements of an area (already authorised) for a period, as a caller with these
     * areas sees them: from the data versions, districts, rule set and parameters ({@link AchievementService#basis})
     * and the district's frozen submission, if any. Reads versions only; computes nothing.
     */
    public String achievementsTag(String area, Period period) {
        AchievementService.Unit unit = achievements.unitOf(area);
        Submission s = unit.isDistrict() ? find(unit.code(), period) : null;
        return tag("achievements", achievements.basis(unit, area, period), s);
    }

    /** An entity tag of figures: their basis (versions, rule set), the district's frozen submission and the caller's areas. */
    private String tag(String kind, String basis, Submission s) {
        return EntityTags.of(kind + "|" + basis + "|submission=" + (s == null ? "-" : s.id) + "|caller="
                + new TreeSet<>(scope.areas()));
    }

    /** The entity tag of a district's frozen submission with its differences from today's figures. */
    public String submissionTag(String rawDistrict, Period period) {
        String district = district(rawDistrict);
        AreaAccess.require(scope, district);
        AchievementService.Unit unit = achievements.unitOf(district);
        Submission s = find(district, period);
        return tag("submission", achievements.basis(unit, district, period), s);
    }

    /**
     * What a {@code GET /achievements} answers (issue 13: one read of the data versions and one of the submission
     * per request): its entity tag, equal to {@link #achievementsTag}, and the body, read only when the tag did not
     * match.
     */
    public final class AchievementsView {

        private final String area;
        private final AchievementService.Unit unit;
        private final Period period;
        private final long version;
        private final Submission submission;
        private final String tag;
        /** The report's JSON, when the view was made from memory ({@link #viewFromMemory}). */
        private final byte[] json;

        private AchievementsView(String area, AchievementService.Unit unit, Period period, long version, byte[] json) {
            this.area = area;
            this.unit = unit;
            this.period = period;
            this.version = version;
            this.submission = null;
            this.json = json;
            this.tag = SubmissionService.this.tag("achievements", achievements.basisOf(unit, area, period, version).text(),
                    null);
        }

        private AchievementsView(String area, AchievementService.Unit unit, Period period) {
            this.json = null;
            this.area = area;
            this.unit = unit;
            this.period = period;
            AchievementService.Basis basis;
            if (unit.isDistrict()) {
                // One round trip: the window version and the submission's id; its frozen figures are loaded only
                // when there is a submission to compare with.
                DataVersionRepository.WindowAndSubmission w = versions.windowAndSubmission(unit.code(), period.year(),
                        period.quarter(), achievements.lookbackYears());
                this.submission = w.submissionId() == null ? null : submissions.byId(w.submissionId()).orElse(null);
                basis = achievements.basisOf(unit, area, period, w.version());
            } else {
                this.submission = null;
                basis = achievements.basisOf(unit, area, period);
            }
            this.version = basis.version();
            this.tag = SubmissionService.this.tag("achievements", basis.text(), submission);
        }

        public String tag() {
            return tag;
        }

        /**
         * The report, annotated with the frozen submission if any; without one, the cached report's JSON bytes as
         * serialised once.
         */
        public Object body() {
            if (json != null) {
                return json;
            }
            AchievementReport current = achievements.report(area, period, unit, version);
            if (submission == null) {
                return achievements.json(unit, period, area, current);
            }
            return annotate(current, submission);
        }
    }

    /**
     * An {@link AchievementsView} made from memory alone, never reading the database, or null when any part of it is
     * not in memory (issue 13: answered on the event loop, without a worker thread): a district's unit (district,
     * kecamatan), its data versions pushed to this instance ({@code DataVersionFeed}), no frozen submission of the period
     * (its figures would be read) and the report at that version in {@link AchievementService}'s memory. Equal to
     * {@link #achievementsView} in tag and body. The caller checks access ({@code AreaAccess}) as for the other.
     */
    public AchievementsView viewFromMemory(String area, Period period) {
        AchievementService.Unit unit = achievements.knownUnit(area);
        if (unit == null || !unit.isDistrict()) {
            return null;
        }
        DataVersionRepository.WindowAndSubmission w = versions.windowAndSubmissionIfKnown(unit.code(), period.year(),
                period.quarter(), achievements.lookbackYears());
        if (w == null || w.submissionId() != null) {
            return null;
        }
        byte[] json = achievements.jsonInMemory(unit, period, area, w.version());
        return json == null ? null : new AchievementsView(area, unit, period, w.version(), json);
    }

    /** See {@link AchievementsView}. */
    public AchievementsView achievementsView(String area, Period period) {
        return new AchievementsView(area, achievements.unitOf(area), period);
    }

    /** Adds the frozen figures' comparison to a current report, when its district's period was frozen. */
    public AchievementReport annotate(AchievementReport current, AchievementService.Unit unit, Period period) {
        if (unit.districts().size() != 1 || !unit.code().equals(unit.districts().get(0))) {
            return current;
        }
        Submission s = find(unit.code(), period);
        if (s == null) {
            return current;
        }
        return annotate(current, s);
    }

    private AchievementReport annotate(AchievementReport current, Submission s) {
        AchievementReport frozen = areas(s).get(current.area());
        List<Difference> diffs = frozen == null ? List.of() : differences(frozen, current);
        return current.withSubmission(new SubmissionStatus(s.id, s.frozenAt, s.dataVersion,
                frozen != null && diffs.isEmpty(), diffs));
    }

    /** An area's figures as frozen in its district's submission of a period. */
    public record FrozenReport(long id, java.time.OffsetDateTime frozenAt, long dataVersion, AchievementReport report) {
    }

    /**
     * The frozen figures of an area (already authorised) in submission {@code id} of its district's period: 404
     * SUBMISSION_NOT_FOUND unless that submission is the district's for this period and holds the area.
     */
    public FrozenReport frozen(String area, Period period, long id) {
        return frozenIfAny(area, period).filter(f -> f.id() == id)
                .orElseThrow(() -> ApiException.notFound("SUBMISSION_NOT_FOUND", "Submission " + id
                        + " is not a frozen submission of " + area + " " + period.label() + "."));
    }

    /** The frozen figures of an area in its district's submission of a period, if that period was frozen. */
    public java.util.Optional<FrozenReport> frozenIfAny(String area, Period period) {
        AchievementService.Unit unit = achievements.unitOf(area);
        if (unit.districts().size() != 1 || !unit.code().equals(unit.districts().get(0))) {
            return java.util.Optional.empty();
        }
        Submission s = find(unit.code(), period);
        AchievementReport r = s == null ? null : areas(s).get(area);
        return r == null ? java.util.Optional.empty()
                : java.util.Optional.of(new FrozenReport(s.id, s.frozenAt, s.dataVersion, r));
    }

    private void collect(AchievementReport r, Period period, Map<String, AchievementReport> out) {
        out.put(r.area(), r);
        for (AchievementReport.ChildLink c : r.children()) {
            collect(achievements.report(c.code(), period), period, out);
        }
    }

    private SubmissionDto dto(Submission s, Map<String, AchievementReport> areas, Period period) {
        List<Difference> all = new ArrayList<>();
        for (AchievementReport frozen : areas.values()) {
            all.addAll(differences(frozen, achievements.report(frozen.area(), period)));
        }
        return new SubmissionDto(s.id, s.kabkotaCode, period.label(), s.dataVersion, s.ruleSetId, s.frozenAt,
                s.frozenBy, all.isEmpty(), all, areas.get(s.kabkotaCode));
    }

    static List<Difference> differences(AchievementReport frozen, AchievementReport current) {
        List<Difference> out = new ArrayList<>();
        String area = frozen.area();
        diff(out, area, null, "sectorIndex", frozen.sectorIndex(), current.sectorIndex());
        diff(out, area, null, "sectorCategory", frozen.sectorCategory(), current.sectorCategory());
        diff(out, area, null, "ruleSet", frozen.ruleSet(), current.ruleSet());
        for (ServiceAchievement f : frozen.services()) {
            ServiceAchievement c = current.services().stream().filter(x -> x.serviceCode().equals(f.serviceCode()))
                    .findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            String code = f.serviceCode();
            diff(out, area, code, "numerator", f.numerator(), c.numerator());
            diff(out, area, code, "denominator", f.denominator().amount(), c.denominator().amount());
            diff(out, area, code, "coveragePercent", f.coveragePercent(), c.coveragePercent());
            diff(out, area, code, "qualityPercent", f.qualityPercent(), c.qualityPercent());
            diff(out, area, code, "index", f.index(), c.index());
            diff(out, area, code, "category", f.category(), c.category());
        }
        return out;
    }

    private static void diff(List<Difference> out, String area, String service, String field, Object frozen,
            Object current) {
        boolean same = frozen instanceof java.math.BigDecimal a && current instanceof java.math.BigDecimal b
                ? a.compareTo(b) == 0
                : Objects.equals(frozen, current);
        if (!same) {
            out.add(new Difference(area, service, field, frozen == null ? null : frozen.toString(),
                    current == null ? null : current.toString()));
        }
    }

    /** A district's frozen submission of a period: its id, time, data version and the reports of its areas. */
    public record Frozen(long id, java.time.OffsetDateTime frozenAt, long dataVersion,
            Map<String, AchievementReport> areas) {
    }

    /** The frozen submission of the district of an area (already authorised) and period, if any. */
    public java.util.Optional<Frozen> frozen(String district, Period period) {
        Submission s = find(district, period);
        return s == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Frozen(s.id, s.frozenAt, s.dataVersion, areas(s)));
    }

    private Submission find(String district, Period period) {
        return submissions.find(district, period.year(), period.quarter()).orElse(null);
    }

    private Map<String, AchievementReport> areas(Submission s) {
        return StoredReport.readAreas(mapper, s.result);
    }

    private static String district(String raw) {
        String code = AreaCodeParam.region(raw);
        if (AreaCodeParam.level(code) != 2) {
            throw ApiException.badRequest("NOT_A_DISTRICT", "Submissions are per kab/kota (e.g. 73.18), not " + code
                    + ".");
        }
        return code;
    }
}
