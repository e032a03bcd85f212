package id.spm.api.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.config.SpmConfig;
import id.spm.api.entity.Puskesmas;
import id.spm.api.error.ApiException;
import id.spm.api.mapping.DecisionMapper;
import id.spm.api.model.PersonDecisions;
import id.spm.api.repository.PersonRepository;
import id.spm.api.repository.PersonRepository.StoredPerson;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonKeySecret;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.parse.CellParser;
import id.spm.ingest.parse.CellProblem;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.Cell;
import id.spm.ingest.report.ErrorCode;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.model.Person;

/**
 * Why one person counts or does not: their stored record (the events a district computation reads)
 * evaluated by spm-rules under the rule set of the period, with every decision, reason and assumption.
 * Also NIK → person key with the importer's secret. A person outside the caller's areas is reported
 * exactly as an unknown one (404), so neither answer confirms that a person exists elsewhere.
 */
@ApplicationScoped
public class PersonDecisionService {

    /** Where the rule sets and every parameter are listed. */
    public static final String RULE_SETS_HREF = "/api/v1/services";

    private static final ColumnSpec NIK_COLUMN = new ColumnSpec("nik", "NIK", List.of(), ColumnType.NIK, true, false,
            null, null, null, null, null, false);
    /** Longer than any NIK with separators: refused before parsing. */
    private static final int MAX_NIK_CHARS = 64;

    private final PersonRepository persons;
    /** The one person-key secret, the importer's: a NIK keys to what the importer stored. */
    private final PersonKeySecret personKeys;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final SpmConfig config;

    public PersonDecisionService(PersonRepository persons, PersonKeySecret personKeys, PuskesmasRepository registry,
            RegionRepository regions, SpmConfig config) {
        this.persons = persons;
        this.personKeys = personKeys;
        this.registry = registry;
        this.regions = regions;
        this.config = config;
    }

    /** The decisions of every service for the person, in each district of the caller's areas that stores them. */
    public PersonDecisions decisions(String personKey, Period period, CallerScope scope) {
        RuleSet ruleSet = RuleSets.forPeriod(period).orElseThrow(
                () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
        // The same window as the achievements (AchievementService.compute), so the record is the one they read.
        int toYear = period.year();
        int fromYear = toYear - config.compute().lookbackYears();
        Evaluator evaluator = new Evaluator(ruleSet);
        List<PersonDecisions.DistrictRecord> records = new ArrayList<>();
        for (StoredPerson sp : persons.find(personKey, districtsOf(scope),
                new PersonRepository.Window(fromYear, toYear))) {
            Map<SpmService, List<Decision>> all = evaluator.decideAll(sp.record(), period);
            List<String> attributed = new ArrayList<>();
            all.values().forEach(ds -> ds.forEach(d -> attributed.add(d.puskesmas())));
            if (inside(sp, attributed, scope)) {
                records.add(record(sp, all, period));
            }
        }
        if (records.isEmpty()) {
            throw notFound();
        }
        return new PersonDecisions(personKey, period.label(), period.end(),
                new PersonDecisions.RuleSetRef(ruleSet.id(), ruleSet.regulation(), RULE_SETS_HREF), fromYear, toYear,
                records);
    }

    /** A person found by NIK: their key and the first district of the caller's areas that stores them. */
    public record Found(String personKey, String kabkotaCode) {
    }

    /**
     * The person key of a NIK, when such a person is stored within the caller's areas; the NIK is then
     * forgotten. Empty with the key when not found (for the audit trail), so the caller answers 404.
     */
    public Found lookup(String rawNik, CallerScope scope) {
        String key = personKeys.keys().ofNik(normaliseNik(rawNik));
        for (StoredPerson sp : persons.find(key, districtsOf(scope), null)) {
            if (inside(sp, List.of(), scope)) {
                return new Found(key, sp.kabkota());
            }
        }
        return new Found(key, null);
    }

    /** The one district of the caller's areas, when they lie in one; else {@code null}. */
    public String singleDistrict(CallerScope scope) {
        Set<String> districts = new TreeSet<>(districtsOf(scope));
        return districts.size() == 1 ? districts.iterator().next() : null;
    }

    /** The 404 of a person unknown or outside the caller's areas. */
    public static ApiException personNotFound() {
        return notFound();
    }

    /**
     * The importer's NIK rule (formats.md "NIK", {@link CellParser}): spaces, dots and a leading
     * apostrophe removed, then exactly 16 digits. Problems never repeat the NIK.
     */
    public static String normaliseNik(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("INVALID_NIK", "nik is required: the person's 16-digit NIK.");
        }
        if (raw.length() > MAX_NIK_CHARS) {
            throw ApiException.badRequest("INVALID_NIK", "A NIK has 16 digits and nothing else.");
        }
        // The day of import only matters to date columns; the registry only to Puskesmas columns.
        CellParser parser = new CellParser(LocalDate.now(), null, PuskesmasRegistry.unchecked(), false);
        try {
            return parser.text(NIK_COLUMN, new Cell(0, raw, Cell.Kind.TEXT));
        } catch (CellProblem e) {
            throw ApiException.badRequest("INVALID_NIK", e.code() == ErrorCode.NIK_NOT_TEXT
                    ? "A NIK has 16 digits; this one is in scientific notation, so digits are lost."
                    : e.reason());
        }
    }

