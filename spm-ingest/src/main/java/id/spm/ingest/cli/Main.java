package id.spm.ingest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.spm.ingest.Accepted;
import id.spm.ingest.Ingestor;
import id.spm.ingest.gen.SampleFiles;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.read.Limits;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spm-ingest}: check files offline, list layouts, upload files to the service, generate test
 * data. Exit codes: 0 everything accepted, 1 some rows rejected, 2 a file refused or the import
 * failed, 3 usage or connection error.
 */
@Command(name = "spm-ingest", mixinStandardHelpOptions = true, version = "spm-ingest 0.1.0", description = "Reads ASIK and e-Kohort exports (xlsx/csv) for SPM Kesehatan.", subcommands = {
        Main.Check.class, Main.Layouts.class, Main.Import.class, Main.Generate.class })
public final class Main implements Runnable {

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int REFUSED = 2;
    static final int ERROR = 3;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** The environment variable holding the importer's token. */
    public static final String TOKEN_ENV = "SPM_TOKEN";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    java.util.function.Function<String, String> env = System::getenv;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(System::getenv, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same with the environment and the output streams given (for tests). */
    public static int run(java.util.function.Function<String, String> env, PrintWriter out, PrintWriter err,
            String... args) {
        Main main = new Main();
        main.env = env;
        CommandLine cl = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("spm-ingest: " + e.getMessage());
            return ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static LayoutRegistry layouts(Path dir) {
        return dir == null ? LayoutRegistry.builtIn() : LayoutRegistry.withDirectory(dir);
    }

    @Command(name = "check", description = "Validate files offline and print the same report the service gives.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;
        @Option(names = "--layout", description = "Layout to use (default: detected from the header).")
        String layout;
        @Option(names = "--layouts-dir", description = "Directory of the region's own layout files (*.json).")
        Path layoutsDir;
        @Option(names = "--regions", description = "Kemendagri region list CSV (default: the one in the jar).")
        Path regions;
        @Option(names = "--puskesmas", description = "A file in layout 'puskesmas' registering the district's Puskesmas (default: codes are checked by shape only).")
        Path puskesmas;
        @Option(names = "--today", description = "Day of import (default: today).")
        LocalDate today;
        @Option(names = "--max-file-size", description = "Upload limit in MB (default: ${DEFAULT-VALUE}).")
        long maxMb = 512;
        @Option(names = "--examples", description = "Errors shown per code (default: ${DEFAULT-VALUE}).")
        int examples = 10;
        @Option(names = "--json", description = "Print the reports as JSON.")
        boolean json;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            LayoutRegistry reg = layouts(layoutsDir);
            Regions rg = regions == null ? Regions.builtIn() : Regions.load(regions);
            LocalDate day = today == null ? LocalDate.now() : today;
            Limits limits = Limits.defaults().withMaxFileBytes(maxMb << 20);
            // Nothing is stored by a check, so a throwaway key is enough to link rows within the run.
            PersonKeys keys = PersonKeys.of(randomKey());
            PuskesmasRegistry registry = PuskesmasRegistry.unchecked();
            if (puskesmas != null) {
                Set<String> codes = new HashSet<>();
                Ingestor pre = new Ingestor(reg, rg, PuskesmasRegistry.unchecked(), keys, limits);
                pre.read(puskesmas, puskesmas.getFileName().toString(), new Ingestor.Options("puskesmas", day),
                        a -> codes.add(((Accepted.PuskesmasRow) a).info().code()));
                registry = PuskesmasRegistry.of(codes);
            }
            Ingestor ingestor = new Ingestor(reg, rg, registry, keys, limits);
            int exit = OK;
            List<Report> reports = new ArrayList<>();
            for (Path f : files) {
                Report r;
                long start = System.nanoTime();
                try {
                    r = ingestor.read(f, f.getFileName().toString(), new Ingestor.Options(layout, day), a -> {
                    });
                } catch (FileRefusedException e) {
                    r = Report.refused(f.getFileName().toString(), e.code().name(), e.getMessage());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                reports.add(r);
                exit = Math.max(exit, r.isRefused() ? REFUSED : r.rowsRejected() > 0 ? REJECTED : OK);
                if (!json) {
                    print(out, r, examples);
                    if (!r.isRefused()) {
                        out.printf("  read in %.1f s (%,.0f rows/s)%n", seconds, r.rowsRead() / Math.max(seconds, 1e-3));
                    }
                }
            }
            if (json) {
                out.println(JSON.writeValueAsString(reports.size() == 1 ? reports.get(0) : reports));
            }
            out.flush();
            return exit;
        }
    }

    static byte[] randomKey() {
        byte[] k = new byte[PersonKeys.MIN_KEY_BYTES];
        new java.security.SecureRandom().nextBytes(k);
        return k;
    }

    static void print(PrintWriter out, Report r, int examples) {
        out.println(r.fileName());
        if (r.isRefused()) {
            out.println("  REFUSED (" + r.refusal().code() + "): " + r.refusal().message());
            return;
        }
        out.printf("  layout %s, sheet %s, header at row %d%n", r.layout(), r.sheet(), r.headerRow());
        if (r.title().puskesmas() != null || r.title().year() != null) {
            out.printf("  title: Puskesmas %s, year %s, month %s%n", r.title().puskesmas(), r.title().year(),
                    r.title().month());
        }
        out.printf("  rows read %,d, accepted %,d, rejected %,d; persons %,d%n", r.rowsRead(), r.rowsAccepted(),
                r.rowsRejected(), r.persons());
        for (String w : r.warnings()) {
            out.println("  note: " + w);
        }
        if (!r.unknownColumns().isEmpty()) {
            List<String> u = r.unknownColumns();
            out.println("  ignored columns: " + String.join(", ", u.size() > 20 ? u.subList(0, 20) : u)
                    + (u.size() > 20 ? " … (" + u.size() + ")" : ""));
        }
        for (ErrorGroup g : r.errors()) {
            out.printf("  %s (%,d): %s%n", g.code(), g.count(), g.title());
            int n = 0;
            for (CellError e : g.errors()) {
                if (n++ >= examples) {
                    out.printf("    … %,d more%n", g.count() - examples);
                    break;
                }
                out.printf("    %s row %d%s%s: %s%s%n", e.sheet(), e.row(),
                        e.column() == null ? "" : " col " + e.column(),
                        e.header() == null ? "" : " (" + e.header() + ")", e.value() == null ? "" : "'" + e.value() + "' ",
                        e.reason());
            }
        }
    }

    @Command(name = "layouts", description = "List the layouts (built-in and the region's own).")
    static final class Layouts implements Callable<Integer> {
        @Option(names = "--layouts-dir", description = "Directory of the region's own layout files (*.json).")
        Path layoutsDir;
        @Option(names = { "-v", "--verbose" }, description = "Show every column with its aliases.")
        boolean verbose;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Layout l : layouts(layoutsDir).all()) {
                out.printf("%-20s %-18s %s%s%n", l.name(), l.target().typeName(), l.title(),
                        l.source().equals("built-in") ? "" : " [" + l.source() + "]");
                if (verbose) {
                    for (ColumnSpec c : l.columns()) {
                        out.printf("    %-28s %-10s %s%s%n", c.header(), c.type().name().toLowerCase(),
                                c.required() ? (c.cellRequired() ? "required" : "column required") : "optional",
                                c.aliases().isEmpty() ? "" : "  aliases: " + String.join(", ", c.aliases()));
                    }
                }
            }
            out.flush();
            return OK;
        }
    }

