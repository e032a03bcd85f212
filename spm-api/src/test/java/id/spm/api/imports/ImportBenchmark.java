package id.spm.api.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

import id.spm.api.repository.CopyText;
import id.spm.api.repository.EventCodec;
import id.spm.ingest.Accepted;
import id.spm.ingest.Ingestor;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Limits;
import id.spm.ingest.read.SheetReader;
import id.spm.ingest.read.SheetReaders;
import id.spm.ingest.read.SheetRow;
import id.spm.rules.model.Person;
import id.spm.sample.files.SampleFiles;
import io.restassured.path.json.JsonPath;

/**
 * The import benchmark (issue 13; spm-api/BENCHMARK.md): a generated 1,000,000-row CSV and a 200,000-row xlsx
 * (layout {@code ekohort-anc}, 20 columns, no bad rows) uploaded to the packaged service (a separate JVM,
 * {@code -Xmx512m}) and timed from upload to DONE; beside each, in the same run and on the same PostgreSQL, a
 * pgjdbc {@code COPY} of the same rows into an unlogged table of as many text columns (the physical reference), and
 * a {@code COPY} of the rows the job stored, in their stored form, into an empty logged table shaped exactly like
 * {@code service_event} (the durable-storage floor: what any durable, indexed store of these rows costs).
 * Prints rows/s, the ratios to both, the CPU seconds of the service and of PostgreSQL beside COPY's (independent of the
 * machine's other load), the service's peak resident memory ({@code VmHWM}) and where a row's time goes: the
 * offline stages measured in this JVM (read, parse + validate, key, encode, COPY text) and the service's own
 * stage log line (staging, every merge statement, commit).
 *
 * <p>
 * Not a test (no {@code *Test}/{@code *IT} name): compiled by every build, run only by
 * {@code ./mvnw -q -pl spm-api -am -Pbench-import verify} (spm-api's pom), settings as system properties:
 * {@code -Dbench.rows}, {@code -Dbench.xrows}, {@code -Dbench.heap}, {@code -Dbench.jar} (another packaged
 * service, to compare two builds back to back), {@code -Dbench.jfr=true} (a JFR recording of the service),
 * {@code -Dbench.keep=true} (keep the work folder).
 */
public final class ImportBenchmark {

    private static final String LAYOUT = "ekohort-anc";
    private static final Pattern STAGES = Pattern.compile("Import job (\\d+) stages: (.*)");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int xrows = Integer.getInteger("bench.xrows", 200_000);
        String heap = System.getProperty("bench.heap", "512m");
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        boolean offline = Boolean.parseBoolean(System.getProperty("bench.offline", "true"));
        Path dir = Files.createTempDirectory("spm-import-bench");
        System.out.printf("== import benchmark: %,d CSV rows, %,d xlsx rows, service -Xmx%s, %s, work in %s%n", rows,
                xrows, heap, jar, dir);
        System.out.println("   load average at start: " + load());

        LayoutRegistry layouts = LayoutRegistry.builtIn();
        long t = System.nanoTime();
        SampleFiles csvFiles = new SampleFiles(
                SampleFiles.forDistrict(1, rows, 0, 2025, LocalDate.of(2026, 1, 15), "73.18", Regions.builtIn()), layouts);
        csvFiles.writeAll(dir.resolve("csv"), List.of(LAYOUT, "puskesmas"), EnumSet.of(SampleFiles.Format.CSV));
        // Another year, so the xlsx is a new scope and does not replace what the CSV imported.
        SampleFiles xlsxFiles = new SampleFiles(
                SampleFiles.forDistrict(1, xrows, 0, 2024, LocalDate.of(2025, 1, 15), "73.18", Regions.builtIn()),
                layouts);
        xlsxFiles.writeAll(dir.resolve("xlsx"), List.of(LAYOUT), EnumSet.of(SampleFiles.Format.XLSX));
        Path csv = dir.resolve("csv").resolve(LAYOUT + ".csv");
        Path xlsx = dir.resolve("xlsx").resolve(LAYOUT + ".xlsx");
        System.out.printf("   generated in %.1f s: %s (%,d bytes), %s (%,d bytes)%n", secs(t), csv, Files.size(csv), xlsx,
                Files.size(xlsx));

        if (offline) {
            System.out.println("== offline stages (this JVM, one thread; µs per row)");
            offlineStages(csv, layouts);
            offlineStages(xlsx, layouts);
        }

