package id.spm.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final String jdbcUrl;

    private EmbeddedDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String username() {
        return USER;
    }

    static synchronized EmbeddedDatabase start(Path dir, boolean ephemeral) {
        // Not under the spm. prefix: @ConfigMapping refuses unknown keys there.
        String key = "embedded-postgres-url:" + dir;
        String running = System.getProperty(key);
        if (running != null && reachable(running)) {
            return new EmbeddedDatabase(running);
        }
        try {
            if (ephemeral) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
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
            return new EmbeddedDatabase(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
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