    @Command(name = "import", description = "Upload files to the service, follow the import job, print the summary. The token is read from the environment variable SPM_TOKEN or from --token-file PATH.")
    static final class Import implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;
        @Option(names = "--server", required = true, description = "Service base URL, e.g. https://spm.example.go.id")
        URI server;
        @Option(names = "--token-file", description = "File holding the importer's bearer token (default: the"
                + " environment variable " + TOKEN_ENV + ").")
        Path tokenFile;
        @Option(names = "--token", hidden = true, description = "Deprecated: visible in ps; use " + TOKEN_ENV
                + " or --token-file.")
        String tokenArg;
        @CommandLine.ParentCommand
        Main parent;
        private String token;
        @Option(names = "--layout", description = "Layout to claim (default: detected by the service).")
        String layout;
        @Option(names = "--dry-run", description = "Validate and preview only; nothing is stored.")
        boolean dryRun;
        @Option(names = "--all-or-nothing", description = "Refuse a file if any row is rejected.")
        boolean allOrNothing;
        @Option(names = "--json", description = "Print the final job documents as JSON.")
        boolean json;
        @Option(names = "--poll", description = "Seconds between progress polls (default: ${DEFAULT-VALUE}).")
        double poll = 1;
        @Option(names = "--max-wait", description = "Seconds to keep retrying while the service's import queue is full "
                + "(503 or 429 with Retry-After) before giving up (default: ${DEFAULT-VALUE}).")
        long maxWait = 1800;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            token = token(err);
            if (token == null) {
                err.flush();
                return ERROR;
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            boolean tty = System.console() != null && !json;
            int exit = OK;
            List<JsonNode> jobs = new ArrayList<>();
            for (Path f : files) {
                JsonNode job = upload(http, f);
                String id = job.path("id").asText();
                while (!terminal(job.path("phase").asText())) {
                    if (tty) {
                        out.print("\r" + bar(f.getFileName().toString(), job));
                        out.flush();
                    }
                    Thread.sleep((long) (poll * 1000));
                    job = get(http, server.resolve("/api/v1/imports/" + id));
                }
                if (tty) {
                    out.println("\r" + bar(f.getFileName().toString(), job));
                }
                jobs.add(job);
                exit = Math.max(exit, exitOf(job));
                if (!json) {
                    summary(out, f, job);
                }
            }
            if (json) {
                out.println(JSON.writeValueAsString(jobs.size() == 1 ? jobs.get(0) : jobs));
            }
            out.flush();
            return exit;
        }

