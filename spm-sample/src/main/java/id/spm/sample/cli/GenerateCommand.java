package id.spm.sample.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.sample.files.SampleFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spm-sample generate --out DIR}: writes seeded test data in every layout (or those named). */
@Command(name = "generate", description = "Write seeded test-data files in every layout (or those named).")
final class GenerateCommand implements Callable<Integer> {
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
        return SampleMain.OK;
    }
}