        // The embedded default's PostgreSQL settings (config/EmbeddedDatabase), durable.
        Map<String, String> pg = new LinkedHashMap<>();
        pg.put("shared_buffers", "512MB");
        pg.put("temp_buffers", "64MB");
        pg.put("max_wal_size", "4GB");
        pg.put("checkpoint_timeout", "15min");
        pg.put("work_mem", "16MB");
        try (ServiceHarness h = new ServiceHarness(dir.resolve("run"), pg)) {
            System.setProperty("spm.it.jar", jar.toString());
            ServiceHarness.Service s = h.service("bench", Map.of("quarkus.http.limits.max-body-size", "600M",
                    "spm.import.precompute", "false"));
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
            if (Boolean.getBoolean("bench.jfr")) {
                jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("service.jfr") + ",settings=profile");
                System.out.println("   JFR recording: " + dir.resolve("service.jfr"));
            }
            s.jvm = jvm;
            s.start().awaitReady(Duration.ofMinutes(3));
            String admin = h.token("bench-admin", List.of("*"), "admin", "importer", "viewer");
            Result reg = importFile(s, admin, dir.resolve("csv").resolve("puskesmas.csv"));
            System.out.printf("   registered %d Puskesmas (%s)%n", reg.rows, reg.phase);

            System.out.println("== service vs COPY (same PostgreSQL, same run)");
            long postmaster = Long.parseLong(
                    Files.readAllLines(h.dir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
            Cpu cpu = new Cpu(s.process.pid(), postmaster);
            Result c = importFile(s, admin, csv);
            double[] csvCpu = cpu.lap();
            long csvRss = rss(s.process.pid());
            double copyCsv = copy(h, csv, rows);
            double[] copyCsvCpu = cpu.lap();
            Floor floorCsv = floor(h, dir, c.id, cpu);
            report("CSV " + LAYOUT, c, copyCsv, rows, csvRss, heap, s);
            floorReport(c, floorCsv);
            cpuReport(csvCpu, copyCsvCpu, floorCsv.cpu, rows);
            Result x = importFile(s, admin, xlsx);
            double[] xCpu = cpu.lap();
            long xRss = rss(s.process.pid());
            double copyX = copy(h, csv, xrows);
            double[] copyXCpu = cpu.lap();
            Floor floorX = floor(h, dir, x.id, cpu);
            report("xlsx " + LAYOUT, x, copyX, xrows, xRss, heap, s);
            floorReport(x, floorX);
            cpuReport(xCpu, copyXCpu, floorX.cpu, xrows);
            System.out.println("   load average at end: " + load());
            s.stop();
            printStages(h.dir.resolve("bench-1.log"));
        }
        if (Boolean.getBoolean("bench.keep") || Boolean.getBoolean("bench.jfr")) {
            System.out.println("   files, logs and the database kept in " + dir);
        } else {
            try (var all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Result(long id, double seconds, long rows, String phase, long created) {
    }

    /**
     * CPU seconds spent since the last lap by the service's JVM and by PostgreSQL (the postmaster, its live
     * processes and the ones it has reaped), from /proc: unlike wall time on a shared machine, they do not
     * grow with the other processes' load.
     */
    private static final class Cpu {
        private final long service;
        private final long postmaster;
        private double lastService;
        private double lastDb;

        Cpu(long service, long postmaster) throws IOException {
            this.service = service;
            this.postmaster = postmaster;
            lap();
        }

        double[] lap() throws IOException {
            double sv = ticks(service, false);
            double db = ticks(postmaster, true);
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String n = d.getFileName().toString();
                    if (n.chars().allMatch(Character::isDigit) && parent(d) == postmaster) {
                        db += ticks(Long.parseLong(n), false);
                    }
                }
            }
            double[] out = { sv - lastService, db - lastDb };
            lastService = sv;
            lastDb = db;
            return out;
        }

        private static String[] stat(long pid) {
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return s.substring(s.lastIndexOf(')') + 2).split(" ");
            } catch (IOException e) {
                return null;
            }
        }

        private static long parent(Path procDir) {
            String[] f = stat(Long.parseLong(procDir.getFileName().toString()));
            return f == null ? -1 : Long.parseLong(f[1]);
        }

        /** utime + stime (and the reaped children's with {@code children}) in seconds (100 ticks a second). */
        private static double ticks(long pid, boolean children) {
            String[] f = stat(pid);
            if (f == null) {
                return 0;
            }
            // After the ")": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (children) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t / 100.0;
        }
    }

