package id.spm.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 9: the embedded server's password is set by initdb from the owner-only file (no SQL outside
 * {@code repository/}), and its pg_hba.conf is this service's from the first start; a folder an earlier
 * version initialised with "trust" is refused and left untouched.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedPasswordTest {

    @TempDir
    Path dir;

    @Test
    void aNewFolderHasThePasswordAndOnlyPasswordLoginsFromItsFirstStart() throws Exception {
        Path pg = dir.resolve("data").resolve("postgres");
        EmbeddedDatabase db = EmbeddedDatabase.start(pg, false);
        try {
            assertThat(Files.readString(pg.resolve("pg_hba.conf"), StandardCharsets.UTF_8))
                    .isEqualTo(EmbeddedDatabase.PG_HBA);
            String password = Files.readString(EmbeddedDatabase.passwordFile(pg), StandardCharsets.US_ASCII).strip();
            assertThat(db.password()).isEqualTo(password);
            try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", password)) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
        } finally {
            db.stop();
        }
        // Started again on the same folder: the same password, nothing initialised twice.
        EmbeddedDatabase again = EmbeddedDatabase.start(pg, false);
        try (var c = DriverManager.getConnection(again.jdbcUrl(), "postgres", again.password())) {
            assertThat(c.isValid(2)).isTrue();
        } finally {
            again.stop();
        }
    }

    @Test
    void aFolderInitialisedWithTrustIsRefusedAndLeftUntouched() throws Exception {
        Path pg = dir.resolve("old").resolve("postgres");
        // What the library does by itself (and what an earlier version started from): initdb -A trust.
        EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60))
                .start().close();
        String hba = Files.readString(pg.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
        assertThat(hba).contains("trust");

        assertThatThrownBy(() -> EmbeddedDatabase.start(pg, false)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(pg.toString()).cause()
                .hasMessageContaining("without a password").hasMessageContaining("left untouched");
        assertThat(Files.readString(pg.resolve("pg_hba.conf"), StandardCharsets.UTF_8)).isEqualTo(hba);
        assertThat(pg.resolve(Postmasters.PID_FILE)).doesNotExist();
    }
}