    /**
     * Whether the caller's areas hold the person: the Puskesmas of any of their stored events (any year)
     * or decisions, or their registration Puskesmas or desa. Decisions are attributed to the Puskesmas of
     * an event, so the events already name every Puskesmas a decision can name.
     */
    static boolean inside(StoredPerson sp, Collection<String> attributed, CallerScope scope) {
        Person p = sp.record().person();
        Set<String> codes = new TreeSet<>(sp.eventPuskesmas());
        for (String c : attributed) {
            if (c != null) {
                codes.add(c);
            }
        }
        if (p.puskesmas() != null) {
            codes.add(p.puskesmas());
        }
        if (p.desaCode() != null) {
            codes.add(p.desaCode());
        }
        for (String code : codes) {
            if (covers(scope, code)) {
                return true;
            }
        }
        return false;
    }

    /** A malformed stored code covers nothing (rather than failing the request with a 400 about it). */
    private static boolean covers(CallerScope scope, String code) {
        try {
            return scope.covers(code);
        } catch (ApiException e) {
            return false;
        }
    }

    /** The districts a person in the caller's areas can be stored in: the person table is keyed by district. */
    Set<String> districtsOf(CallerScope scope) {
        Set<String> out = new TreeSet<>();
        if (scope.isNational()) {
            out.addAll(regions.districtCodes());
            return out;
        }
        for (String a : scope.areas()) {
            if (AreaCodeParam.isPuskesmas(a)) {
                Puskesmas p = registry.find(a).orElse(null);
                if (p != null) {
                    out.add(p.kabkotaCode);
                }
            } else if (AreaCodeParam.level(a) == 1) {
                out.addAll(regions.districtCodesOf(a));
            } else {
                out.add(AreaCodeParam.kabkota(a));
            }
        }
        return out;
    }

    private static PersonDecisions.DistrictRecord record(StoredPerson sp, Map<SpmService, List<Decision>> all,
            Period period) {
        List<PersonDecisions.ServiceDecisions> services = new ArrayList<>(SpmService.values().length);
        for (SpmService s : SpmService.values()) {
            services.add(new PersonDecisions.ServiceDecisions(s.code(), s.name(), s.title(),
                    all.get(s).stream().map(DecisionMapper::dto).toList()));
        }
        Person p = sp.record().person();
        PersonDecisions.PersonFacts facts = new PersonDecisions.PersonFacts(p.ageAt(period.end()),
                p.sex() == null ? null : p.sex().name(), p.desaCode(), p.puskesmas());
        // The district computation reads a person through their events of the window only.
        return new PersonDecisions.DistrictRecord(sp.kabkota(), !sp.eventsInWindow().isEmpty(), facts,
                sp.eventsInWindow(), services);
    }

    private static ApiException notFound() {
        return ApiException.notFound("PERSON_NOT_FOUND", "No such person is stored within your areas.");
    }
}
