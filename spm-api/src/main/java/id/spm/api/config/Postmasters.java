package id.spm.api.config;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * What a data folder's {@code postmaster.pid} says, and the operating-system side of the embedded server's
 * life: taking over a server a killed service left running on this folder, and the watchdog that stops the
 * server when the JVM dies without running its shutdown hooks. The checks read {@code /proc} (Linux);
 * elsewhere nothing is taken over and PostgreSQL's own lock check decides.
 */
final class Postmasters {

    private static final Logger LOG = Logger.getLogger(Postmasters.class);
    static final String PID_FILE = "postmaster.pid";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private Postmasters() {
    }

    /** The pid on the first line of the folder's {@code postmaster.pid}, if there is one. */
    static OptionalLong lockedPid(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(PID_FILE), StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Running, and not a zombie (a dead server adopted by a JVM running as pid 1 stays one until reaped). */
    static boolean alive(long pid) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** What the process of a lock file is to this folder. */
    enum Owner {
        /** No lock file, or it names no running process: PostgreSQL clears it (crash recovery). */
        NONE,
        /** A running PostgreSQL whose data folder is this one. */
        THIS_FOLDER,
        /** A running process that is not a PostgreSQL of this folder (a reused pid): the lock is stale. */
        OTHER,
        /** A running process this platform cannot inspect: left to PostgreSQL's own lock check. */
        UNKNOWN
    }

    static Owner owner(Path dir, long pid) {
        if (!alive(pid) || pid == ProcessHandle.current().pid()) {
            return Owner.NONE;
        }
        Path proc = Path.of("/proc", String.valueOf(pid));
        if (!Files.isDirectory(proc)) {
            return Owner.UNKNOWN;
        }
        try {
            // A postmaster's working directory is its data folder (it changes into it at start).
            boolean postgres = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString().startsWith("postgres");
            boolean here = Files.isSameFile(proc.resolve("cwd"), dir);
            return postgres && here ? Owner.THIS_FOLDER : Owner.OTHER;
        } catch (IOException | SecurityException e) {
            return alive(pid) ? Owner.UNKNOWN : Owner.NONE;
        }
    }

    /**
     * Before the embedded server starts on {@code dir}: a server that a killed service left running on this
     * folder is stopped (fast shutdown, with its own {@code pg_ctl}); a lock naming a process that is not a
     * PostgreSQL of this folder is removed; a lock naming a dead process is left to PostgreSQL's crash
     * recovery. A server of another folder is never touched.
     */
    static void takeOverStray(Path dir) throws IOException {
        OptionalLong locked = lockedPid(dir);
        if (locked.isEmpty()) {
            return;
        }
        long pid = locked.getAsLong();
        switch (owner(dir, pid)) {
            case NONE -> {
                LOG.infof("The embedded PostgreSQL of %s (pid %d) did not stop cleanly; PostgreSQL recovers the folder"
                        + " from its write-ahead log now", dir, pid);
                awaitNoProcessOf(dir, Duration.ofSeconds(30));
            }
            case OTHER -> {
                LOG.warnf("%s names pid %d, which is not a PostgreSQL of this folder; removing the stale lock", dir
                        .resolve(PID_FILE), pid);
                Files.deleteIfExists(dir.resolve(PID_FILE));
            }
            case UNKNOWN -> LOG.warnf("%s names the running process %d, which cannot be inspected here; leaving it",
                    dir.resolve(PID_FILE), pid);
            case THIS_FOLDER -> {
                requireNoOtherService(dir);
                LOG.warnf("An embedded PostgreSQL (pid %d) is still running on %s, left by a service that ended"
                        + " without stopping it; stopping it (fast shutdown) before starting again", pid, dir);
                long t0 = System.nanoTime();
                stop(dir, pid);
                LOG.infof("Stopped the left-over PostgreSQL (pid %d) in %d ms", pid, (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /**
     * Waits until no PostgreSQL process works in {@code dir}: the backends of a killed server end on their own
     * shortly after it, and until then they hold its shared memory (a new server would refuse to start).
     */
    static void awaitNoProcessOf(Path dir, Duration limit) {
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (ProcessHandle.allProcesses().anyMatch(p -> owner(dir, p.pid()) == Owner.THIS_FOLDER)) {
            if (System.nanoTime() > deadline) {
                LOG.warnf("PostgreSQL processes still work in %s after %s", dir, limit);
                return;
            }
            sleep(100);
        }
    }

    /** The embedded library's lock of the folder is held by a live JVM only: then another service uses it. */
    private static void requireNoOtherService(Path dir) throws IOException {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true); FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data folder " + dir + " is in use by another running service;"
                        + " stop it first or give this one its own spm.data-dir");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("The data folder " + dir + " is already in use in this JVM", e);
        }
    }

    /** Fast shutdown of {@code pid} (a PostgreSQL of {@code dir}): its own pg_ctl, else SIGINT; SIGQUIT last. */
    static void stop(Path dir, long pid) throws IOException {
        Path pgCtl = null;
        try {
            pgCtl = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "exe")).resolveSibling("pg_ctl");
        } catch (IOException e) {
            // Gone already, or not inspectable: the signal below.
        }
        if (pgCtl != null && Files.isExecutable(pgCtl)) {
            List<String> cmd = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As the embedded library starts it: pg_ctl refuses to run as root.
                cmd.addAll(List.of("unshare", "-U"));
            }
            cmd.addAll(List.of(pgCtl.toString(), "-D", dir.toString(), "stop", "-m", "fast", "-w", "-t",
                    String.valueOf(STOP_WAIT.toSeconds())));
            run(cmd, STOP_WAIT.plusSeconds(10));
        }
        if (alive(pid)) {
            signal("INT", pid);
        }
        if (!awaitExit(pid, STOP_WAIT)) {
            LOG.warnf("PostgreSQL (pid %d) did not stop within %s; immediate shutdown", pid, STOP_WAIT);
            signal("QUIT", pid);
            if (!awaitExit(pid, Duration.ofSeconds(20))) {
                throw new IllegalStateException("cannot stop the PostgreSQL (pid " + pid + ") left running on " + dir);
            }
        }
    }

    static boolean awaitExit(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    private static void signal(String name, long pid) throws IOException {
        if (!WINDOWS) {
            run(List.of("sh", "-c", "kill -" + name + " " + pid), Duration.ofSeconds(10));
        }
    }

    private static void run(List<String> cmd, Duration limit) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * A watchdog for the server {@code pid} on {@code dir}: a small shell reading a pipe from this JVM. The
     * JVM never writes to it, so the read ends only when the JVM is gone (the kernel closes the pipe however
     * it died, {@code kill -9} too); then, if the folder's lock still names that server, it gets a fast
     * shutdown (SIGINT). After a normal shutdown the server is already stopped and the watchdog just ends.
     */
    static Optional<Process> watchdog(Path dir, long pid) {
        if (WINDOWS) {
            return Optional.empty();
        }
        String script = "trap '' INT HUP\n"
                + "while read -r _; do :; done\n"
                + "if read -r p < \"$1/" + PID_FILE + "\" && [ \"$p\" = \"$2\" ]; then kill -INT \"$2\"; fi\n";
        try {
            Process p = new ProcessBuilder("sh", "-c", script, "spm-postgres-watchdog", dir.toString(), String.valueOf(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return Optional.of(p);
        } catch (IOException e) {
            LOG.warnf("No watchdog for the embedded PostgreSQL (%s): if this JVM is killed, the next start stops the"
                    + " server it leaves", e.getMessage());
            return Optional.empty();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
