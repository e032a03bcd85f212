package id.spm.sample.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line through {@link SampleMain#run}, with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SampleMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