        /**
         * The token from {@code --token-file}, else the deprecated {@code --token} (with a warning),
         * else {@value Main#TOKEN_ENV}; {@code null} after printing why when there is none.
         */
        private String token(PrintWriter err) {
            if (tokenFile != null && tokenArg != null) {
                err.println("spm-ingest: give the token once, with --token-file or " + TOKEN_ENV
                        + " (--token is deprecated).");
                return null;
            }
            if (tokenFile != null) {
                String t;
                try {
                    t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                } catch (IOException | RuntimeException e) {
                    err.println("spm-ingest: cannot read the token file " + tokenFile + " ("
                            + e.getClass().getSimpleName() + ").");
                    return null;
                }
                if (t.isEmpty()) {
                    err.println("spm-ingest: the token file " + tokenFile + " is empty.");
                    return null;
                }
                warnIfOthersCanRead(err);
                return t;
            }
            if (tokenArg != null) {
                err.println("spm-ingest: warning: --token is deprecated: a token on the command line is visible to"
                        + " every user of the machine (ps, /proc, shell history). Set the environment variable "
                        + TOKEN_ENV + " or use --token-file PATH instead.");
                return tokenArg.strip();
            }
            String t = parent == null || parent.env == null ? null : parent.env.apply(TOKEN_ENV);
            if (t == null || t.isBlank()) {
                err.println("spm-ingest: no token: set the environment variable " + TOKEN_ENV
                        + " or give --token-file PATH (a file holding the importer's token, readable only by you).");
                return null;
            }
            return t.strip();
        }

