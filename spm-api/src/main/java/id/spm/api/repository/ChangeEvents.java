package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The change feed's table, {@code change_event} (V60). Rows of data changes are written by a trigger on every
 * {@code data_version} bump, in the bump's transaction; {@link #kind} names what the transaction is (else
 * {@code DATA_CHANGED}). Frozen submissions are recorded with {@link #record}.
 */
@ApplicationScoped
public class ChangeEvents {

    public static final String IMPORT_COMMITTED = "IMPORT_COMMITTED";
    public static final String TARGET_SET = "TARGET_SET";
    public static final String SUBMISSION_FROZEN = "SUBMISSION_FROZEN";
    /** Typed values of a BLUD catalog for a Puskesmas and year (no data version: the SPM figures do not change). */
    public static final String CATALOG_VALUES_SET = "CATALOG_VALUES_SET";

    /**
     * One change with its cursor; {@code year} 0 is the district's registry (Puskesmas), {@code period} set for
     * submissions.
     */
    public record Row(long cursor, OffsetDateTime at, String kind, String kabkotaCode, int year, String period,
            Long dataVersion, String detail) {
    }

    private final DataSource dataSource;

    public ChangeEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Names the kind (and a detail) of the data-version bumps that follow in this transaction. */
    public static void kind(Connection c, String kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select set_config('spm.change_kind', ?, true), set_config('spm.change_detail', ?, true)")) {
            ps.setString(1, kind);
            ps.setString(2, detail == null ? "" : detail);
            ps.execute();
        }
    }

    /** {@link #kind(Connection, String, String)} in the current (JTA) transaction. */
    public void kind(String kind, String detail) {
        try (Connection c = dataSource.getConnection()) {
            kind(c, kind, detail);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot name the change", e);
        }
    }

    /** A change that bumps no data version (a frozen submission), in the current transaction. */
    public void record(String kind, String kabkotaCode, int year, String period, Long dataVersion, String detail) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into change_event (kind, kabkota_code, year, period, data_version, detail)
                        values (?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, kind);
            ps.setString(2, kabkotaCode);
            ps.setShort(3, (short) year);
            ps.setString(4, period);
            if (dataVersion == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, dataVersion);
            }
            ps.setString(6, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the change", e);
        }
    }

    /**
     * Changes after the cursor {@code since}, in cursor order, at most {@code limit}. Committed rows are first
     * given their cursor ({@link #sequence}), so cursors follow commit order and no change ever appears behind a
     * cursor already handed out.
     */
    public List<Row> after(long since, int limit) {
        try (Connection c = dataSource.getConnection()) {
            sequence(c);
            try (PreparedStatement ps = c.prepareStatement("""
                    select seq, at, kind, kabkota_code, year, period, data_version, detail from change_event
                    where seq > ? order by seq limit ?""")) {
                ps.setLong(1, since);
                ps.setInt(2, limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp(2);
                        long v = rs.getLong(7);
                        Long version = rs.wasNull() ? null : v;
                        rows.add(new Row(rs.getLong(1), at.toInstant().atOffset(ZoneOffset.UTC), rs.getString(3),
                                rs.getString(4), rs.getShort(5), rs.getString(6), version, rs.getString(8)));
                    }
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the changes", e);
        }
    }

    /**
     * Gives every committed row without a cursor the next cursors (in insert order), in a transaction of its
     * own under one advisory lock: numbering passes follow each other, and a row still uncommitted now is
     * numbered by a later pass, after everything handed out before. Nothing to number: no lock, no write.
     */
    static void sequence(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from change_event where seq is null)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c
                    .prepareStatement("select pg_advisory_xact_lock(hashtext('spm.change_event.seq'))")) {
                lock.execute();
            }
            // Read committed: this statement's snapshot is taken after the lock, so it sees the previous pass.
            try (PreparedStatement number = c.prepareStatement("""
                    update change_event e set seq = top.seq + pending.n
                    from (select id, row_number() over (order by id) as n from change_event where seq is null) pending,
                         (select coalesce(max(seq), 0) as seq from change_event) top
                    where e.id = pending.id""")) {
                number.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
