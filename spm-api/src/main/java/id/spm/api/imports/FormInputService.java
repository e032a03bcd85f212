package id.spm.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.model.FormInputResult;
import id.spm.api.model.FormInputResult.LocatedError;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.FormInputRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.ingest.Accepted;
import id.spm.ingest.Ingestor;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.Report;

/**
 * Typed inputs of the report forms (issue 10; reports.md §9): budget (anggaran), permasalahan/solusi (kendala),
 * facilities and staff (fasyankes-sdm), staff need (kebutuhan-sdm), plan rows (rencana). Files and JSON rows
 * go through the one reader of spm-ingest (layouts as data, the same located errors, rows outside the caller's
 * areas refused at their cell); a clean write replaces the rows of its layout, area, year and quarter and bumps
 * the district-year data version, so caches, ETags and the change feed follow.
 */
@ApplicationScoped
public class FormInputService {

    public static final String CHANGE_KIND = "FORM_INPUT_SET";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final LayoutRegistry layouts = LayoutRegistry.formInputs();
    private final ImportSettings settings;
    private final CallerScope scope;
    private final PuskesmasRepository registry;
    private final FormInputRepository inputs;
    private final DataVersionRepository versions;
    private final ChangeEvents changes;
    private final ObjectMapper mapper;

    public FormInputService(ImportSettings settings, CallerScope scope, PuskesmasRepository registry,
            FormInputRepository inputs, DataVersionRepository versions, ChangeEvents changes, ObjectMapper mapper) {
        this.settings = settings;
        this.scope = scope;
        this.registry = registry;
        this.inputs = inputs;
        this.versions = versions;
        this.changes = changes;
        this.mapper = mapper;
    }

    public LayoutRegistry layouts() {
        return layouts;
    }

    public Layout layout(String name) {
        return layouts.find(name).orElseThrow(() -> ApiException.notFound("UNKNOWN_INPUT_LAYOUT",
                "No input layout '" + name + "'; known: " + String.join(", ", names()) + "."));
    }

    public List<String> names() {
        return layouts.all().stream().map(Layout::name).toList();
    }

