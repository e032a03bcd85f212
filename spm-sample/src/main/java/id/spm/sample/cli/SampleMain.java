package id.spm.sample.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spm-sample}: seeded test data for newcomers, demos and load tests, apart from the importer
 * ({@code spm-ingest}) that reads it. Exit codes: 0 written, 3 usage or I/O error.
 */
@Command(name = "spm-sample", mixinStandardHelpOptions = true, version = "spm-sample 0.1.0", description = "Writes seeded SPM Kesehatan test data in the importer's layouts.", subcommands = {
        GenerateCommand.class })
public final class SampleMain implements Runnable {

    static final int OK = 0;
    static final int ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same with the output streams given (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SampleMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("spm-sample: " + e.getMessage());
            return ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
