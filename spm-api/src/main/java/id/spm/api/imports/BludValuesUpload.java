package id.spm.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.Puskesmas;
import id.spm.api.error.ApiException;
import id.spm.api.model.BludCatalog;
import id.spm.api.model.BludCatalog.BludIndicator;
import id.spm.api.model.BludUpload;
import id.spm.api.repository.BludCatalogRepository.ValueRow;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.security.CallerScope;
import id.spm.api.service.BludCatalogService;
import id.spm.ingest.Accepted;
import id.spm.ingest.Ingestor;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.layout.Names;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.Report;

/**
 * Catalog values from a file (survey results, registers), read synchronously by the import machinery: spm-ingest's
 * readers, the data layout {@code blud-capaian} ({@code /layouts-catalog/blud-capaian.json}, kept out of the
 * built-ins so import jobs never detect it) and its cell parser, with the importer's area guard. Cells the layout
 * rejects and rows the catalog rejects (unknown or COMPUTED indicator, no target for the year, a value impossible
 * in the unit, a Puskesmas outside the catalog's region) are located the same way (sheet, row, column, header,
 * value, reason). All or nothing: any rejected row stores nothing.
 */
@ApplicationScoped
public class BludValuesUpload {

    public static final String LAYOUT = "blud-capaian";
    static final LayoutRegistry LAYOUTS = LayoutRegistry.ofResources("/layouts-catalog/" + LAYOUT + ".json");

    private final BludCatalogService catalogs;
    private final PuskesmasRepository registry;
    private final ImportSettings settings;
    private final CallerScope scope;

    public BludValuesUpload(BludCatalogService catalogs, PuskesmasRepository registry, ImportSettings settings,
            CallerScope scope) {
        this.catalogs = catalogs;
        this.registry = registry;
        this.settings = settings;
        this.scope = scope;
    }

