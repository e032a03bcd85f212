package id.spm.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.quarkus.test.junit.QuarkusTest;

/** The event staging's binary COPY rows, read back by the real PostgreSQL as the text format would give them. */
@QuarkusTest
class CopyBinaryTest {

    @Inject
    DataSource dataSource;

    @Test
    void text_dates_smallints_jsonb_and_nulls_arrive_as_sent() throws Exception {
        CopyBinary b = new CopyBinary(16);
        // Everything COPY text escapes, non-ASCII (2, 3 and 4 bytes in UTF-8), dates around 2000 and the
        // Excel epoch, a null of every type, and a buffer that has to grow.
        b.row(5).text("tab\there\\ line\r\nend").int2(2025).date(LocalDate.of(1900, 1, 1))
                .jsonb("{\"nama\": \"Désa Ñ – 東 😀\", \"n\": [1, 2.50]}").text("Désa Ñ – 東 😀");
        b.row(5).text(null).int2(-1).date(LocalDate.of(2000, 1, 1)).jsonb(null).text("");
        b.row(5).text("x".repeat(300)).int2(1999).date(null).jsonb("{}").text(null);
        b.row(5).text("P7318010101").int2(2026).date(LocalDate.of(2026, 12, 31)).jsonb("[]").text("a");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(CopyBinary.header());
        stream.write(b.bytes(), 0, b.length());
        stream.write(CopyBinary.trailer());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table copy_binary_test (t text, y smallint, d date, j jsonb, u text) "
                        + "on commit drop");
                long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy copy_binary_test from stdin (format binary)", new ByteArrayInputStream(stream.toByteArray()));
                assertThat(n).isEqualTo(4);
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = st.executeQuery("select t, y, d, j::text, u from copy_binary_test order by y")) {
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|')
                                .append(rs.getString(3)).append('|').append(rs.getString(4)).append('|')
                                .append(rs.getString(5)).append('\n');
                    }
                }
                assertThat(rows).hasToString("""
                        null|-1|2000-01-01|null|
                        %s|1999|null|{}|null
                        tab\there\\ line\r
                        end|2025|1900-01-01|{"n": [1, 2.50], "nama": "Désa Ñ – 東 😀"}|Désa Ñ – 東 😀
                        P7318010101|2026|2026-12-31|[]|a
                        """.formatted("x".repeat(300)));
            } finally {
                c.rollback();
            }
        }
    }
}
