package id.spm.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private EmbeddedDatabase(String jdbcUrl, String password) {
        this.jdbcUrl = jdbcUrl;
        this.password = password;
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
            if (ephemeral) {
                deleteTree(dir);
                deleteTree(passwordFile(dir));
            }
            // A generated password in an owner-only file beside (not inside) the database folder.
            String password = LocalSecrets.loadOrCreate(passwordFile(dir));
            if (running != null && reachable(running, password)) {
                return new EmbeddedDatabase(running, password);
            }
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setConnectConfig("password", password)
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
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .start();
            secure(pg, dir, password);
            String url = pg.getJdbcUrl(USER, "postgres");
            System.setProperty(key, url);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                    if (ephemeral) {
                        deleteTree(dir);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // The JVM is exiting; PostgreSQL stops with it either way.
                }
            }, "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL %s on port %d, data in %s", fresh ? "initialised" : "started",
                    pg.getPort(), dir);
            return new EmbeddedDatabase(url, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The owner-only file holding the embedded superuser's password: {@code <data>/keys/postgres-password}. */
    static Path passwordFile(Path pgDir) {
        return pgDir.toAbsolutePath().getParent().resolve("keys").resolve("postgres-password");
    }

    /**
     * initdb (run by the embedded library) trusts every local user; the first start sets the generated
     * password and replaces pg_hba.conf with password-only loopback rules. Idempotent: later starts
     * find both in place (an older data folder is converted on its first start).
     */
    private static void secure(EmbeddedPostgres pg, Path dir, String password) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
            return;
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // Not a bind parameter: ALTER ROLE takes a literal. The password is hex, so quoting is safe.
            st.execute("alter role " + USER + " with password '" + password + "'");
            Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            st.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the embedded PostgreSQL's password", e);
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