    private static void cpuReport(double[] service, double[] copy, double[] floor, long rows) {
        double total = service[0] + service[1];
        System.out.printf("   CPU: import %.1f s (service JVM %.1f s + PostgreSQL %.1f s) = %.1f µs per row, %,.0f rows per "
                + "CPU-second | COPY %.1f s of PostgreSQL (%,.0f rows per CPU-second) | import/COPY in CPU %.1f× | "
                + "floor %.1f s of PostgreSQL (%.1f µs per row) | import/floor in CPU %.1f×%n", total, service[0],
                service[1], total * 1e6 / rows, rows / total, copy[1], rows / copy[1], total / copy[1], floor[1],
                floor[1] * 1e6 / rows, total / floor[1]);
    }

    /** The durable-storage floor of a job's rows: how many, the seconds of their COPY and its CPU (see Cpu). */
    private record Floor(long rows, double seconds, double[] cpu) {
    }

    private static void floorReport(Result r, Floor f) {
        double rate = r.rows / r.seconds;
        double floorRate = f.rows / f.seconds;
        System.out.printf("%-18s %,10d rows stored | floor %5.1f s %,9.0f rows/s | service/floor %5.1f %% (COPY of the stored "
                + "rows into an empty logged copy of service_event: same partitions, primary key and indexes)%n", "",
                f.rows, f.seconds, floorRate, 100 * rate / floorRate);
    }

