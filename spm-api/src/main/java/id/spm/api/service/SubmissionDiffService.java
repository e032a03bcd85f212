package id.spm.api.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.config.SpmConfig;
import id.spm.api.entity.Submission;
import id.spm.api.error.ApiException;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.Difference;
import id.spm.api.model.DecisionDto.ReasonDto;
import id.spm.api.model.SubmissionDiff;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.StoredReport;
import id.spm.api.repository.SubmissionDecisionRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.Evaluator;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;

/**
 * The per-person side of frozen submissions (issue 11): the decisions of every candidate of the district are
 * kept at freeze with the rule parameters and the set's SHA-256 ({@code submission_decision}, V80); a diff
 * recomputes today's figures and decisions (with the one computation, {@link AchievementService#evaluate}) and
 * lists every figure and every person whose decision changed.
 */
@ApplicationScoped
public class SubmissionDiffService {

    private final AchievementService achievements;
    private final FactRepository facts;
    private final SubmissionDecisionRepository decisions;
    private final CallerScope scope;
    private final ObjectMapper mapper;
    private final SpmConfig config;
    private final id.spm.api.repository.SubmissionRepository submissions;

    public SubmissionDiffService(AchievementService achievements, FactRepository facts,
            SubmissionDecisionRepository decisions, CallerScope scope, ObjectMapper mapper, SpmConfig config,
            id.spm.api.repository.SubmissionRepository submissions) {
        this.achievements = achievements;
        this.facts = facts;
        this.decisions = decisions;
        this.scope = scope;
        this.mapper = mapper;
        this.config = config;
        this.submissions = submissions;
    }

    /** The decisions of a district's period under the rule set in force, gathered before freezing. */
    public record Prepared(String district, String parametersJson, String sha256,
            SubmissionDecisionRepository.Rows rows) {
    }

    /** Decides every person of the district (outside any transaction). */
    public Prepared prepare(String district, Period period) {
        RuleSet rs = RuleSets.forPeriod(period).orElseThrow(
                () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
        Evaluator ev = new Evaluator(rs);
        SubmissionDecisionRepository.Rows rows = new SubmissionDecisionRepository.Rows();
        List<String> lines = new ArrayList<>();
        facts.persons(district, period.year() - config.compute().lookbackYears(), period.year(), p -> ev.decideAll(p,
                period, (person, d) -> {
                    PersonDiff.Side s = PersonDiff.side(d);
                    String reasons = json(s.reasons());
                    rows.add(district, s.serviceCode(), person.id(), s.subject(), s.puskesmas(), s.status(), reasons);
                    lines.add(line(person.id(), s));
                }));
        return new Prepared(district, json(parameters(rs)), sha256(lines), rows);
    }

    /** Stores prepared decisions with their submission, in the freezing transaction. */
    public void store(long submissionId, Prepared p) {
        decisions.add(submissionId, p.district(), p.parametersJson(), p.sha256(), p.rows());
    }

    /**
     * A submission against today's computation, under the rule set in force with the given overrides (none: as
     * it is), listing at most {@code limit} changed persons.
     */
    public SubmissionDiff diff(long submissionId, Map<String, String> overrides, int limit) {
        Submission s = submissions.byId(submissionId).orElseThrow(
                () -> ApiException.notFound("SUBMISSION_NOT_FOUND", "No frozen submission " + submissionId + "."));
        AreaAccess.require(scope, s.kabkotaCode);
        Period period = s.quarter == 0 ? Period.ofYear(s.year) : Period.ofQuarter(s.year, s.quarter);
        RuleSet inForce = RuleSets.forPeriod(period).orElseThrow(
                () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
        RuleSet now = WhatIfService.overridden(inForce, overrides);
        AchievementService.Unit unit = achievements.unitOf(s.kabkotaCode);
        long version = achievements.version(unit, period.year());

        SubmissionDecisionRepository.DecisionSet set = decisions.set(submissionId).orElse(null);
        Map<String, List<PersonDiff.Side>> frozen = new LinkedHashMap<>();
        if (set != null) {
            decisions.decisions(submissionId, r -> frozen.computeIfAbsent(r.personKey(), k -> new ArrayList<>())
                    .add(new PersonDiff.Side(r.serviceCode(), id.spm.rules.SpmService.parse(r.serviceCode()).name(),
                            r.subject(), r.puskesmas(), r.status(), reasons(r.reasonsJson()))));
        }
        PersonDiff diff = new PersonDiff(limit, p -> true);
        Evaluator ev = new Evaluator(now);
        List<String> lines = new ArrayList<>();
        AchievementService.Computed computed = achievements.evaluate(unit, period, now, version, p -> {
            List<PersonDiff.Side> after = new ArrayList<>();
            ev.decideAll(p, period, (x, d) -> {
                PersonDiff.Side side = PersonDiff.side(d);
                after.add(side);
                lines.add(line(p.person().id(), side));
            });
            if (set != null) {
                List<PersonDiff.Side> before = frozen.remove(p.person().id());
                diff.person(p.person().id(), before == null ? List.of() : before, after);
            }
        });
        if (set != null) {
            // Persons frozen but no longer in the data.
            frozen.forEach((key, before) -> diff.person(key, before, List.of()));
        }
        Map<String, AchievementReport> frozenAreas = StoredReport.readAreas(mapper, s.result);
        List<Difference> differences = new ArrayList<>();
        for (AchievementReport f : frozenAreas.values()) {
            AchievementReport c = computed == null ? null : computed.reports().get(f.area());
            if (c != null) {
                differences.addAll(SubmissionService.differences(f, c));
            }
        }
        List<SubmissionDiff.ParameterChange> params = new ArrayList<>();
        if (set != null) {
            Map<String, String> before = parametersOf(set.ruleParametersJson());
            Map<String, String> after = parameters(now);
            TreeMap<String, String> names = new TreeMap<>();
            before.keySet().forEach(n -> names.put(n, n));
            after.keySet().forEach(n -> names.put(n, n));
            for (String n : names.keySet()) {
                if (!java.util.Objects.equals(before.get(n), after.get(n))) {
                    params.add(new SubmissionDiff.ParameterChange(n, before.get(n), after.get(n)));
                }
            }
        } else {
            id.spm.rules.ParameterOverrides.differences(inForce, now)
                    .forEach((n, v) -> params.add(new SubmissionDiff.ParameterChange(n, v[0], v[1])));
        }
        return new SubmissionDiff(s.id, s.kabkotaCode, period.label(), s.frozenAt, s.dataVersion, version,
                s.ruleSetId, now.id(), params, differences, set != null, set == null ? null : set.sha256(),
                sha256(lines), set == null ? 0 : diff.total(), diff.truncated(), set == null ? null : diff.changes());
    }

    static Map<String, String> parameters(RuleSet rs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter p : rs.parameters()) {
            out.put(p.name(), p.value());
        }
        return out;
    }

    private Map<String, String> parametersOf(String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReasonDto> reasons(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<ReasonDto>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One decision as a line of the hashed set: person, service, subject, Puskesmas, status, reason codes. */
    private static String line(String person, PersonDiff.Side s) {
        StringBuilder b = new StringBuilder(person).append('|').append(s.serviceCode()).append('|')
                .append(s.subject()).append('|').append(s.puskesmas()).append('|').append(s.status());
        for (ReasonDto r : s.reasons()) {
            b.append('|').append(r.code());
        }
        return b.toString();
    }

    /** SHA-256 of the sorted lines, one per decision: equal sets give equal hashes whatever the order. */
    static String sha256(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        java.util.Collections.sort(sorted);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : sorted) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