        private void warnIfOthersCanRead(PrintWriter err) {
            try {
                Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(tokenFile);
                if (p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                        || p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                    err.println("spm-ingest: warning: the token file " + tokenFile
                            + " is readable by other users; chmod 600 it.");
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Not a POSIX file system: nothing to check.
            }
        }

        private JsonNode upload(HttpClient http, Path f) throws IOException, InterruptedException {
            String boundary = "spm-ingest-" + Long.toHexString(System.nanoTime());
            List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
            if (layout != null) {
                parts.add(field(boundary, "layout", layout));
            }
            parts.add(field(boundary, "dryRun", Boolean.toString(dryRun)));
            parts.add(field(boundary, "allOrNothing", Boolean.toString(allOrNothing)));
            String name = f.getFileName().toString().replace("\"", "");
            parts.add(HttpRequest.BodyPublishers
                    .ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(f));
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            HttpRequest req = HttpRequest.newBuilder(server.resolve("/api/v1/imports"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    // The file's hash makes a re-run of the same cron job return the earlier job.
                    .header("Idempotency-Key", sha256(f) + (dryRun ? "-dry" : ""))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.concat(parts.toArray(new HttpRequest.BodyPublisher[0]))).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            long waited = 0;
            // A full queue (503) or a rate limit (429) says when to come back: a 2 a.m. job waits, not fails.
            while ((res.statusCode() == 503 || res.statusCode() == 429) && waited < maxWait) {
                long seconds = Math.max(1, Math.min(retryAfter(res), maxWait - waited));
                spec.commandLine().getErr()
                        .println("spm-ingest: " + f.getFileName() + ": the service is busy (" + res.statusCode()
                                + "); retrying in " + seconds + " s.");
                Thread.sleep(seconds * 1000);
                waited += seconds;
                res = http.send(req, HttpResponse.BodyHandlers.ofString());
            }
            if (res.statusCode() != 202 && res.statusCode() != 200) {
                throw new IOException(f + ": the service answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        }

        /** The Retry-After of a response in seconds (30 when absent or a date). */
        static long retryAfter(HttpResponse<?> res) {
            try {
                return Long.parseLong(res.headers().firstValue("Retry-After").orElse("30").strip());
            } catch (NumberFormatException e) {
                return 30;
            }
        }

        private static HttpRequest.BodyPublisher field(String boundary, String name, String value) {
            return HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8);
        }

        private JsonNode get(HttpClient http, URI uri) throws IOException, InterruptedException {
            HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IOException(uri + ": the service answered " + res.statusCode() + ": " + res.body());
            }
            return JSON.readTree(res.body());
        }
    }

    static boolean terminal(String phase) {
        return Set.of("DONE", "FAILED", "REFUSED").contains(phase);
    }

    static int exitOf(JsonNode job) {
        String phase = job.path("phase").asText();
        if (!phase.equals("DONE")) {
            return REFUSED;
        }
        return job.path("summary").path("rowsRejected").asLong(0) > 0 ? REJECTED : OK;
    }

    static String bar(String name, JsonNode job) {
        JsonNode p = job.path("progress");
        double total = p.path("bytesTotal").asDouble(0);
        double done = p.path("bytesRead").asDouble(0);
        double share = total <= 0 ? (terminal(job.path("phase").asText()) ? 1 : 0) : Math.min(1, done / total);
        int width = 30;
        int filled = (int) Math.round(share * width);
        return String.format("%-24.24s [%s%s] %3.0f%% %-8s %,d rows", name, "#".repeat(filled),
                " ".repeat(width - filled), share * 100, job.path("phase").asText(), p.path("rowsRead").asLong(0));
    }

    static void summary(PrintWriter out, Path f, JsonNode job) {
        JsonNode s = job.path("summary");
        out.printf("%s: job %s %s%n", f.getFileName(), job.path("id").asText(), job.path("phase").asText());
        if (job.hasNonNull("message")) {
            out.println("  " + job.path("message").asText());
        }
        out.printf("  rows read %,d; events created %,d, updated %,d, unchanged %,d, rejected %,d; persons %,d%n",
                s.path("rowsRead").asLong(), s.path("created").asLong(), s.path("updated").asLong(),
                s.path("unchanged").asLong(), s.path("rowsRejected").asLong(), s.path("persons").asLong());
        for (JsonNode g : s.path("errors")) {
            out.printf("  %s (%,d): %s%n", g.path("code").asText(), g.path("count").asLong(), g.path("title").asText());
            int n = 0;
            for (JsonNode e : g.path("errors")) {
                if (n++ >= 5) {
                    break;
                }
                out.printf("    row %d col %s (%s): %s%n", e.path("row").asInt(), e.path("column").asText(),
                        e.path("header").asText(), e.path("reason").asText());
            }
        }
    }

    static String sha256(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "generate", description = "Write seeded test-data files in every layout (or those named).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "Output directory.")
        Path out;
        @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed = 1;
        @Option(names = "--rows", description = "Rows per event layout (default: ${DEFAULT-VALUE}).")
        int rows = 1000;
        @Option(names = "--bad-share", description = "Share of rows with one error each, 0–1 (default: ${DEFAULT-VALUE}).")
        double badShare = 0.02;
        @Option(names = "--year", description = "Year of the events (default: ${DEFAULT-VALUE}).")
        int year = 2025;
        @Option(names = "--today", description = "Day of import the files are for (default: 15 January after --year).")
        LocalDate today;
        @Option(names = "--kabkota", description = "District code, dotted (default: ${DEFAULT-VALUE}, Tana Toraja).")
        String kabkota = "73.18";
        @Option(names = "--format", split = ",", description = "csv, xlsx or both (default: csv,xlsx).")
        List<SampleFiles.Format> formats = List.of(SampleFiles.Format.CSV, SampleFiles.Format.XLSX);
        @Option(names = "--layout", description = "Layout(s) to write (default: all built-in).")
        List<String> layoutNames;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter w = spec.commandLine().getOut();
            LayoutRegistry reg = LayoutRegistry.builtIn();
            LocalDate day = today == null ? LocalDate.of(year + 1, 1, 15) : today;
            SampleFiles files = new SampleFiles(
                    SampleFiles.forDistrict(seed, rows, badShare, year, day, kabkota, Regions.builtIn()), reg);
            List<String> names = new ArrayList<>();
            if (layoutNames == null) {
                reg.all().forEach(l -> names.add(l.name()));
            } else {
                names.addAll(layoutNames);
            }
            for (SampleFiles.Written x : files.writeAll(out, names, EnumSet.copyOf(formats))) {
                w.printf("%-40s %,9d rows, %,7d bad %s%n", x.file(), x.rows(), x.badRows(), x.injected());
            }
            w.printf("Puskesmas codes: %s%n", String.join(" ", files.puskesmasCodes()));
            w.flush();
            return OK;
        }
    }
}
