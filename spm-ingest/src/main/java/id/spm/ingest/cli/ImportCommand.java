package id.spm.ingest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spm-ingest import --server URL FILE...}: uploads each file through {@link ImportClient},
 * follows the job (a progress bar on a terminal) and prints the summary. The token comes from
 * {@code --token-file} or the environment, never needs to be on the command line.
 */
@Command(name = "import", description = "Upload files to the service, follow the import job, print the summary. The token is read from the environment variable SPM_TOKEN or from --token-file PATH.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;
    @Option(names = "--server", required = true, description = "Service base URL, e.g. https://spm.example.go.id")
    URI server;
    @Option(names = "--token-file", description = "File holding the importer's bearer token (default: the"
            + " environment variable " + Main.TOKEN_ENV + ").")
    Path tokenFile;
    @Option(names = "--token", hidden = true, description = "Deprecated: visible in ps; use " + Main.TOKEN_ENV
            + " or --token-file.")
    String tokenArg;
    @CommandLine.ParentCommand
    Main parent;
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
        String token = token(err);
        if (token == null) {
            err.flush();
            return Main.ERROR;
        }
        ImportClient client = new ImportClient(server, token, maxWait, err);
        ImportClient.UploadOptions options = new ImportClient.UploadOptions(layout, dryRun, allOrNothing);
        boolean tty = System.console() != null && !json;
        int exit = Main.OK;
        List<JsonNode> jobs = new ArrayList<>();
        for (Path f : files) {
            JsonNode job = client.upload(f, options);
            String id = job.path("id").asText();
            while (!terminal(job.path("phase").asText())) {
                if (tty) {
                    out.print("\r" + bar(f.getFileName().toString(), job));
                    out.flush();
                }
                Thread.sleep((long) (poll * 1000));
                job = client.job(id);
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
            out.println(Main.JSON.writeValueAsString(jobs.size() == 1 ? jobs.get(0) : jobs));
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
            err.println("spm-ingest: give the token once, with --token-file or " + Main.TOKEN_ENV
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
                    + Main.TOKEN_ENV + " or use --token-file PATH instead.");
            return tokenArg.strip();
        }
        String t = parent == null || parent.env == null ? null : parent.env.apply(Main.TOKEN_ENV);
        if (t == null || t.isBlank()) {
            err.println("spm-ingest: no token: set the environment variable " + Main.TOKEN_ENV
                    + " or give --token-file PATH (a file holding the importer's token, readable only by you).");
            return null;
        }
        return t.strip();
    }

    private void warnIfOthersCanRead(PrintWriter err) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(tokenFile);
            if (p.contains(PosixFilePermission.GROUP_READ)
                    || p.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("spm-ingest: warning: the token file " + tokenFile
                        + " is readable by other users; chmod 600 it.");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    /** Whether a job phase is final. */
    static boolean terminal(String phase) {
        return Set.of("DONE", "FAILED", "REFUSED").contains(phase);
    }

    /** The exit code of a finished job. */
    static int exitOf(JsonNode job) {
        String phase = job.path("phase").asText();
        if (!phase.equals("DONE")) {
            return Main.REFUSED;
        }
        return job.path("summary").path("rowsRejected").asLong(0) > 0 ? Main.REJECTED : Main.OK;
    }

    /** One line of progress for a terminal. */
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

    /** A finished job as a person at a terminal reads it. */
    static void summary(PrintWriter out, Path f, JsonNode job) {
        JsonNode s = job.path("summary");
        out.printf("%s: job %s %s%n", f.getFileName(), job.path("id").asText(), job.path("phase").asText());
        if (job.hasNonNull("message")) {
            out.println("  " + job.path("message").asText());
        }
        out.printf("  rows read %,d; records created %,d, updated %,d, unchanged %,d, rejected %,d; persons %,d%n",
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
}
