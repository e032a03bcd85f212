package id.spm.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.spm.ingest.header.Binding;
import id.spm.ingest.header.HeaderMatch;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.CellParser;
import id.spm.ingest.parse.CellProblem;
import id.spm.ingest.parse.ParsedRow;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Cell;
import id.spm.ingest.read.CsvSheetReader;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.read.FileRefusedException.Code;
import id.spm.ingest.read.Limits;
import id.spm.ingest.read.SheetReader;
import id.spm.ingest.read.SheetReaders;
import id.spm.ingest.read.SheetRow;
import id.spm.ingest.read.XlsxSheetReader;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.LongSet;
import id.spm.ingest.report.Redaction;
import id.spm.ingest.report.Report;
import id.spm.ingest.report.TitleInfo;

/**
 * Reads one export file into accepted rows and a validation report. Rows stream to the sink one at
 * a time as they are read; the ingestor keeps only counters, the first errors of each code and two
 * compact hash sets (persons, duplicate keys), so memory does not grow with the file.
 *
 * <p>
 * A sink that needs all-or-nothing semantics (the API) writes into a transaction and commits only
 * when {@link #read} returns; a {@link FileRefusedException} mid-file means roll back.
 */
public final class Ingestor {

    /** Rows examined for the header: real exports put a handful of title rows above it. */
    public static final int HEADER_SEARCH_ROWS = 50;
    private static final Pattern PUSKESMAS_CODE = Pattern.compile("\\bP\\d{10}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final LayoutRegistry layouts;
    private final Regions regions;
    private final PuskesmasRegistry puskesmas;
    private final PersonKeys keys;
    private final Limits limits;
    private final AreaGuard guard;

    /**
     * Which Puskesmas and areas the importer may write (the API's caller scope); a row outside is
     * rejected with {@link ErrorCode#AREA_NOT_COVERED}, located at the code's column.
     */
    @FunctionalInterface
    public interface AreaGuard {
        /** Whether a Puskesmas code ({@code P…}) or a dotted region code is within the importer's areas. */
        boolean covers(String puskesmasOrRegionCode);

        /**
         * Why a registry row may not place this Puskesmas in this kecamatan, or {@code null} when it may.
         * By default the kecamatan must be covered; the API adds the registry's rules (code digits, rights
         * over the kecamatan a registered Puskesmas leaves).
         */
        default Refusal placementRefusal(String puskesmasCode, String kecamatanCode) {
            return covers(kecamatanCode) ? null
                    : new Refusal(ErrorCode.AREA_NOT_COVERED, "Kecamatan " + kecamatanCode
                            + " is outside the areas of your token; ask for an importer token of that area.");
        }
    }

    /** A guard's refusal of a row: the error code and the sentence shown at the cell. */
    public record Refusal(ErrorCode code, String reason) {
    }

    /** Progress of a read, reported every {@value #PROGRESS_EVERY} rows and at the end. */
    @FunctionalInterface
    public interface Progress {
        void update(long rowsRead, long bytesRead, long bytesTotal);
    }

    /** Rows between two progress reports. */
    public static final int PROGRESS_EVERY = 4096;

    /**
     * @param regions the Kemendagri list, or {@code null} to check codes by shape only
     * @param puskesmas the registered Puskesmas ({@link PuskesmasRegistry#unchecked()} offline)
     */
    public Ingestor(LayoutRegistry layouts, Regions regions, PuskesmasRegistry puskesmas, PersonKeys keys,
            Limits limits) {
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        this.regions = regions;
        this.puskesmas = Objects.requireNonNull(puskesmas, "puskesmas");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = null;
    }

    /** The same, rejecting rows outside the importer's areas ({@code guard}). */
    public Ingestor(LayoutRegistry layouts, Regions regions, PuskesmasRegistry puskesmas, PersonKeys keys,
            Limits limits, AreaGuard guard) {
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        this.regions = regions;
        this.puskesmas = Objects.requireNonNull(puskesmas, "puskesmas");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Options of one read.
     *
     * @param layout the layout the caller claims, or {@code null} to detect it from the header
     * @param today the day of import (dates after it are rejected)
     */
    public record Options(String layout, LocalDate today) {
        public Options {
            Objects.requireNonNull(today, "today");
        }
    }

    /**
     * Reads a file.
     *
     * @param file the file on disk
     * @param fileName the user's name for it (extension, CSV sheet name, report)
     * @param sink receives each accepted row, in file order
     * @return the report
     * @throws FileRefusedException when the whole file is refused
     */
    public Report read(Path file, String fileName, Options options, Consumer<Accepted> sink) throws IOException {
        return read(file, fileName, options, sink, (rows, bytes, total) -> {
        });
    }

    /** {@link #read(Path, String, Options, Consumer)} reporting progress as it goes. */
    public Report read(Path file, String fileName, Options options, Consumer<Accepted> sink, Progress progress)
            throws IOException {
        Objects.requireNonNull(progress, "progress");
        Layout claimed = null;
        if (options.layout() != null && !options.layout().isBlank()) {
            claimed = layouts.find(options.layout()).orElseThrow(() -> new FileRefusedException(Code.UNKNOWN_LAYOUT,
                    "There is no layout '" + options.layout() + "'; known layouts: " + layoutNames() + "."));
        }
        String sheet = claimed == null ? null : claimed.sheet();
        try (SheetReader reader = SheetReaders.open(file, fileName, sheet, limits)) {
            try {
                return run(reader, fileName, options, sink, progress, claimed);
            } catch (FileRefusedException e) {
                if (!(reader instanceof CsvSheetReader csv)
                        || e.code() != Code.NO_HEADER && e.code() != Code.LAYOUT_MISMATCH) {
                    throw e;
                }
                // No header with the delimiter guessed from the text: the other one decides, if its
                // split of the file gives a layout's header (no row has gone to the sink yet).
                try (CsvSheetReader other = csv.withOtherDelimiter()) {
                    return run(other, fileName, options, sink, progress, claimed);
                } catch (FileRefusedException second) {
                    if (second.code() == Code.NO_HEADER || second.code() == Code.LAYOUT_MISMATCH) {
                        throw e;
                    }
                    throw second;
                }
            }
        }
    }

    private Report run(SheetReader reader, String fileName, Options options, Consumer<Accepted> sink,
            Progress progress, Layout claimed) throws IOException {
        boolean date1904 = reader instanceof XlsxSheetReader x && x.date1904();
        Run run = new Run(fileName, reader, new CellParser(options.today(), regions, puskesmas, date1904),
                options.today(), sink, progress);
        return run.execute(claimed);
    }

    private String layoutNames() {
        List<String> names = new ArrayList<>();
        layouts.all().forEach(l -> names.add(l.name()));
        return String.join(", ", names);
    }

    /** The state of one read. */
    private final class Run {
        private final String fileName;
        private final SheetReader reader;
        private CellParser parser;
        private final LocalDate today;
        private final Consumer<Accepted> sink;
        private final Progress progress;
        private final Map<ErrorCode, List<CellError>> errors = new EnumMap<>(ErrorCode.class);
        private final Map<ErrorCode, Long> errorCounts = new EnumMap<>(ErrorCode.class);
        private final List<String> warnings = new ArrayList<>();
        private final LongSet persons = new LongSet();
        private final LongSet keysSeen = new LongSet();
        private final SortedSet<String> puskesmasSeen = new TreeSet<>();
        private final SortedSet<Integer> years = new TreeSet<>();
        private LocalDate firstDate;
        private LocalDate lastDate;
        private long rowsRead;
        private long rowsAccepted;
        private long rowsRejected;
        private long errorCount;
        private TitleInfo title = TitleInfo.NONE;
        /** The values of the row being read, reused from row to row. */
        private ParsedRow values;

        Run(String fileName, SheetReader reader, CellParser parser, LocalDate today, Consumer<Accepted> sink,
                Progress progress) {
            this.progress = progress;
            this.fileName = fileName;
            this.reader = reader;
            this.parser = parser;
            this.today = today;
            this.sink = sink;
        }

        Report execute(Layout claimed) throws IOException {
            List<SheetRow> above = new ArrayList<>();
            HeaderMatch header = null;
            HeaderMatch closest = null;
            SheetRow row;
            while (header == null && above.size() < HEADER_SEARCH_ROWS && (row = reader.next()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                TitleInfo t = titleOf(above);
                List<Layout> candidates = claimed != null ? List.of(claimed) : new ArrayList<>(layouts.all());
                for (Layout l : candidates) {
                    HeaderMatch m = HeaderMatch.of(l, row, t.puskesmas() != null);
                    if (m.fits() && (header == null || m.score() > header.score())) {
                        header = m;
                    }
                    if (closest == null || m.score() - m.missing().size() > closest.score() - closest.missing().size()) {
                        closest = m;
                    }
                }
                if (header == null) {
                    above.add(row);
                } else {
                    title = t;
                }
            }
            if (header == null) {
                throw noHeader(claimed, closest);
            }
            if (header.layout().target() == id.spm.ingest.layout.Target.PUSKESMAS) {
                // The registry layout registers Puskesmas: its codes are new by nature.
                parser = parser.withPuskesmas(PuskesmasRegistry.unchecked());
            }
            Binding binding = new Binding(header);
            if (!header.duplicates().isEmpty()) {
                warnings.add("Columns repeated in the header were ignored (the first of each is read): "
                        + String.join(", ", header.duplicates()) + ".");
            }
            RowMapper mapper = new RowMapper(header.layout(), keys, today);
            values = new ParsedRow(header.layout().columns());
            while ((row = reader.next()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                rowsRead++;
                process(row, binding, mapper);
                if (rowsRead % PROGRESS_EVERY == 0) {
                    progress.update(rowsRead, reader.bytesRead(), reader.bytesTotal());
                }
            }
            progress.update(rowsRead, reader.bytesTotal(), reader.bytesTotal());
            return report(header);
        }

        private FileRefusedException noHeader(Layout claimed, HeaderMatch closest) {
            String hint = closest == null ? ""
                    : " The closest is layout '" + closest.layout().name() + "' (row " + closest.row().number()
                            + "), missing: " + String.join(", ", closest.missing()) + ".";
            if (claimed != null) {
                return new FileRefusedException(Code.LAYOUT_MISMATCH, "No row in the first " + HEADER_SEARCH_ROWS
                        + " is the header of layout '" + claimed.name() + "'." + hint);
            }
            return new FileRefusedException(Code.NO_HEADER,
                    "No row in the first " + HEADER_SEARCH_ROWS + " matches the header of a known layout." + hint);
        }

        private TitleInfo titleOf(List<SheetRow> rows) {
            String pkm = null;
            Integer year = null;
            Integer month = null;
            for (SheetRow r : rows) {
                for (Cell c : r.cells()) {
                    String s = c.text();
                    if (pkm == null) {
                        Matcher m = PUSKESMAS_CODE.matcher(s);
                        if (m.find()) {
                            pkm = m.group();
                        }
                    }
                    if (year == null) {
                        Matcher m = YEAR.matcher(s);
                        if (m.find()) {
                            year = Integer.valueOf(m.group(1));
                        }
                    }
                    if (month == null) {
                        Matcher m = WORD.matcher(s);
                        while (m.find()) {
                            int mo = CellParser.month(m.group());
                            // Short forms like "mar" or "des" are too ambiguous in free title text.
                            if (mo > 0 && m.group().length() >= 3 && isMonthWord(m.group())) {
                                month = mo;
                                break;
                            }
                        }
                    }
                }
            }
            return new TitleInfo(pkm, year, month);
        }

        private boolean isMonthWord(String w) {
            return w.length() > 4 || w.equalsIgnoreCase("mei") || w.equalsIgnoreCase("juni") || w.equalsIgnoreCase("juli");
        }

        private void process(SheetRow row, Binding b, RowMapper mapper) {
            values.clear();
            List<CellError> rowErrors = null;
            for (int i = 0; i < b.size(); i++) {
                ColumnSpec spec = b.spec(i);
                int col = b.column(i);
                Cell cell = col < 0 ? null : row.cell(col);
                if (cell == null || cell.isBlank() && cell.kind() != Cell.Kind.FORMULA) {
                    if (spec.titleFallback() && title.puskesmas() != null) {
                        cell = new Cell(Math.max(col, 0), title.puskesmas(), Cell.Kind.TEXT);
                    } else {
                        if (spec.cellRequired()) {
                            rowErrors = add(rowErrors, error(ErrorCode.REQUIRED_MISSING, row, b, i, null,
                                    spec.header() + " is required and is blank."));
                        }
                        continue;
                    }
                }
                try {
                    parser.parse(spec, cell, values, i);
                } catch (CellProblem p) {
                    rowErrors = add(rowErrors, error(p.code(), row, b, i, cell.text(), p.reason()));
                }
            }
            Accepted accepted = null;
            if (rowErrors == null) {
                RowMapper.Result r = mapper.map(values, b, new Accepted.Location(reader.sheetName(), row.number()));
                Refusal refusal = r.problems().isEmpty() && guard != null ? refusal(r.row()) : null;
                if (refusal != null) {
                    String field = r.row() instanceof Accepted.PuskesmasRow ? "kecamatan" : outsideField(r.row());
                    int i = b.indexOf(field);
                    Cell cell = i < 0 || b.column(i) < 0 ? null : row.cell(b.column(i));
                    String code = codeOf(r.row(), field);
                    rowErrors = add(rowErrors,
                            error(refusal.code(), row, b, i, cell == null ? code : cell.text(), refusal.reason()));
                } else if (r.problems().isEmpty()) {
                    accepted = r.row();
                    if (!keysSeen.add(LongSet.hash(dedupKey(accepted)))) {
                        rowErrors = add(rowErrors, new CellError(ErrorCode.DUPLICATE_ROW, reader.sheetName(),
                                row.number(), null, null, null, "The same record (" + describe(accepted)
                                        + ") appears earlier in the file; remove one of the two."));
                        accepted = null;
                    }
                } else {
                    for (RowMapper.Problem p : r.problems()) {
                        int i = b.indexOf(p.field());
                        Cell cell = i < 0 || b.column(i) < 0 ? null : row.cell(b.column(i));
                        rowErrors = add(rowErrors, error(p.code(), row, b, i, cell == null ? null : cell.text(),
                                p.reason()));
                    }
                }
            }
            if (rowErrors != null) {
                rowsRejected++;
                for (CellError e : rowErrors) {
                    record(e);
                }
                return;
            }
            rowsAccepted++;
            track(accepted);
            sink.accept(accepted);
        }

        /** Why the guard refuses a row, or {@code null}. */
        private Refusal refusal(Accepted a) {
            if (a instanceof Accepted.PuskesmasRow p) {
                return guard.placementRefusal(p.info().code(), p.info().kecamatanCode());
            }
            String field = outsideField(a);
            return field == null ? null
                    : new Refusal(ErrorCode.AREA_NOT_COVERED, codeOf(a, field)
                            + " is outside the areas of your token; ask for an importer token of that area.");
        }

        /** The layout field whose code lies outside the importer's areas, or {@code null}. */
        private String outsideField(Accepted a) {
            if (a instanceof Accepted.EventRow e) {
                return guard.covers(e.event().puskesmas()) ? null : "puskesmas";
            } else if (a instanceof Accepted.CountRow c) {
                return guard.covers(c.count().puskesmas()) ? null : "puskesmas";
            } else if (a instanceof Accepted.TargetRow t) {
                return guard.covers(t.areaCode()) ? null : "area";
            } else if (a instanceof Accepted.PopulationRow p) {
                return guard.covers(p.areaCode()) ? null : "area";
            } else if (a instanceof Accepted.QualityRow q) {
                return guard.covers(q.areaCode()) ? null : "area";
            }
            return null;
        }

        private String codeOf(Accepted a, String field) {
            if (a instanceof Accepted.EventRow e) {
                return e.event().puskesmas();
            } else if (a instanceof Accepted.CountRow c) {
                return c.count().puskesmas();
            } else if (a instanceof Accepted.TargetRow t) {
                return t.areaCode();
            } else if (a instanceof Accepted.PopulationRow p) {
                return p.areaCode();
            } else if (a instanceof Accepted.QualityRow q) {
                return q.areaCode();
            } else if (a instanceof Accepted.PuskesmasRow p) {
                return p.info().kecamatanCode();
            }
            return field;
        }

        private String dedupKey(Accepted a) {
            if (a instanceof Accepted.EventRow e) {
                // Per recording Puskesmas: the same visit recorded at two Puskesmas is two records (issue 8).
                return e.person().id() + "|" + e.event().puskesmas() + "|" + a.naturalKey();
            }
            return a.naturalKey();
        }

        private String describe(Accepted a) {
            // The natural key of an event row holds dates and codes, never the NIK.
            return a.naturalKey();
        }

        private void track(Accepted a) {
            if (a instanceof Accepted.EventRow e) {
                persons.add(Long.parseUnsignedLong(e.person().id().substring(0, 16), 16));
                puskesmasSeen.add(e.event().puskesmas());
                LocalDate d = e.event().date();
                if (firstDate == null || d.isBefore(firstDate)) {
                    firstDate = d;
                }
                if (lastDate == null || d.isAfter(lastDate)) {
                    lastDate = d;
                }
                years.add(d.getYear());
            } else if (a instanceof Accepted.CountRow c) {
                puskesmasSeen.add(c.count().puskesmas());
                years.add(c.count().year());
            } else if (a instanceof Accepted.TargetRow t) {
                years.add(t.year());
            } else if (a instanceof Accepted.PopulationRow p) {
                years.add(p.year());
            } else if (a instanceof Accepted.QualityRow q) {
                years.add(q.year());
            } else if (a instanceof Accepted.PuskesmasRow p) {
                puskesmasSeen.add(p.info().code());
            }
        }

        private List<CellError> add(List<CellError> list, CellError e) {
            List<CellError> l = list == null ? new ArrayList<>(2) : list;
            l.add(e);
            return l;
        }

        private CellError error(ErrorCode code, SheetRow row, Binding b, int i, String raw, String reason) {
            String letter = null;
            String header = null;
            String value = raw;
            if (i >= 0) {
                ColumnSpec spec = b.spec(i);
                int col = b.column(i);
                letter = col < 0 ? null : Cell.columnLetter(col);
                header = col < 0 ? spec.header() : b.header().headerText().get(col);
                if (spec.type() == ColumnType.NIK) {
                    value = CellParser.maskNik(raw);
                } else if (isPersonName(spec, b)) {
                    value = Redaction.truncateName(raw);
                }
                // Whatever the column, CellError masks any run of 16 digits in value and reason.
            }
            return new CellError(code, reader.sheetName(), row.number(), letter, header, value, reason);
        }

        /** A column holding a person's name: its values are cut short in error reports. */
        private boolean isPersonName(ColumnSpec spec, Binding b) {
            return spec.field().equals("name")
                    && b.header().layout().target() != id.spm.ingest.layout.Target.PUSKESMAS;
        }

        private void record(CellError e) {
            errorCount++;
            errorCounts.merge(e.code(), 1L, Long::sum);
            List<CellError> l = errors.computeIfAbsent(e.code(), k -> new ArrayList<>());
            if (l.size() < limits.maxErrorsPerCode()) {
                l.add(e);
            }
        }

        private Report report(HeaderMatch header) {
            List<ErrorGroup> groups = new ArrayList<>();
            errors.forEach((code, list) -> groups.add(new ErrorGroup(code, code.title(), errorCounts.get(code), list)));
            Map<String, String> columns = new LinkedHashMap<>();
            new TreeMap<>(header.headerText()).forEach((col, text) -> columns.put(Cell.columnLetter(col), text));
            List<String> unknown = header.unknown();
            if (!unknown.isEmpty()) {
                warnings.add(unknown.size() + " column(s) not in layout '" + header.layout().name()
                        + "' were ignored.");
            }
            return new Report(fileName, header.layout().name(), reader.sheetName(), header.row().number(), title,
                    columns, unknown, rowsRead, rowsAccepted, rowsRejected, persons.size(), errorCount, groups,
                    warnings, puskesmasSeen, firstDate, lastDate, years, null);
        }
    }
}
