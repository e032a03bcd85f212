package id.spm.api.repository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

/**
 * Computed results: every area's report of a unit and period ({@code achievement_result}, JSON with the data
 * version it was computed from) and, for a district, who is not counted and why ({@code decision_result}). Stores
 * run in a transaction of their own, race-free across instances.
 */
@ApplicationScoped
public class AchievementResultRepository {

    /** A stored report: its JSON and when it was computed. */
    public record StoredResult(String json, OffsetDateTime computedAt) {
    }

    /** One area's computed report, as JSON. */
    public record AreaResult(String area, String json) {
    }

    /**
     * The rows of {@code decision_result} of one computation, gathered as COPY text: UTF-8 chunks, so the batches
     * of a parallel computation are appended in person order without copying, and a district's rows take a byte
     * per character.
     */
    public static final class Decisions {

        private static final int CHUNK = 1 << 16;
        private final List<byte[]> chunks = new java.util.ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        public void add(String kabkota, int year, int quarter, String serviceCode, String puskesmas, String personKey,
                String subject, String status, String reasonsJson, long version) {
            CopyText.field(text, kabkota);
            CopyText.field(text, year);
            CopyText.field(text, quarter);
            CopyText.field(text, serviceCode);
            CopyText.field(text, puskesmas);
            CopyText.field(text, personKey);
            CopyText.field(text, subject);
            CopyText.field(text, status);
            CopyText.field(text, reasonsJson);
            CopyText.last(text, version);
            if (text.length() >= CHUNK) {
                seal();
            }
        }

        /** Appends another computation's rows after these (a later batch of persons). */
        public void append(Decisions later) {
            seal();
            later.seal();
            chunks.addAll(later.chunks);
        }

        private void seal() {
            if (text.length() > 0) {
                chunks.add(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }

        java.io.InputStream copyText() {
            seal();
            return new java.io.SequenceInputStream(java.util.Collections.enumeration(
                    chunks.stream().map(c -> (java.io.InputStream) new java.io.ByteArrayInputStream(c)).toList()));
        }
    }

    private final DataSource dataSource;

    public AchievementResultRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored report with the data version it was computed from. */
    public record StoredAtVersion(long version, StoredResult result) {
    }

    /**
     * The stored report of an area computed from this data version or a newer one (stored by another instance meanwhile),
     * in this edition, if any.
     */
    public Optional<StoredAtVersion> findAtLeast(String unit, int year, int quarter, String area, long version,
            String edition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select result::text, computed_at, data_version from achievement_result
                where kabkota_code = ? and year = ? and quarter = ? and area_code = ? and data_version >= ?
                and edition = ?
                """)) {
            ps.setString(1, unit);
            ps.setShort(2, (short) year);
            ps.setShort(3, (short) quarter);
            ps.setString(4, area);
            ps.setLong(5, version);
            ps.setString(6, edition);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredAtVersion(rs.getLong(3),
                        new StoredResult(rs.getString(1), rs.getObject(2, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cached achievements", e);
        }
    }

    /**
     * The quarters (0: the year) of a unit-year whose rows are stored at exactly this data version, each in the
     * edition {@code editionOfQuarter} gives it (a quarter with rows of another edition is not stored).
     */
    public Set<Integer> storedQuarters(String unit, int year, long version,
            java.util.function.IntFunction<String> editionOfQuarter) {
        Set<Integer> stored = new TreeSet<>();
        Set<Integer> other = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct quarter, edition from achievement_result
                where kabkota_code = ? and year = ? and data_version = ?
                """)) {
            ps.setString(1, unit);
            ps.setShort(2, (short) year);
            ps.setLong(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int quarter = rs.getShort(1);
                    (rs.getString(2).equals(editionOfQuarter.apply(quarter)) ? stored : other).add(quarter);
                }
            }
            stored.removeAll(other);
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the computed periods of " + unit, e);
        }
    }

    /** The years of a district with a stored result. */
    public Set<Integer> computedYears(String kabkota) {
        Set<Integer> computed = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct year from achievement_result where kabkota_code = ?
                """)) {
            ps.setString(1, kabkota);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    computed.add((int) rs.getShort(1));
                }
            }
            return computed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the computed years of " + kabkota, e);
        }
    }

    /**
     * Replaces the unit-period's rows, race-free across instances: one store at a time per unit and period (an
     * advisory lock), never over rows of a newer data version, and an upsert of every area's row, so two replicas
     * computing the same district-year at once both succeed. With {@code decisions} (a district), its decisions are
     * replaced in the same transaction. False when rows of a newer version were stored meanwhile (they are kept).
     */
    public boolean store(String unit, int year, int quarter, long version, String ruleSetId, String edition,
            List<AreaResult> rows, Decisions decisions) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("""
                        select pg_advisory_xact_lock(hashtext(?))
                        """)) {
                    lock.setString(1, "spm-achievement:" + unit + ":" + year + ":" + quarter);
                    lock.execute();
                }
                try (PreparedStatement newest = c.prepareStatement("""
                        select coalesce(max(data_version), -1) from achievement_result
                        where kabkota_code = ? and year = ? and quarter = ?
                        """)) {
                    newest.setString(1, unit);
                    newest.setShort(2, (short) year);
                    newest.setShort(3, (short) quarter);
                    try (ResultSet rs = newest.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > version) {
                            // Another instance stored a newer computation meanwhile: keep it.
                            c.rollback();
                            return false;
                        }
                    }
                }
                try (PreparedStatement ins = c.prepareStatement("""
                        insert into achievement_result (kabkota_code, year, quarter, area_code, data_version,
                            rule_set_id, result, edition)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (kabkota_code, year, quarter, area_code) do update set
                            data_version = excluded.data_version, rule_set_id = excluded.rule_set_id,
                            computed_at = now(), result = excluded.result, edition = excluded.edition
                        where achievement_result.data_version <= excluded.data_version
                        """)) {
                    for (AreaResult r : rows) {
                        ins.setString(1, unit);
                        ins.setShort(2, (short) year);
                        ins.setShort(3, (short) quarter);
                        ins.setString(4, r.area());
                        ins.setLong(5, version);
                        ins.setString(6, ruleSetId);
                        ins.setString(7, r.json());
                        ins.setString(8, edition);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
                // Areas no longer in the unit (a Puskesmas moved away).
                try (PreparedStatement del = c.prepareStatement("""
                        delete from achievement_result
                        where kabkota_code = ? and year = ? and quarter = ? and not (area_code = any(?))
                        """)) {
                    del.setString(1, unit);
                    del.setShort(2, (short) year);
                    del.setShort(3, (short) quarter);
                    del.setArray(4, c.createArrayOf("text", rows.stream().map(AreaResult::area).toArray()));
                    del.executeUpdate();
                }
                if (decisions != null) {
                    try (PreparedStatement del = c.prepareStatement("""
                            delete from decision_result where kabkota_code = ? and year = ? and quarter = ?
                            """)) {
                        del.setString(1, unit);
                        del.setShort(2, (short) year);
                        del.setShort(3, (short) quarter);
                        del.executeUpdate();
                    }
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            copy decision_result (kabkota_code, year, quarter, service_code, puskesmas_code,
                                person_key, subject, status, reasons, data_version)
                            from stdin
                            """, decisions.copyText());
                }
                c.commit();
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store computed achievements of " + unit, e);
        }
    }
}
