package id.spm.ingest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import id.spm.ingest.Accepted;
import id.spm.ingest.Ingestor;
import id.spm.ingest.key.PersonKeys;
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

/** {@code spm-ingest check FILE...}: validates files offline and prints the report the service would give. */
@Command(name = "check", description = "Validate files offline and print the same report the service gives.")
final class CheckCommand implements Callable<Integer> {
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
        LayoutRegistry reg = Main.layouts(layoutsDir);
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
        int exit = Main.OK;
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
            exit = Math.max(exit, r.isRefused() ? Main.REFUSED : r.rowsRejected() > 0 ? Main.REJECTED : Main.OK);
            if (!json) {
                print(out, r, examples);
                if (!r.isRefused()) {
                    out.printf("  read in %.1f s (%,.0f rows/s)%n", seconds, r.rowsRead() / Math.max(seconds, 1e-3));
                }
            }
        }
        if (json) {
            out.println(Main.JSON.writeValueAsString(reports.size() == 1 ? reports.get(0) : reports));
        }
        out.flush();
        return exit;
    }

    /** A throwaway key: a check stores nothing, so rows need linking within the run only. */
    static byte[] randomKey() {
        byte[] k = new byte[PersonKeys.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** The report as the service gives it, for a person at a terminal. */
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
}
