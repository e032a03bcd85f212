package id.spm.ingest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.spm.ingest.layout.LayoutRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spm-ingest}: check files offline, list layouts, upload files to the service; one class per
 * subcommand (seeded test data is {@code spm-sample generate}, module spm-sample). Exit codes: 0 everything accepted, 1 some
 * rows rejected, 2 a file
 * refused or the import failed, 3 usage or connection error.
 */
@Command(name = "spm-ingest", mixinStandardHelpOptions = true, version = "spm-ingest 0.1.0", description = "Reads ASIK and e-Kohort exports (xlsx/csv) for SPM Kesehatan.", subcommands = {
        CheckCommand.class, LayoutsCommand.class, ImportCommand.class })
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
    Function<String, String> env = System::getenv;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(System::getenv, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same with the environment and the output streams given (for tests). */
    public static int run(Function<String, String> env, PrintWriter out, PrintWriter err, String... args) {
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

    /** The built-in layouts, with the region's own from {@code dir} when given. */
    static LayoutRegistry layouts(Path dir) {
        return dir == null ? LayoutRegistry.builtIn() : LayoutRegistry.withDirectory(dir);
    }
}
