package id.spm.api.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per data folder and JVM. Its URL is remembered in a system property, so a
 * dev-mode restart (new class loader, configuration assembled again) reuses the running server
 * instead of starting a second one on the same folder.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";

    /** Host-based authentication of the embedded server: password (SCRAM) over loopback TCP only. */
    static final String PG_HBA = """
            # Written by SPM Kesehatan: the embedded PostgreSQL accepts only password (SCRAM) logins over loopback.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private final String jdbcUrl;
    private final String password;
    /** The server this call started ({@code null} when it reused a running one), and the one it replaced as current. */
    private final Server server;
    private final Server previous;

    private EmbeddedDatabase(String jdbcUrl, String password) {
        this(jdbcUrl, password, null, null);
    }

    private EmbeddedDatabase(String jdbcUrl, String password, Server server, Server previous) {
        this.jdbcUrl = jdbcUrl;
        this.password = password;
        this.server = server;
        this.previous = previous;
    }

    /** Stops the server this call started (the shutdown hook does the same at exit). */
    void stop() {
        if (server != null) {
            server.stop();
            if (current == server) {
                current = previous;
            }
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String username() {
        return USER;
    }

    String password() {
        return password;
    }

    static synchronized EmbeddedDatabase start(Path dir, boolean ephemeral) {
        // Not under the spm. prefix: @ConfigMapping refuses unknown keys there.
        String key = "embedded-postgres-url:" + dir;
        String running = System.getProperty(key);
        try {
            // The server this JVM already runs on the folder (a dev-mode or test-profile restart) is reused as
            // it is: never wiped, never given a new password.
            if (running != null && Files.exists(passwordFile(dir))) {
                String password = LocalSecrets.loadOrCreate(passwordFile(dir));
                if (reachable(running, password)) {
                    return new EmbeddedDatabase(running, password);
                }
            }
            if (ephemeral) {
                if (Files.exists(dir.resolve("postmaster.pid"))) {
                    // A server a killed test run left here is stopped before its folder is wiped.
                    Postmasters.takeOverStray(dir);
                }
                deleteTree(dir);
                deleteTree(passwordFile(dir));
            }
            // A generated password in an owner-only file beside (not inside) the database folder.
            String password = LocalSecrets.loadOrCreate(passwordFile(dir));
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            // A server a killed service left on this folder is stopped first; a dead one's lock PostgreSQL clears.
            Postmasters.takeOverStray(dir);
            refuseUnsecured(dir);
            Server server = new Server(dir, password, ephemeral);
            long t0 = System.nanoTime();
            server.start(0);
            String url = server.pg.getJdbcUrl(USER, "postgres");
            System.setProperty(key, url);
            Server previous = current;
            current = server;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            server.watch();
            LOG.infof("Embedded PostgreSQL %s on port %d (pid %d) in %d ms, data in %s", fresh ? "initialised" : "started",
                    server.port, server.pid, (System.nanoTime() - t0) / 1_000_000, dir);
            return new EmbeddedDatabase(url, password, server, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** Between the application's start and the end of its shutdown observers (set by {@link EmbeddedDatabaseHealth}). */
    private static volatile boolean applicationRunning;

    static void applicationRunning(boolean running) {
        applicationRunning = running;
    }

    /** The embedded server this JVM started, if any (for the readiness check). */
    private static volatile Server current;

    /**
     * The embedded server's state: {@code null} when this JVM started none (an external database, or a
     * dev-mode restart reusing the server of the previous class loader); otherwise whether it runs, and why not.
     */
    public static Status status() {
        Server s = current;
        return s == null ? null : s.status;
    }

    /** Running ({@code down == null}) or not, with the reason; restarts since the service started. */
    public record Status(String dataDir, int port, long pid, int restarts, String down) {
    }

    /**
     * One embedded PostgreSQL on a folder and port, kept running: if it dies under the service it is
     * started again on the same folder and port (PostgreSQL's crash recovery), and readiness is DOWN with
     * the reason meanwhile. A watchdog process stops it if this JVM dies without running its hooks.
     */
    static final class Server {
        private final Path dir;
        private final String password;
        private final boolean ephemeral;
        volatile EmbeddedPostgres pg;
        volatile int port;
        volatile long pid;
        volatile Status status;
        private volatile Process watchdog;
        private volatile boolean stopping;
        private int restarts;

        Server(Path dir, String password, boolean ephemeral) {
            this.dir = dir;
            this.password = password;
            this.ephemeral = ephemeral;
        }

        void start(int fixedPort) throws IOException {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Stopped by this class (shutdown hook, watchdog), not by a hook of the library per start.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setConnectConfig("password", password)
                    // initdb sets the superuser's password from the owner-only file and requires it (SCRAM): no
                    // moment without a password, no SQL to set one. The library passes these as --auth, --pwfile
                    // after its own "-A trust", and initdb takes the last.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile(dir).toString())
                    .setDataDirectoryCustomizer(EmbeddedDatabase::writeHba)
                    // Loopback TCP only, no Unix socket: initdb's "trust" for local users never applies.
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    // Sized for imports of a district's year: the partitioned event table's indexes stay in
                    // memory and a million-row merge does not checkpoint halfway (spm-ingest README).
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("temp_buffers", "64MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .setServerConfig("fsync", ephemeral ? "off" : "on");
            if (fixedPort > 0) {
                b.setPort(fixedPort);
            }
            EmbeddedPostgres started = b.start();
            pg = started;
            port = started.getPort();
            pid = Postmasters.lockedPid(dir).orElse(-1);
            Process old = watchdog;
            if (old != null) {
                old.destroyForcibly();
            }
            watchdog = Postmasters.watchdog(dir, pid).orElse(null);
            status = new Status(dir.toString(), port, pid, restarts, null);
        }

        /** Checks every second that the server runs; restarts it when it died under the service. */
        void watch() {
            Thread t = new Thread(() -> {
                while (!stopping) {
                    Postmasters.sleep(1000);
                    long p = pid;
                    // p <= 0: the lock could not be read after the start; nothing to watch then.
                    if (!stopping && p > 0 && !Postmasters.alive(p)) {
                        recover(p);
                    }
                }
            }, "embedded-postgres-watch");
            t.setDaemon(true);
            t.start();
        }

        private void recover(long deadPid) {
            long t0 = System.nanoTime();
            String reason = "The embedded PostgreSQL (pid " + deadPid + ", port " + port + ") stopped under the running"
                    + " service; restarting it on " + dir;
            status = new Status(dir.toString(), port, deadPid, restarts, reason);
            LOG.warn(reason);
            // The library's close() would log an error with a stack trace: its pg_ctl stop finds no server.
            java.util.logging.Logger zonky = java.util.logging.Logger.getLogger(EmbeddedPostgres.class.getName());
            java.util.logging.Level level = zonky.getLevel();
            zonky.setLevel(java.util.logging.Level.OFF);
            try {
                closeQuietly(pg);
            } finally {
                zonky.setLevel(level);
            }
            int attempt = 0;
            while (!stopping) {
                attempt++;
                try {
                    // A lock left by the dead server (or a server someone started by hand on this folder).
                    Postmasters.takeOverStray(dir);
                    restarts++;
                    start(port);
                    LOG.infof("Embedded PostgreSQL restarted on port %d (pid %d) in %d ms after it stopped (attempt %d)",
                            port, pid, (System.nanoTime() - t0) / 1_000_000, attempt);
                    return;
                } catch (IOException | RuntimeException e) {
                    // Backends of the dead server may still hold its shared memory for a moment.
                    status = new Status(dir.toString(), port, deadPid, restarts, reason + "; attempt " + attempt
                            + " failed: " + e.getMessage());
                    LOG.warnf("Restarting the embedded PostgreSQL failed (attempt %d): %s", attempt, e.getMessage());
                    closeQuietly(pg);
                    Postmasters.sleep(Math.min(10_000, 1000L * attempt));
                }
            }
        }

        /** Normal shutdown: fast shutdown of the server, then the watchdog has nothing left to do. */
        synchronized void stop() {
            stopping = true;
            // Shutdown hooks run at once: the application's own shutdown (ending its open import jobs) still needs
            // the database, so the server stops after it (at most 30 s later).
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (applicationRunning && System.nanoTime() < deadline) {
                Postmasters.sleep(20);
            }
            closeQuietly(pg);
            long p = pid;
            // The library waits 5 s for pg_ctl; a long shutdown checkpoint continues and is awaited here.
            if (p > 0 && Postmasters.alive(p) && Postmasters.lockedPid(dir).orElse(-1) == p) {
                Postmasters.awaitExit(p, Duration.ofSeconds(60));
            }
            Process w = watchdog;
            if (w != null) {
                w.destroyForcibly();
            }
            if (ephemeral) {
                try {
                    deleteTree(dir);
                } catch (IOException e) {
                    // The JVM is exiting.
                }
            }
        }

        private static void closeQuietly(EmbeddedPostgres pg) {
            try {
                if (pg != null) {
                    pg.close();
                }
            } catch (IOException | RuntimeException e) {
                // Stopped already, or stopping: nothing more to do.
            }
        }
    }

    /** The owner-only file holding the embedded superuser's password: {@code <data>/keys/postgres-password}. */
    static Path passwordFile(Path pgDir) {
        return pgDir.toAbsolutePath().getParent().resolve("keys").resolve("postgres-password");
    }

    /**
     * A folder initialised before the password was set at initdb time (its pg_hba.conf still trusts local
     * users, and its superuser may have no password) is not started: converting it would mean running SQL
     * against a server that trusts every local user. Nothing in it is touched.
     */
    private static void refuseUnsecured(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        if (!Files.exists(dir.resolve("PG_VERSION")) || !Files.exists(hba)) {
            return;
        }
        String text = Files.readString(hba, StandardCharsets.UTF_8);
        boolean trusts = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .anyMatch(l -> l.matches(".*\\strust(\\s.*)?$"));
        if (!text.equals(PG_HBA) && trusts) {
            throw new IOException("the embedded database in " + dir + " was initialised by an earlier version that let"
                    + " local users in without a password; it is left untouched and not started. Move the folder"
                    + " away to start with an empty database, or set spm.data-dir to another folder");
        }
    }

    /** Every start: pg_hba.conf is this service's (password-only loopback), written before the server starts. */
    private static void writeHba(File dataDir) {
        Path hba = dataDir.toPath().resolve("pg_hba.conf");
        try {
            if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
                Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
    }

    private static boolean reachable(String url, String password) {
        try (Connection c = DriverManager.getConnection(url, USER, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
