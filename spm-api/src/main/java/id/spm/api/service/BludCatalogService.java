package id.spm.api.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.error.ApiException;
import id.spm.api.error.LocatedErrors;
import id.spm.api.error.Problem;
import id.spm.api.model.BludCatalog;
import id.spm.api.model.BludCatalog.BludIndicator;
import id.spm.api.model.BludCatalog.Figure;
import id.spm.api.model.BludCatalog.Method;
import id.spm.api.model.BludValues;
import id.spm.api.model.BludValues.BludItemError;
import id.spm.api.model.BludValues.BludStoredValue;
import id.spm.api.model.BludValues.BludValueItem;
import id.spm.api.repository.BludCatalogRepository;
import id.spm.api.repository.BludCatalogRepository.CatalogRow;
import id.spm.api.repository.BludCatalogRepository.ValueRow;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.ingest.layout.ResourceIndex;
import id.spm.rules.SpmService;
import id.spm.rules.catalog.Judgement;
import id.spm.rules.catalog.Unit;

/**
 * Regional BLUD Puskesmas catalogs (issue 12, domain §7): the shipped regulations (resources/catalogs, loaded at
 * startup), catalogs created by a region's admin, and the typed values of their SURVEY and LOG indicators. A catalog
 * is visible to callers whose areas overlap its region (the region, or an area or Puskesmas within it).
 */
@ApplicationScoped
public class BludCatalogService {