    /**
     * The durable-storage floor: the rows the job stored, in their stored form (every column of
     * {@code service_event}, exported with {@code COPY (select …) TO} a file beforehand, not timed), {@code COPY}ed
     * into an empty LOGGED table shaped exactly like {@code service_event} (its columns, partitions, primary key and
     * secondary indexes, read from the catalog so the floor follows the schema) and committed: what any durable,
     * indexed store of these rows costs on this PostgreSQL, with none of the import's checks, keys or merge.
     */
    private static Floor floor(ServiceHarness h, Path dir, long jobId, Cpu cpu) throws Exception {
        Path file = dir.resolve("floor-" + jobId + ".copy");
        try (Connection c = h.connection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_floor");
            st.execute("create table bench_floor (like service_event including all) partition by list (event_year)");
            List<String> parts = new ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("""
                    select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i
                    join pg_class c on c.oid = i.inhrelid where i.inhparent = 'service_event'::regclass order by 1
                    """)) {
                while (rs.next()) {
                    parts.add("create table bench_floor_" + rs.getString(1).substring("service_event_".length())
                            + " partition of bench_floor " + rs.getString(2));
                }
            }
            for (String ddl : parts) {
                st.execute(ddl);
            }
            long rows;
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                rows = copy.copyOut("copy (select * from service_event where import_batch_id = " + jobId + ") to stdout",
                        out);
            }
            st.execute("checkpoint");
            cpu.lap();
            long t = System.nanoTime();
            try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                copy.copyIn("copy bench_floor from stdin", in);
            }
            double secs = secs(t);
            c.close();
            Files.delete(file);
            // The backend's CPU reaches the postmaster's once it is reaped (see copy()).
            Thread.sleep(1000);
            double[] used = cpu.lap();
            try (Connection d = h.connection(); Statement ds = d.createStatement()) {
                ds.execute("drop table bench_floor");
            }
            cpu.lap();
            return new Floor(rows, secs, used);
        }
    }

    private static Result importFile(ServiceHarness.Service s, String token, Path file) {
        long t = System.nanoTime();
        long id = io.restassured.RestAssured.given().baseUri(s.base()).auth().oauth2(token)
                .multiPart("file", file.toFile()).post("/api/v1/imports").then().statusCode(202).extract().jsonPath()
                .getLong("id");
        JsonPath job = s.awaitJob(token, id, Duration.ofHours(1));
        return new Result(id, secs(t), job.getLong("summary.rowsRead"), job.getString("phase"),
                job.getLong("summary.created"));
    }

    private static void report(String name, Result r, double copySecs, long copyRows, long rssKb, String heap,
            ServiceHarness.Service s) {
        double rate = r.rows / r.seconds;
        double copyRate = copyRows / copySecs;
        System.out.printf("%-18s %,10d rows %7.1f s %,9.0f rows/s | COPY %6.1f s %,9.0f rows/s | service/COPY %5.1f %% |"
                + " %s, created %,d | peak RSS %,d MB (heap %s) | load %s%n", name, r.rows, r.seconds, rate, copySecs,
                copyRate, 100 * rate / copyRate, r.phase, r.created, rssKb / 1024, heap, load());
    }

    /** COPY of the file's data rows (below the header) into an unlogged table of as many text columns. */
    private static double copy(ServiceHarness h, Path csv, long rows) throws Exception {
        int cols;
        StringBuilder data = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("NIK")) {
                // title rows above the header
            }
            cols = line.split(";", -1).length;
            long n = 0;
            while (n < rows && (line = r.readLine()) != null) {
                data.append(line).append('\n');
                n++;
            }
        }
        try (Connection c = h.connection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_raw");
            StringBuilder ddl = new StringBuilder("create unlogged table bench_raw (");
            for (int i = 1; i <= cols; i++) {
                ddl.append(i > 1 ? ", " : "").append('c').append(i).append(" text");
            }
            st.execute(ddl.append(')').toString());
            long t = System.nanoTime();
            try (Reader in = new java.io.StringReader(data.toString())) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_raw from stdin with (format csv, delimiter ';')", in);
            }
            double secs = secs(t);
            c.close();
            // The COPY's backend ends with its connection; its CPU reaches the postmaster's once it is reaped.
            Thread.sleep(1000);
            return secs;
        }
    }

    /**
     * Where a row's time goes before the database, in this JVM on one thread: the reader alone; the whole
     * ingestor (read, parse, validate, key, map, dedupe) into a sink that encodes each event's payload and hash and
     * its COPY text (each timed); and the HMAC of a NIK alone over as many NIKs.
     */
    private static void offlineStages(Path file, LayoutRegistry layouts) throws IOException {
        String name = file.getFileName().toString();
        long n = 0;
        long t = System.nanoTime();
        try (SheetReader r = SheetReaders.open(file, name, null, Limits.defaults())) {
            SheetRow row;
            while ((row = r.next()) != null) {
                n += row.cells().size() > 0 ? 1 : 0;
            }
        }
        double read = secs(t);
        PersonKeys keys = PersonKeys.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Ingestor ingestor = new Ingestor(layouts, Regions.builtIn(), PuskesmasRegistry.unchecked(), keys,
                Limits.defaults());
        long[] encode = new long[2];
        long[] copyText = new long[1];
        StringBuilder line = new StringBuilder(1 << 16);
        t = System.nanoTime();
        var report = ingestor.read(file, name, new Ingestor.Options(LAYOUT, LocalDate.of(2026, 1, 15)), a -> {
            if (a instanceof Accepted.EventRow e) {
                long s0 = System.nanoTime();
                String payload = EventCodec.write(e.event());
                long s1 = System.nanoTime();
                String hash = EventCodec.hash(payload);
                long s2 = System.nanoTime();
                Person p = e.person();
                CopyText.field(line, p.id());
                CopyText.field(line, p.birthDate());
                CopyText.field(line, e.event().puskesmas());
                CopyText.field(line, e.naturalKey());
                CopyText.field(line, hash);
                CopyText.last(line, payload);
                if (line.length() > 1 << 15) {
                    line.setLength(0);
                }
                long s3 = System.nanoTime();
                encode[0] += s1 - s0;
                encode[1] += s2 - s1;
                copyText[0] += s3 - s2;
            }
        });
        double all = secs(t);
        long rows = report.rowsRead();
        t = System.nanoTime();
        long sink = 0;
        for (long i = 0; i < rows; i++) {
            sink += keys.ofNik(String.format("73%014d", 1000 + i)).length();
        }
        double hmacWithFormat = secs(t);
        t = System.nanoTime();
        for (long i = 0; i < rows; i++) {
            sink += String.format("73%014d", 1000 + i).length();
        }
        double hmac = hmacWithFormat - secs(t);
        double encodeJson = encode[0] / 1e9;
        double hash = encode[1] / 1e9;
        double copy = copyText[0] / 1e9;
        double ingest = all - encodeJson - hash - copy;
        System.out.printf("   %-16s %,9d rows (%d): read %.2f | parse+validate+map %.2f | key (HMAC) %.2f | encode JSON %.2f |"
                + " hash %.2f | COPY text %.2f | total %.2f µs/row → %,.0f rows/s on one thread (reader alone %,.0f rows/s)"
                + "%n", name, rows, sink % 2, us(read, rows), us(ingest - read - hmac, rows), us(hmac, rows),
                us(encodeJson, rows), us(hash, rows), us(copy, rows), us(all, rows), rows / all, n / read);
    }

    /** The service's stage line of each import job (ImportRunner), in ms and µs per row. */
    private static void printStages(Path log) throws IOException {
        System.out.println("== service stages per job (ms), from " + log);
        for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = STAGES.matcher(l);
            if (m.find()) {
                System.out.println("   job " + m.group(1) + ": " + m.group(2));
            }
        }
    }

    private static long rss(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double us(double secs, long rows) {
        return secs * 1e6 / rows;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
