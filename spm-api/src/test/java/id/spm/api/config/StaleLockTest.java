package id.spm.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 14: what the embedded default does with a data folder's {@code postmaster.pid} at start. A lock
 * naming a running PostgreSQL of <em>another</em> folder (a reused pid, a copied folder) is stale: that
 * server is never touched, the lock is removed and the service starts. A lock naming a dead process is
 * left to PostgreSQL, which clears it and recovers the folder. (The lock of a live server of the folder
 * itself, left by a killed service, is taken over: {@code CrashRecoveryIT}.)
 */
@EnabledOnOs(OS.LINUX)
class StaleLockTest {

    @TempDir
    Path dir;

    @Test
    void aLockNamingAServerOfAnotherFolderIsStaleAndThatServerIsNeverTouched() throws Exception {
        Path own = dir.resolve("own").resolve("postgres");
        // The folder exists and is initialised (started and stopped once).
        EmbeddedDatabase.start(own, false).stop();
        assertThat(own.resolve(Postmasters.PID_FILE)).doesNotExist();

        try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("other"))
                .setPGStartupWait(Duration.ofSeconds(60)).start()) {
            long otherPid = Postmasters.lockedPid(dir.resolve("other")).orElseThrow();
            Files.writeString(own.resolve(Postmasters.PID_FILE), otherPid + "\n" + dir.resolve("other") + "\n",
                    StandardCharsets.US_ASCII);
            assertThat(Postmasters.owner(own, otherPid)).isEqualTo(Postmasters.Owner.OTHER);
            assertThat(Postmasters.owner(dir.resolve("other"), otherPid)).isEqualTo(Postmasters.Owner.THIS_FOLDER);

            EmbeddedDatabase db = EmbeddedDatabase.start(own, false);
            try {
                assertThat(Postmasters.lockedPid(own).orElseThrow()).isNotEqualTo(otherPid);
                assertThat(Postmasters.alive(otherPid)).as("the other folder's server").isTrue();
                try (var c = other.getPostgresDatabase().getConnection()) {
                    assertThat(c.isValid(2)).isTrue();
                }
            } finally {
                db.stop();
            }
        }
    }

    @Test
    void aLockNamingADeadProcessIsClearedByPostgres() throws Exception {
        Path own = dir.resolve("dead").resolve("postgres");
        EmbeddedDatabase.start(own, false).stop();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(own.resolve(Postmasters.PID_FILE), gone.pid() + "\n" + own + "\n", StandardCharsets.US_ASCII);
        assertThat(Postmasters.owner(own, gone.pid())).isEqualTo(Postmasters.Owner.NONE);

        EmbeddedDatabase db = EmbeddedDatabase.start(own, false);
        try {
            long pid = Postmasters.lockedPid(own).orElseThrow();
            assertThat(pid).isNotEqualTo(gone.pid());
            assertThat(Postmasters.alive(pid)).isTrue();
        } finally {
            db.stop();
        }
        assertThat(own.resolve(Postmasters.PID_FILE)).doesNotExist();
    }
}