    private static final Logger LOG = Logger.getLogger(BludCatalogService.class);
    /** Where the shipped catalogs live on the class path, listed in {@code index.txt}. */
    public static final String SHIPPED = "/catalogs/";
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,63}$");
    /** Years a target or value may name. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    /** Longest note of a value. */
    public static final int MAX_NOTE = 500;

    private final BludCatalogRepository catalogs;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final CallerScope scope;
    private final ChangeEvents changes;
    /** Strict reading of shipped files: an unknown field is a transcription mistake. */
    private final ObjectMapper json;

    public BludCatalogService(BludCatalogRepository catalogs, PuskesmasRepository registry, RegionRepository regions,
            CallerScope scope, ObjectMapper mapper, ChangeEvents changes) {
        this.catalogs = catalogs;
        this.changes = changes;
        this.registry = registry;
        this.regions = regions;
        this.scope = scope;
        this.json = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    // ---- shipped catalogs -----------------------------------------------------------------------------------------

    /** Loads every shipped catalog (idempotent: unchanged files change nothing). Fails startup on an invalid file. */
    @Transactional
    public int loadShipped() {
        int changed = 0;
        for (String file : shippedFiles()) {
            BludCatalog c;
            try (InputStream in = BludCatalogService.class.getResourceAsStream(SHIPPED + file)) {
                if (in == null) {
                    throw new IllegalStateException("shipped catalog " + file + " is missing");
                }
                c = json.readValue(in, BludCatalog.class);
            } catch (IOException e) {
                throw new UncheckedIOException("shipped catalog " + file, e);
            }
            List<Problem.Violation> v = violations(c);
            if (!v.isEmpty()) {
                throw new IllegalStateException("shipped catalog " + file + " is invalid: " + v);
            }
            BludCatalog stored = canonical(c, "SHIPPED");
            String text = write(stored);
            BludCatalogRepository.Upsert r = catalogs.upsertShipped(c.id(), c.regulation(), c.region(), text,
                    hash(text));
            if (r == BludCatalogRepository.Upsert.TAKEN) {
                LOG.warnf("Shipped catalog %s not loaded: a catalog created through the API holds its id", c.id());
            } else if (r != BludCatalogRepository.Upsert.UNCHANGED) {
                changed++;
                LOG.infof("Catalog %s %s (%d indicators)", c.id(), r.name().toLowerCase(java.util.Locale.ROOT),
                        c.indicators().size());
            }
        }
        return changed;
    }

    static List<String> shippedFiles() {
        return ResourceIndex.files(BludCatalogService.class, SHIPPED);
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    /** The catalogs visible to the caller. */
    public List<BludCatalog> list() {
        List<BludCatalog> out = new ArrayList<>();
        for (CatalogRow r : catalogs.all()) {
            if (visible(r.regionCode())) {
                out.add(read(r));
            }
        }
        return out;
    }

    /** A catalog: 404 when unknown, 403 when the caller's areas do not overlap its region. */
    public BludCatalog get(String id) {
        CatalogRow r = catalogs.find(id).orElseThrow(
                () -> ApiException.notFound("CATALOG_NOT_FOUND", "No BLUD catalog '" + id + "'; see GET /api/v1/catalogs."));
        if (!visible(r.regionCode())) {
            throw ApiException.forbidden("AREA_FORBIDDEN",
                    "Your token does not cover region " + r.regionCode() + " of catalog " + id + ".");
        }
        return read(r);
    }

    /** Whether the caller's areas overlap the region: they cover it, or one of them lies within it. */
    boolean visible(String region) {
        if (scope.covers(region)) {
            return true;
        }
        for (String a : scope.areas()) {
            String place = AreaCodeParam.isPuskesmas(a) ? registry.find(a).map(p -> p.kecamatanCode).orElse(null) : a;
            if (place != null && AreaCodeParam.within(place, region)) {
                return true;
            }
        }
        return false;
    }

    // ---- create ---------------------------------------------------------------------------------------------------

    /** A catalog created by an admin of its region; 400 with every located problem, 409 when the id is taken. */
    @Transactional
    public BludCatalog create(BludCatalog in) {
        if (in == null) {
            throw ApiException.badRequest("VALIDATION_FAILED", "A catalog is required.");
        }
        String region = in.region() == null ? null : AreaCodeParam.region(in.region());
        if (region != null) {
            AreaAccess.require(scope, region);
        }
        BludCatalog c = new BludCatalog(in.id(), in.regulation(), region, in.note(), null, in.indicators());
        List<Problem.Violation> v = violations(c);
        if (!v.isEmpty()) {
            throw LocatedErrors.fields("CATALOG_INVALID", v.size() == 1 ? v.get(0).field() + ": " + v.get(0).message() + "."
                    : "The catalog has " + v.size() + " problems; nothing was stored.", v);
        }
        BludCatalog stored = canonical(c, "API");
        String text = write(stored);
        if (!catalogs.insert(c.id(), c.regulation(), region, text, hash(text), scope.subject())) {
            throw ApiException.conflict("CATALOG_EXISTS", "A catalog '" + c.id() + "' exists; choose another id.");
        }
        return stored;
    }

    /** Every problem of a catalog, located by field ({@code indicators[3].targets.2019}). */
    List<Problem.Violation> violations(BludCatalog c) {
        List<Problem.Violation> v = new ArrayList<>();
        if (c.id() == null || !ID.matcher(c.id()).matches()) {
            v.add(new Problem.Violation("id",
                    "must be 3–64 lower-case letters, digits or hyphens, starting with a letter or digit"));
        }
        if (c.regulation() == null || c.regulation().isBlank()) {
            v.add(new Problem.Violation("regulation", "must name the regulation"));
        }
        if (c.region() == null) {
            v.add(new Problem.Violation("region", "must be the Kemendagri code of a kab/kota"));
        } else {
            Region r = regions.find(c.region()).orElse(null);
            if (r == null || r.level != 2) {
                v.add(new Problem.Violation("region", c.region() + " is not a Kemendagri kab/kota code"));
            }
        }
        if (c.indicators() == null || c.indicators().isEmpty()) {
            v.add(new Problem.Violation("indicators", "must hold at least one indicator"));
            return v;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            BludIndicator ind = c.indicators().get(i);
            String f = "indicators[" + i + "]";
            if (ind == null) {
                v.add(new Problem.Violation(f, "must not be null"));
                continue;
            }
            if (ind.code() == null || ind.code().isBlank() || ind.code().length() > 40) {
                v.add(new Problem.Violation(f + ".code", "must be 1–40 characters"));
            } else {
                Integer first = seen.putIfAbsent(ind.code().strip(), i);
                if (first != null) {
                    v.add(new Problem.Violation(f + ".code",
                            "'" + ind.code() + "' is also the code of indicators[" + first + "]"));
                }
            }
            if (ind.name() == null || ind.name().isBlank()) {
                v.add(new Problem.Violation(f + ".name", "must name the indicator"));
            }
            for (String[] req : new String[][] { { "kind", ind.kind() == null ? null : "" },
                    { "unit", ind.unit() == null ? null : "" }, { "direction", ind.direction() == null ? null : "" },
                    { "method", ind.method() == null ? null : "" } }) {
                if (req[1] == null) {
                    v.add(new Problem.Violation(f + "." + req[0], "is required"));
                }
            }
            if (ind.source() == null || ind.source().isBlank()) {
                v.add(new Problem.Violation(f + ".source", "must cite the clause of the regulation"));
            }
            if (ind.targets() == null || ind.targets().isEmpty()) {
                v.add(new Problem.Violation(f + ".targets", "must give the target of at least one year"));
            } else {
                ind.targets().forEach((year, target) -> {
                    String tf = f + ".targets." + year;
                    if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
                        v.add(new Problem.Violation(tf, "the year must be between " + MIN_YEAR + " and " + MAX_YEAR));
                    } else if (ind.unit() != null && ind.unit().check(target) != null) {
                        v.add(new Problem.Violation(tf, ind.unit().check(target)));
                    }
                });
            }
            if (ind.method() == Method.COMPUTED) {
                if (ind.computed() == null || ind.computed().service() == null || ind.computed().figure() == null) {
                    v.add(new Problem.Violation(f + ".computed",
                            "a COMPUTED indicator names the service and the figure its value is taken from"));
                } else {
                    try {
                        SpmService.parse(ind.computed().service());
                    } catch (IllegalArgumentException e) {
                        v.add(new Problem.Violation(f + ".computed.service",
                                "'" + ind.computed().service() + "' is not one of the twelve services (GET /api/v1/services)"));
                    }
                    Unit expected = ind.computed().figure() == Figure.NUMERATOR ? Unit.COUNT : Unit.PERCENT;
                    if (ind.unit() != null && ind.unit() != expected) {
                        v.add(new Problem.Violation(f + ".unit", ind.computed().figure() + " is in unit " + expected));
                    }
                }
            } else if (ind.computed() != null) {
                v.add(new Problem.Violation(f + ".computed", "only a COMPUTED indicator names a service figure"));
            }
        }
        return v;
    }

    // ---- values ---------------------------------------------------------------------------------------------------

    /** A Puskesmas of the catalog's region, in the caller's areas (403 before 404); its registry row. */
    Puskesmas puskesmasOf(BludCatalog c, String rawCode) {
        String code = AreaCodeParam.normalize(rawCode);
        if (!AreaCodeParam.isPuskesmas(code)) {
            throw ApiException.badRequest("NOT_A_PUSKESMAS", "'" + rawCode + "' is not a Puskesmas code (P + 10 digits).");
        }
        AreaAccess.require(scope, code);
        Puskesmas p = registry.find(code).orElseThrow(
                () -> ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + code + "."));
        if (!AreaCodeParam.within(p.kabkotaCode, c.region())) {
            throw ApiException.badRequest("PUSKESMAS_OUTSIDE_CATALOG",
                    code + " is registered in " + p.kabkotaCode + "; catalog " + c.id() + " is of " + c.region() + ".");
        }
        return p;
    }

    /**
     * Replaces the typed values of a Puskesmas and year: all or nothing; every bad item is located (index, indicator,
     * reason).
     */
    @Transactional
    public BludValues putValues(String id, String rawPuskesmas, int year, List<BludValueItem> items) {
        BludCatalog c = get(id);
        Puskesmas p = puskesmasOf(c, rawPuskesmas);
        if (items == null) {
            throw ApiException.badRequest("VALIDATION_FAILED", "The body is a list of {indicator, value, note}.");
        }
        Map<String, BludIndicator> byCode = indicators(c);
        List<BludItemError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ValueRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BludValueItem it = items.get(i);
            String code = it == null || it.indicator() == null ? null : it.indicator().strip();
            Resolved r = it == null ? new Resolved(null, "the item is null")
                    : resolve(byCode.get(code), it.value(), it.numerator(), it.denominator());
            ValueProblem vp = r.reason() != null ? new ValueProblem("value", r.reason())
                    : problem(byCode.get(code), code, year, r.value(), it.note());
            String reason = vp == null ? null : vp.reason();
            if (reason == null) {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    reason = "indicator " + code + " is also given at index " + first;
                }
            }
            if (reason != null) {
                errors.add(new BludItemError(i, code, reason));
            } else {
                rows.add(new ValueRow(p.code, year, code, r.value(), blankToNull(it.note()), it.numerator(),
                        it.denominator(), null, null));
            }
        }
        if (!errors.isEmpty()) {
            throw LocatedErrors.items("CATALOG_VALUES_INVALID",
                    errors.size() + " of " + items.size() + " values are invalid; nothing was stored.", errors);
        }
        catalogs.replaceValues(c.id(), p.code, p.kabkotaCode, year, rows, scope.subject());
        changes.record(ChangeEvents.CATALOG_VALUES_SET, p.kabkotaCode, year, null, null,
                "catalog " + c.id() + " " + p.code + ": " + rows.size() + " value(s)");
        return values(c, p, year);
    }

    /** The typed values of a Puskesmas and year. */
    public BludValues getValues(String id, String rawPuskesmas, int year) {
        BludCatalog c = get(id);
        return values(c, puskesmasOf(c, rawPuskesmas), year);
    }

    private BludValues values(BludCatalog c, Puskesmas p, int year) {
        List<BludStoredValue> out = new ArrayList<>();
        for (ValueRow r : catalogs.values(c.id(), year, List.of(p.code))) {
            out.add(new BludStoredValue(r.indicatorCode(), r.value(), r.note(), r.numerator(), r.denominator(),
                    r.updatedBy(), r.updatedAt()));
        }
        return new BludValues(c.id(), p.code, year, out);
    }

    /** A typed value as given, or as computed from a numerator and denominator; or why it cannot be. */
    public record Resolved(BigDecimal value, String reason) {
    }

    /**
     * The value of an item: given, or for a % or per-100,000 indicator the register's numerator ÷ denominator
     * ({@link Judgement#ratio}, spm-rules), never both.
     */
    public static Resolved resolve(BludIndicator ind, BigDecimal value, Long numerator, Long denominator) {
        if (numerator == null && denominator == null) {
            return new Resolved(value, null);
        }
        if (value != null) {
            return new Resolved(null, "give a value, or a numerator and denominator, not both");
        }
        if (numerator == null || denominator == null) {
            return new Resolved(null, "a numerator needs its denominator and a denominator its numerator");
        }
        if (numerator < 0 || denominator <= 0) {
            return new Resolved(null, "the numerator cannot be negative and the denominator must be positive");
        }
        if (ind == null || ind.unit() != Unit.PERCENT && ind.unit() != Unit.PER_100000) {
            return new Resolved(null, ind == null ? null
                    : "only a % or per-100,000 indicator is given as numerator and denominator (this one is in "
                            + ind.unit().label() + ")");
        }
        return new Resolved(Judgement.ratio(ind.unit(), numerator, denominator), null);
    }

    /** Why a typed value cannot be stored, and the field it is about ({@code indicator}, {@code value}, {@code note}). */
    public record ValueProblem(String field, String reason) {
    }

    /**
     * Why a typed value of an indicator cannot be stored, or {@code null}: the one check of the PUT and the upload.
     */
    public static ValueProblem problem(BludIndicator ind, String code, int year, BigDecimal value, String note) {
        if (code == null || code.isBlank()) {
            return new ValueProblem("indicator", "the indicator code is required");
        }
        if (ind == null) {
            return new ValueProblem("indicator", "the catalog has no indicator " + code);
        }
        if (ind.method() == Method.COMPUTED) {
            return new ValueProblem("indicator", "indicator " + code + " is COMPUTED (" + ind.computed().figure()
                    + " of service " + ind.computed().service() + "): its value is the service achievement, never typed");
        }
        if (!ind.targets().containsKey(year)) {
            return new ValueProblem("indicator", "indicator " + code + " has no target for " + year + " (years "
                    + ind.targets().firstKey() + "–" + ind.targets().lastKey() + ")");
        }
        String unit = ind.unit().check(value);
        if (unit != null) {
            return new ValueProblem("value", unit + " (indicator " + code + " is in " + ind.unit().label() + ")");
        }
        if (note != null && note.length() > MAX_NOTE) {
            return new ValueProblem("note", "the note is longer than " + MAX_NOTE + " characters");
        }
        return null;
    }

    /** The indicators of a catalog by code. */
    public static Map<String, BludIndicator> indicators(BludCatalog c) {
        Map<String, BludIndicator> m = new HashMap<>();
        c.indicators().forEach(i -> m.put(i.code(), i));
        return m;
    }

    /** Stores the accepted rows of an upload, by the district of their Puskesmas (upsert per indicator). */
    @Transactional
    public void storeUploaded(BludCatalog c, Map<String, List<ValueRow>> byDistrict) {
        byDistrict.forEach((kabkota, rows) -> {
            catalogs.upsertValues(c.id(), kabkota, rows, scope.subject());
            // One change per district-year the upload touched, in the upload's transaction.
            Map<Integer, Set<String>> puskesmasByYear = new java.util.TreeMap<>();
            for (ValueRow r : rows) {
                puskesmasByYear.computeIfAbsent(r.year(), y -> new java.util.TreeSet<>()).add(r.puskesmasCode());
            }
            puskesmasByYear.forEach((year, pkm) -> changes.record(ChangeEvents.CATALOG_VALUES_SET, kabkota, year, null,
                    null, "catalog " + c.id() + " upload: " + pkm.size() + " Puskesmas"));
        });
    }

    /** The caller, for services that act on the caller's behalf. */
    CallerScope scope() {
        return scope;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private BludCatalog read(CatalogRow r) {
        try {
            BludCatalog c = json.readValue(r.definitionJson(), BludCatalog.class);
            return new BludCatalog(r.id(), r.regulation(), r.regionCode(), c.note(), r.origin(), c.indicators());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalog " + r.id() + " cannot be read", e);
        }
    }

    /** Codes stripped, notes kept; the stored shape. */
    private static BludCatalog canonical(BludCatalog c, String origin) {
        List<BludIndicator> inds = new ArrayList<>();
        for (BludIndicator i : c.indicators()) {
            inds.add(new BludIndicator(i.code().strip(), i.name().strip(), i.kind(), i.unit(), i.direction(),
                    new java.util.TreeMap<>(i.targets()), i.method(), i.computed() == null ? null
                            : new BludCatalog.BludComputed(SpmService.parse(i.computed().service()).code(),
                                    i.computed().figure()),
                    i.source().strip(), blankToNull(i.note())));
        }
        return new BludCatalog(c.id(), c.regulation().strip(), c.region(), blankToNull(c.note()), origin, List.copyOf(inds));
    }

    private String write(BludCatalog c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The years the catalog has targets for. */
    public static Set<Integer> years(BludCatalog c) {
        Set<Integer> y = new java.util.TreeSet<>();
        c.indicators().forEach(i -> y.addAll(i.targets().keySet()));
        return y;
    }
}