    public BludUpload upload(String id, Path file, String fileName) {
        BludCatalog c = catalogs.get(id);
        Map<String, Puskesmas> known = new HashMap<>();
        Ingestor ingestor = new Ingestor(LAYOUTS, settings.regions(),
                code -> known.computeIfAbsent(code, k -> registry.find(k).orElse(null)) != null, settings.personKeys(),
                settings.limits(), code -> scope.covers(code));
        List<Accepted.CatalogValueRow> rows = new ArrayList<>();
        Report report;
        try {
            report = ingestor.read(file, fileName, new Ingestor.Options(LAYOUT, LocalDate.now()), a -> {
                if (a instanceof Accepted.CatalogValueRow r) {
                    rows.add(r);
                }
            });
        } catch (FileRefusedException e) {
            throw ApiException.badRequest(e.code().name(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Layout layout = LAYOUTS.find(LAYOUT).orElseThrow();
        Map<String, String> letters = letters(layout, report.columns());
        Map<String, BludIndicator> byCode = BludCatalogService.indicators(c);
        Map<ErrorCode, List<CellError>> rejected = new LinkedHashMap<>();
        List<ValueRow> accepted = new ArrayList<>();
        Map<String, List<ValueRow>> byDistrict = new LinkedHashMap<>();
        long rowsRejected = report.rowsRejected();
        for (Accepted.CatalogValueRow r : rows) {
            // Nilai as typed, or Pembilang ÷ Penyebut for a % or per-100,000 indicator (the PUT's one rule).
            BludCatalogService.Resolved resolved = BludCatalogService.resolve(
                    byCode.get(r.indicator() == null ? null : r.indicator().strip()), r.value(), r.numerator(),
                    r.denominator());
            CellError e = check(c, r, resolved, byCode, known.get(r.puskesmas()), letters);
            if (e != null) {
                rejected.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
                rowsRejected++;
                continue;
            }
            ValueRow v = new ValueRow(r.puskesmas(), r.year(), r.indicator().strip(), resolved.value(),
                    r.note() == null || r.note().isBlank() ? null : r.note().strip(), r.numerator(), r.denominator(),
                    null, null);
            accepted.add(v);
            byDistrict.computeIfAbsent(known.get(r.puskesmas()).kabkotaCode, k -> new ArrayList<>()).add(v);
        }
        List<ErrorGroup> errors = merge(report.errors(), rejected, settings.limits().maxErrorsPerCode());
        if (rowsRejected > 0) {
            return new BludUpload(c.id(), fileName, LAYOUT, report.rowsRead(), report.rowsRead() - rowsRejected,
                    rowsRejected, 0, "ROWS_REJECTED", errors);
        }
        catalogs.storeUploaded(c, byDistrict);
        return new BludUpload(c.id(), fileName, LAYOUT, report.rowsRead(), accepted.size(), 0, accepted.size(), null,
                errors);
    }

    /** Why the catalog rejects a row the layout accepted, located at its cell; {@code null} when it is fine. */
    private static CellError check(BludCatalog c, Accepted.CatalogValueRow r, BludCatalogService.Resolved resolved,
            Map<String, BludIndicator> byCode, Puskesmas p, Map<String, String> letters) {
        String sheet = r.location().sheet();
        int row = r.location().row();
        if (r.catalog() != null && !r.catalog().isBlank() && !r.catalog().strip().equals(c.id())) {
            return new CellError(ErrorCode.INVALID_VALUE, sheet, row, letters.get("catalog"), "Katalog", r.catalog(),
                    "This row is of catalog '" + r.catalog().strip() + "', the file is uploaded to " + c.id() + ".");
        }
        if (p == null || !AreaCodeParam.within(p.kabkotaCode, c.region())) {
            return new CellError(ErrorCode.INVALID_VALUE, sheet, row, letters.get("puskesmas"), "Kode Puskesmas",
                    r.puskesmas(), "Puskesmas " + r.puskesmas() + " is registered in "
                            + (p == null ? "no district" : p.kabkotaCode) + "; catalog " + c.id() + " is of " + c.region()
                            + ".");
        }
        String code = r.indicator() == null ? null : r.indicator().strip();
        if (resolved.reason() != null) {
            boolean counts = r.value() == null;
            return new CellError(ErrorCode.INCONSISTENT_ROW, sheet, row, letters.get(counts ? "numerator" : "value"),
                    counts ? "Pembilang" : "Nilai", counts ? String.valueOf(r.numerator()) : r.value().toPlainString(),
                    resolved.reason());
        }
        BludCatalogService.ValueProblem problem = BludCatalogService.problem(byCode.get(code), code, r.year(),
                resolved.value(), r.note());
        if (problem == null) {
            return null;
        }
        return switch (problem.field()) {
            case "value" -> r.value() == null && r.numerator() == null
                    ? new CellError(ErrorCode.REQUIRED_MISSING, sheet, row, letters.get("value"), "Nilai", null,
                            "Give Nilai, or Pembilang and Penyebut (" + problem.reason() + ")")
                    : new CellError(ErrorCode.OUT_OF_RANGE, sheet, row, letters.get(r.value() == null ? "numerator" : "value"),
                            r.value() == null ? "Pembilang" : "Nilai",
                            r.value() == null ? r.numerator() + "/" + r.denominator() : r.value().toPlainString(),
                            problem.reason());
            case "note" -> new CellError(ErrorCode.OUT_OF_RANGE, sheet, row, letters.get("note"), "Keterangan", null,
                    problem.reason());
            default -> new CellError(ErrorCode.INVALID_VALUE, sheet, row, letters.get("indicator"), "Kode Indikator",
                    code, problem.reason());
        };
    }

    /** The column letter of each field of the layout, from the file's header. */
    private static Map<String, String> letters(Layout layout, Map<String, String> columns) {
        Map<String, String> out = new HashMap<>();
        if (columns == null) {
            return out;
        }
        columns.forEach((letter, header) -> {
            String n = Names.normalise(header);
            for (ColumnSpec spec : layout.columns()) {
                Set<String> names = spec.names();
                if (names.contains(n) && !out.containsKey(spec.field())) {
                    out.put(spec.field(), letter);
                }
            }
        });
        return out;
    }

    /** The layout's error groups and the catalog's, one group per code, each keeping its first examples. */
    private static List<ErrorGroup> merge(List<ErrorGroup> read, Map<ErrorCode, List<CellError>> catalog, int max) {
        Map<ErrorCode, ErrorGroup> out = new LinkedHashMap<>();
        for (ErrorGroup g : read == null ? List.<ErrorGroup> of() : read) {
            out.put(g.code(), g);
        }
        catalog.forEach((code, list) -> {
            ErrorGroup g = out.get(code);
            List<CellError> examples = new ArrayList<>(g == null ? List.of() : g.errors());
            for (CellError e : list) {
                if (examples.size() < max) {
                    examples.add(e);
                }
            }
            out.put(code, new ErrorGroup(code, g == null ? code.title() : g.title(),
                    (g == null ? 0 : g.count()) + list.size(), examples));
        });
        return List.copyOf(out.values());
    }
}
