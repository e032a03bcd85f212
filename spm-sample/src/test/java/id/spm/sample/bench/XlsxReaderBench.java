package id.spm.sample.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Limits;
import id.spm.ingest.read.SheetRow;
import id.spm.ingest.read.XlsxSheetReader;
import id.spm.sample.files.SampleFiles;

/**
 * The xlsx reader alone on one thread (issue 13; spm-api/BENCHMARK.md, "xlsx reader — session 5"): generates a
 * {@code bench.xrows}-row {@code ekohort-anc} workbook with the seeded generator (as ImportBenchmark does; kept in
 * {@code bench.dir} for the next run), then, {@code bench.rounds} times, times the inflation of its sheet part
 * alone and the reader with each StAX parser ({@link XlsxSheetReader.Parser}: the JDK's, the reader's before issue
 * 13, and Aalto), in wall and in this thread's CPU time (the machine is shared: CPU time is the steadier figure).
 *
 * <pre>
 * ./mvnw -q -pl spm-sample -am -Pbench-xlsx verify -DskipTests
 * ./mvnw -q -pl spm-sample -am -Pbench-xlsx verify -DskipTests -Dbench.xargs="-Dbench.xrows=200000 -Dbench.rounds=8 -Dbench.parsers=AALTO"
 * </pre>
 */
public final class XlsxReaderBench {

    private XlsxReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        int xrows = Integer.getInteger("bench.xrows", 200_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")))
                .resolve("spm-xlsx-bench-" + xrows);
        Path xlsx = dir.resolve("ekohort-anc.xlsx");
        if (!Files.exists(xlsx)) {
            SampleFiles files = new SampleFiles(SampleFiles.forDistrict(1, xrows, 0, 2024, LocalDate.of(2025, 1, 15),
                    "73.18", Regions.builtIn()), LayoutRegistry.builtIn());
            files.writeAll(dir, List.of("ekohort-anc"), EnumSet.of(SampleFiles.Format.XLSX));
        }
        System.out.printf(Locale.ROOT, "== xlsx reader alone, %s (%,d bytes), load %s%n", xlsx, Files.size(xlsx),
                load());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<XlsxSheetReader.Parser> parsers = java.util.Arrays
                .stream(System.getProperty("bench.parsers", "JDK,AALTO").split(",")).map(XlsxSheetReader.Parser::valueOf)
                .toList();
        for (int round = 0; round < rounds; round++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            long bytes = inflate(xlsx);
            double inflateWall = (System.nanoTime() - t) / 1e3;
            double inflateCpu = (mx.getCurrentThreadCpuTime() - c) / 1e3;
            StringBuilder line = new StringBuilder();
            long rows = 0;
            for (XlsxSheetReader.Parser parser : parsers) {
                c = mx.getCurrentThreadCpuTime();
                t = System.nanoTime();
                rows = 0;
                long cells = 0;
                try (XlsxSheetReader r = XlsxSheetReader.open(xlsx, null, Limits.defaults(), parser)) {
                    SheetRow row;
                    while ((row = r.next()) != null) {
                        rows++;
                        cells += row.cells().size();
                    }
                }
                double wall = (System.nanoTime() - t) / 1e3 / rows;
                double cpu = (mx.getCurrentThreadCpuTime() - c) / 1e3 / rows;
                line.append(String.format(Locale.ROOT, " | %s: %.2f µs/row wall (%,.0f rows/s), %.2f CPU (%,d cells)",
                        parser, wall, 1e6 / wall, cpu, cells));
            }
            System.out.printf(Locale.ROOT, "   round %d, %,d rows, sheet %,d bytes (%,d per row), load %s: inflate alone"
                    + " %.2f µs/row wall, %.2f CPU%s%n", round, rows, bytes, bytes / rows, load(), inflateWall / rows,
                    inflateCpu / rows, line);
        }
    }

    private static String load() throws IOException {
        String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return l[0] + " " + l[1] + " " + l[2];
    }

    private static long inflate(Path xlsx) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            ZipEntry e = z.getEntry("xl/worksheets/sheet1.xml");
            try (InputStream in = z.getInputStream(e)) {
                int k;
                while ((k = in.read(buf)) > 0) {
                    n += k;
                }
            }
        }
        return n;
    }
}
