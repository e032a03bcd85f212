package id.spm.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import id.spm.ingest.header.Binding;
import id.spm.ingest.header.HeaderMatch;
import id.spm.ingest.header.HeaderSearch;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.layout.RowKind;
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
import id.spm.ingest.read.PrefetchingSheetReader;
import id.spm.ingest.read.SheetReader;
import id.spm.ingest.read.SheetReaders;
import id.spm.ingest.read.SheetRow;
import id.spm.ingest.read.XlsxSheetReader;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.ErrorTally;
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
 * With {@link Options#threads()} above 1, the caller's thread reads the rows (an xlsx's through a
 * {@link PrefetchingSheetReader}, a few batches ahead on a thread of its own) and hands them in batches
 * to parsing threads (parse, validate, key, map: each row alone), then takes the batches back in file
 * order and does what depends on the rows before (duplicates, counts, errors, the sink) itself: the sink,
 * the report and its located errors are the same as with one thread, row for row, and at most a few
 * batches per thread are in flight.
 *
 * <p>
 * A sink that needs all-or-nothing semantics (the API) writes into a transaction and commits only
 * when {@link #read} returns; a {@link FileRefusedException} mid-file means roll back.
 */
public final class Ingestor {

    /** Rows examined for the header: real exports put a handful of title rows above it. */
    public static final int HEADER_SEARCH_ROWS = HeaderSearch.ROWS;

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
    public record Options(String layout, LocalDate today, int threads) {
        public Options {
            Objects.requireNonNull(today, "today");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        /** One thread: the rows are parsed on the caller's. */
        public Options(String layout, LocalDate today) {
            this(layout, today, 1);
        }

        /** The same read with {@code n} parsing threads. */
        public Options withThreads(int n) {
            return new Options(layout, today, n);
        }
    }

    /** Rows handed to a parsing thread at a time. */
    static final int PARSE_BATCH = 256;

    /** Batches of {@link #PARSE_BATCH} rows an xlsx's reading thread may read ahead of the settling thread. */
    static final int READ_AHEAD_BATCHES = 4;

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
                options.today(), sink, progress, options.threads());
        return run.execute(claimed);
    }

    private String layoutNames() {
        List<String> names = new ArrayList<>();
        layouts.all().forEach(l -> names.add(l.name()));
        return String.join(", ", names);
    }

    /** The state of one read: rows after the header to the sink, errors to the tally, then the report. */
    private final class Run {
        private final String fileName;
        private final SheetReader reader;
        private CellParser parser;
        private final LocalDate today;
        private final Consumer<Accepted> sink;
        private final Progress progress;
        private final ErrorTally errors = new ErrorTally(limits.maxErrorsPerCode());
        private final List<String> warnings = new ArrayList<>();
        private final FileTally tally = new FileTally();
        private final LongSet keysSeen = new LongSet();
        private final AreaCheck areas = guard == null ? null : new AreaCheck(guard::covers);
        private long rowsRead;
        private long rowsAccepted;
        private long rowsRejected;
        private TitleInfo title = TitleInfo.NONE;
        private final int threads;

        Run(String fileName, SheetReader reader, CellParser parser, LocalDate today, Consumer<Accepted> sink,
                Progress progress, int threads) {
            this.threads = threads;
            this.progress = progress;
            this.fileName = fileName;
            this.reader = reader;
            this.parser = parser;
            this.today = today;
            this.sink = sink;
        }

        Report execute(Layout claimed) throws IOException {
            HeaderSearch.Found found = HeaderSearch.find(reader,
                    claimed != null ? List.of(claimed) : new ArrayList<>(layouts.all()), claimed);
            HeaderMatch header = found.header();
            title = found.title();
            if (header.layout().target() == RowKind.PUSKESMAS) {
                // The registry layout registers Puskesmas: its codes are new by nature.
                parser = parser.withPuskesmas(PuskesmasRegistry.unchecked());
            }
            Binding binding = new Binding(header);
            if (!header.duplicates().isEmpty()) {
                warnings.add("Columns repeated in the header were ignored (the first of each is read): "
                        + String.join(", ", header.duplicates()) + ".");
            }
            if (threads > 1) {
                parallel(header, binding);
            } else {
                Parsing p = new Parsing(parser, header.layout());
                SheetRow row;
                while ((row = reader.next()) != null) {
                    if (row.isBlank()) {
                        continue;
                    }
                    rowsRead++;
                    settle(row, examine(row, binding, p));
                    if (rowsRead % PROGRESS_EVERY == 0) {
                        progress.update(rowsRead, reader.bytesRead(), reader.bytesTotal());
                    }
                }
            }
            progress.update(rowsRead, reader.bytesTotal(), reader.bytesTotal());
            return report(header);
        }

        /**
         * The rows read here, examined on {@code threads} parsing threads in batches, settled here in file
         * order. A batch is settled once every batch before it is; at most two batches per thread wait.
         */
        private void parallel(HeaderMatch header, Binding binding) throws IOException {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads,
                    r -> {
                        Thread t = new Thread(r, "spm-ingest-parse");
                        t.setDaemon(true);
                        return t;
                    });
            // One parser, values and mapper per thread: a CellParser keeps caches and is not shared.
            ThreadLocal<Parsing> parsing = ThreadLocal.withInitial(() -> new Parsing(parser.fresh(), header.layout()));
            java.util.ArrayDeque<java.util.concurrent.Future<Outcome[]>> inFlight = new java.util.ArrayDeque<>();
            // An xlsx's rows are read (inflate + XML) on a thread of their own, so that this thread only hands
            // batches out and settles them (issue 13: the sheet's XML was half of this thread's time).
            PrefetchingSheetReader ahead = reader instanceof XlsxSheetReader
                    ? new PrefetchingSheetReader(reader, PARSE_BATCH, READ_AHEAD_BATCHES)
                    : null;
            SheetReader rows = ahead != null ? ahead : reader;
            try {
                List<SheetRow> batch = new ArrayList<>(PARSE_BATCH);
                SheetRow row;
                while (true) {
                    row = rows.next();
                    if (row != null && row.isBlank()) {
                        continue;
                    }
                    if (row != null) {
                        batch.add(row);
                    }
                    if (batch.size() == PARSE_BATCH || row == null && !batch.isEmpty()) {
                        List<SheetRow> toExamine = batch;
                        inFlight.add(pool.submit(() -> {
                            Parsing p = parsing.get();
                            Outcome[] out = new Outcome[toExamine.size()];
                            for (int i = 0; i < out.length; i++) {
                                out[i] = examine(toExamine.get(i), binding, p);
                            }
                            return out;
                        }));
                        batch = new ArrayList<>(PARSE_BATCH);
                        while (inFlight.size() > 2 * threads) {
                            settle(inFlight.poll());
                        }
                    }
                    if (row == null) {
                        break;
                    }
                }
                while (!inFlight.isEmpty()) {
                    settle(inFlight.poll());
                }
            } finally {
                if (ahead != null) {
                    ahead.stop();
                }
                inFlight.forEach(f -> f.cancel(true));
                pool.shutdownNow();
            }
        }

        /** Settles a batch's rows in order (waiting for its thread), rethrowing what its thread threw. */
        private void settle(java.util.concurrent.Future<Outcome[]> f) {
            Outcome[] out;
            try {
                out = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing rows", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) {
                    throw r;
                } else if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            }
            for (Outcome o : out) {
                rowsRead++;
                settle(o.row, o);
                if (rowsRead % PROGRESS_EVERY == 0) {
                    progress.update(rowsRead, reader.bytesRead(), reader.bytesTotal());
                }
            }
        }

        /** What a parsing thread keeps from row to row: its parser, the values of its row, the mapper. */
        private final class Parsing {
            final CellParser parser;
            final ParsedRow values;
            final RowMapper mapper;

            Parsing(CellParser parser, Layout layout) {
                this.parser = parser;
                this.values = new ParsedRow(layout.columns());
                this.mapper = new RowMapper(layout, keys, today);
            }
        }

        /** A row examined alone: its accepted record (before the duplicate check) or its errors. */
        private record Outcome(SheetRow row, Accepted accepted, List<CellError> errors) {
        }

        /**
         * Parses, validates, keys and maps one row, alone (nothing here depends on the rows before it, so
         * it may run on any thread): the accepted record, or the row's located errors.
         */
        private Outcome examine(SheetRow row, Binding b, Parsing w) {
            List<CellError> rowErrors = parse(row, b, w);
            Accepted accepted = null;
            if (rowErrors == null) {
                RowMapper.Result r = w.mapper.map(w.values, b, new Accepted.Location(reader.sheetName(), row.number()));
                Refusal refusal = r.problems().isEmpty() && areas != null ? refusal(r.row()) : null;
                if (refusal != null) {
                    String field = areas.fieldOf(r.row());
                    int i = b.indexOf(field);
                    Cell cell = i < 0 || b.column(i) < 0 ? null : row.cell(b.column(i));
                    String code = areas.codeOf(r.row(), field);
                    rowErrors = add(rowErrors,
                            error(refusal.code(), row, b, i, cell == null ? code : cell.text(), refusal.reason()));
                } else if (r.problems().isEmpty()) {
                    accepted = r.row();
                } else {
                    for (RowMapper.Problem p : r.problems()) {
                        int i = b.indexOf(p.field());
                        Cell cell = i < 0 || b.column(i) < 0 ? null : row.cell(b.column(i));
                        rowErrors = add(rowErrors, error(p.code(), row, b, i, cell == null ? null : cell.text(),
                                p.reason()));
                    }
                }
            }
            return new Outcome(row, accepted, rowErrors);
        }

        /** Settles an examined row, in file order: the duplicate check, the counts, the errors, the sink. */
        private void settle(SheetRow row, Outcome o) {
            Accepted accepted = o.accepted();
            List<CellError> rowErrors = o.errors();
            if (accepted != null && !keysSeen.add(LongSet.hash(dedupKey(accepted)))) {
                // The natural key of an event row holds dates and codes, never the NIK.
                rowErrors = add(rowErrors, new CellError(ErrorCode.DUPLICATE_ROW, reader.sheetName(), row.number(),
                        null, null, null, "The same record (" + accepted.naturalKey()
                                + ") appears earlier in the file; remove one of the two."));
                accepted = null;
            }
            if (rowErrors != null) {
                rowsRejected++;
                rowErrors.forEach(errors::add);
                return;
            }
            rowsAccepted++;
            tally.add(accepted);
            sink.accept(accepted);
        }

        /** Parses the row's cells into the thread's values; the cells' errors, or {@code null}. */
        private List<CellError> parse(SheetRow row, Binding b, Parsing w) {
            ParsedRow values = w.values;
            CellParser parser = w.parser;
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
            return rowErrors;
        }

        /** Why the guard refuses a row, or {@code null}. */
        private Refusal refusal(Accepted a) {
            if (a instanceof Accepted.PuskesmasRow p) {
                return guard.placementRefusal(p.info().code(), p.info().kecamatanCode());
            }
            String field = areas.outsideField(a);
            return field == null ? null
                    : new Refusal(ErrorCode.AREA_NOT_COVERED, areas.codeOf(a, field)
                            + " is outside the areas of your token; ask for an importer token of that area.");
        }

        private String dedupKey(Accepted a) {
            if (a instanceof Accepted.EventRow e) {
                // Per recording Puskesmas: the same visit recorded at two Puskesmas is two records (issue 8).
                return e.person().id() + "|" + e.event().puskesmas() + "|" + a.naturalKey();
            }
            return a.naturalKey();
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
            return spec.field().equals("name") && b.header().layout().target() != RowKind.PUSKESMAS;
        }

        private Report report(HeaderMatch header) {
            Map<String, String> columns = new LinkedHashMap<>();
            new TreeMap<>(header.headerText()).forEach((col, text) -> columns.put(Cell.columnLetter(col), text));
            List<String> unknown = header.unknown();
            if (!unknown.isEmpty()) {
                warnings.add(unknown.size() + " column(s) not in layout '" + header.layout().name()
                        + "' were ignored.");
            }
            return new Report(fileName, header.layout().name(), reader.sheetName(), header.row().number(), title,
                    columns, unknown, rowsRead, rowsAccepted, rowsRejected, tally.persons.size(), errors.total(),
                    errors.groups(), warnings, tally.puskesmas, tally.firstDate, tally.lastDate, tally.years, null);
        }
    }
}
