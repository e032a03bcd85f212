package id.spm.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 7, finding 6: the embedded PostgreSQL trusts nobody: a generated password, loopback only. */
@QuarkusTest
class EmbeddedDatabaseSecurityTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "spm.data-dir")
    String dataDir;

    @Test
    void aLocalUserWithoutThePasswordIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void thePasswordFileIsOwnerOnlyAndOutsideTheDatabaseFolder() throws Exception {
        Path file = Path.of(dataDir).resolve("keys").resolve("postgres-password");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file.toAbsolutePath().normalize().startsWith(Path.of(dataDir, "postgres").toAbsolutePath().normalize()))
                .isFalse();
    }

    @Test
    void theServerListensOnLoopbackOnlyWithoutASocket() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(show(st, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(st, "unix_socket_directories")).isEmpty();
            try (ResultSet rs = st.executeQuery("select count(*) from pg_hba_file_rules where auth_method = 'trust'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