    /** Reads an uploaded file with the layout; stores its rows when every row is clean. */
    @Transactional
    public FormInputResult importFile(String layoutName, Path file, String fileName) {
        Layout layout = layout(layoutName);
        List<Accepted.InputRow> rows = new ArrayList<>();
        Report report;
        try {
            Ingestor ingestor = new Ingestor(layouts, settings.regions(), PuskesmasRegistry.of(registeredCodes()),
                    settings.personKeys(), settings.limits(), new Ingestor.AreaGuard() {
                        @Override
                        public boolean covers(String code) {
                            return scope.covers(code);
                        }
                    });
            report = ingestor.read(file, fileName, new Ingestor.Options(layout.name(), LocalDate.now()),
                    a -> rows.add((Accepted.InputRow) a));
        } catch (FileRefusedException e) {
            throw new ApiException(422, "FILE_REFUSED", "File refused", e.code() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (report.rowsRejected() > 0) {
            return new FormInputResult(layout.name(), false, report.rowsRead(), report.rowsAccepted(),
                    report.rowsRejected(), null, null, located(report));
        }
        return store(layout, rows, report);
    }

    /**
     * JSON rows of an area, year and quarter (0 or null: the year), read as a CSV with the layout's headers
     * through the same reader: row 2 is the body's first row. Replaces the layout's rows of that scope.
     */
    @Transactional
    public FormInputResult put(String layoutName, String rawArea, int year, Integer quarter,
            List<Map<String, Object>> body) {
        Layout layout = layout(layoutName);
        String area = AreaCodeParam.normalize(rawArea);
        AreaAccess.require(scope, area);
        if (body.isEmpty()) {
            // No rows: the scope is emptied.
            String kabkota = kabkotaOf(area);
            int q = quarter == null ? 0 : quarter;
            int removed = inputs.replace(layout.name(), List.of(new FormInputRepository.Scope(area, year, q)), List.of(),
                    scope.subject());
            changes.kind(CHANGE_KIND, layout.name());
            versions.bump(kabkota, year);
            return new FormInputResult(layout.name(), true, 0, 0, 0, removed,
                    List.of(new FormInputResult.ScopeDto(area, year, q)), null);
        }
        StringBuilder csv = new StringBuilder();
        List<ColumnSpec> cols = layout.columns();
        for (int i = 0; i < cols.size(); i++) {
            csv.append(i == 0 ? "" : ";").append(quote(cols.get(i).header()));
        }
        csv.append('\n');
        for (Map<String, Object> row : body) {
            for (int i = 0; i < cols.size(); i++) {
                String f = cols.get(i).field();
                Object v = switch (f) {
                    case "area" -> area;
                    case "year" -> row.getOrDefault("year", year);
                    case "quarter" -> quarter == null || quarter == 0 ? null : quarter;
                    default -> row.get(f);
                };
                csv.append(i == 0 ? "" : ";").append(v == null ? "" : quote(text(v)));
            }
            csv.append('\n');
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("spm-form-input-", ".csv");
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            return importFile(layout.name(), tmp, layout.name() + ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a temporary file; the OS cleans it
                }
            }
        }
    }

    /** The stored rows of a layout for an area (and the areas below it) and year. */
    public List<FormInputResult.InputRow> list(String layoutName, String rawArea, int year) {
        Layout layout = layout(layoutName);
        String area = AreaCodeParam.normalize(rawArea);
        AreaAccess.require(scope, area);
        return rows(layout.name(), area, year, null).stream().map(r -> new FormInputResult.InputRow(r.areaCode(),
                r.year(), r.quarter(), values(r))).toList();
    }

    /**
     * The rows of a layout for an area's district and year, of the area and the areas below it; from a
     * submission's frozen inputs when {@code submissionId} is given.
     */
    public List<FormInputRepository.Row> rows(String layout, String area, int year, Long submissionId) {
        if (!AreaCodeParam.isPuskesmas(area) && (area.equals(AreaCodeParam.NATIONAL) || AreaCodeParam.level(area) < 2)) {
            // Inputs are kept per district and below: a province's forms show none.
            return List.of();
        }
        String kabkota = kabkotaOf(area);
        List<FormInputRepository.Row> all = submissionId == null ? inputs.rows(kabkota, layout, year, allAreas(kabkota))
                : inputs.frozenRows(submissionId, kabkota, layout, year, allAreas(kabkota));
        return all.stream().filter(r -> r.areaCode().equals(area) || below(r.areaCode(), area)).toList();
    }

    public Map<String, Object> values(FormInputRepository.Row r) {
        try {
            return mapper.readValue(r.payload(), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form input is not JSON", e);
        }
    }

    private boolean below(String code, String area) {
        if (AreaCodeParam.isPuskesmas(code)) {
            String kec = registry.kecamatanOf(code);
            return kec != null && (kec.equals(area) || kec.startsWith(area + "."));
        }
        return code.startsWith(area + ".");
    }

    private Set<String> allAreas(String kabkota) {
        // Every code of the district an input may carry: kept simple, the filter below narrows it.
        Set<String> out = new TreeSet<>();
        out.add(kabkota);
        registry.inDistrict(kabkota).forEach(p -> {
            out.add(p.code);
            out.add(p.kecamatanCode);
        });
        return out;
    }

    private String kabkotaOf(String area) {
        if (AreaCodeParam.isPuskesmas(area)) {
            return registry.find(area).map(p -> p.kabkotaCode).orElseThrow(
                    () -> ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + area + "."));
        }
        if (area.equals(AreaCodeParam.NATIONAL) || AreaCodeParam.level(area) < 2) {
            throw ApiException.badRequest("NOT_A_DISTRICT_AREA",
                    area + " is not within one kab/kota; form inputs are kept per district, kecamatan or Puskesmas.");
        }
        return AreaCodeParam.kabkota(area);
    }

    private FormInputResult store(Layout layout, List<Accepted.InputRow> rows, Report report) {
        Map<FormInputRepository.Scope, Boolean> scopes = new LinkedHashMap<>();
        List<FormInputRepository.Row> out = new ArrayList<>();
        Set<String> districtYears = new LinkedHashSet<>();
        int ord = 0;
        for (Accepted.InputRow r : rows) {
            int quarter = r.values().get("quarter") instanceof Number n ? n.intValue() : 0;
            String kabkota = r.kabkotaCode();
            scopes.put(new FormInputRepository.Scope(r.areaCode(), r.year(), quarter), true);
            districtYears.add(kabkota + "|" + r.year());
            Map<String, Object> values = new LinkedHashMap<>(r.values());
            values.remove("area");
            values.remove("year");
            values.remove("quarter");
            out.add(new FormInputRepository.Row(kabkota, r.areaCode(), r.year(), quarter, layout.name(), r.naturalKey(),
                    ord++, json(values)));
        }
        int replaced = inputs.replace(layout.name(), scopes.keySet(), out, scope.subject());
        if (!districtYears.isEmpty()) {
            changes.kind(CHANGE_KIND, layout.name());
        }
        for (String dy : districtYears) {
            String[] p = dy.split("\\|");
            versions.bump(p[0], Integer.parseInt(p[1]));
        }
        return new FormInputResult(layout.name(), true, report.rowsRead(), report.rowsAccepted(), 0, replaced,
                scopes.keySet().stream()
                        .map(s -> new FormInputResult.ScopeDto(s.areaCode(), s.year(), s.quarter())).toList(),
                null);
    }

    private Set<String> registeredCodes() {
        Set<String> codes = new TreeSet<>();
        registry.all().forEach(p -> codes.add(p.code));
        return codes;
    }

    private String json(Map<String, Object> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LocatedError> located(Report report) {
        List<LocatedError> out = new ArrayList<>();
        if (report.errors() != null) {
            for (ErrorGroup g : report.errors()) {
                for (CellError e : g.errors()) {
                    out.add(new LocatedError(e.code().name(), e.sheet(), e.row(), e.column(), e.header(), e.value(),
                            e.reason()));
                }
            }
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
