package id.spm.ingest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spm-ingest layouts [-v]}: lists the layouts, with {@code -v} every column, type and alias. */
@Command(name = "layouts", description = "List the layouts (built-in and the region's own).")
final class LayoutsCommand implements Callable<Integer> {
    @Option(names = "--layouts-dir", description = "Directory of the region's own layout files (*.json).")
    Path layoutsDir;
    @Option(names = { "-v", "--verbose" }, description = "Show every column with its aliases.")
    boolean verbose;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Layout l : Main.layouts(layoutsDir).all()) {
            out.printf("%-20s %-18s %s%s%n", l.name(), l.target().typeName(), l.title(),
                    l.source().equals("built-in") ? "" : " [" + l.source() + "]");
            if (verbose) {
                for (ColumnSpec c : l.columns()) {
                    out.printf("    %-28s %-10s %s%s%n", c.header(), c.type().name().toLowerCase(Locale.ROOT),
                            c.required() ? (c.cellRequired() ? "required" : "column required") : "optional",
                            c.aliases().isEmpty() ? "" : "  aliases: " + String.join(", ", c.aliases()));
                }
            }
        }
        out.flush();
        return Main.OK;
    }
}
