package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.util.PGInterval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.model.ImportJob;
import id.spm.api.model.ImportPhase;
import id.spm.api.model.JobEnd;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorGroup;

/** The {@code import_batch} rows (V50) through plain JDBC: jobs outlive the request and the process. */
@ApplicationScoped
public class ImportJobs {

    private static final String COLUMNS = "id, phase, file_name, file_bytes, content_hash, coalesce(layout, layout_claimed), "
            + "dry_run, all_or_nothing, created_by, created_at, started_at, finished_at, message, bytes_read, "
            + "bytes_total, rows_read, scope::text, summary::text, kabkota_code";
    private static final TypeReference<List<ImportJob.ScopeEntry>> SCOPE = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ImportJobs(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** What a new job is. */
    public record NewJob(String createdBy, String fileName, long fileBytes, String contentHash, String idempotencyKey,
            String layoutClaimed, boolean dryRun, boolean allOrNothing, String owner, String basis, Long reimportOf) {

        public NewJob(String createdBy, String fileName, long fileBytes, String contentHash, String idempotencyKey,
                String layoutClaimed, boolean dryRun, boolean allOrNothing) {
            this(createdBy, fileName, fileBytes, contentHash, idempotencyKey, layoutClaimed, dryRun, allOrNothing, null,
                    null, null);
        }
    }

    /** Inserts a QUEUED job in the caller's transaction and returns its id. */
    public long insert(Connection c, NewJob j) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into import_batch (created_by, file_name, file_bytes, "
                + "content_hash, idempotency_key, layout_claimed, dry_run, all_or_nothing, phase, bytes_total, owner, "
                + "heartbeat_at, basis, reimport_of) values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, now(), ?::jsonb, ?) "
                + "returning id")) {
            ps.setString(1, j.createdBy());
            ps.setString(2, j.fileName());
            ps.setLong(3, j.fileBytes());
            ps.setString(4, j.contentHash());
            ps.setString(5, j.idempotencyKey());
            ps.setString(6, j.layoutClaimed());
            ps.setBoolean(7, j.dryRun());
            ps.setBoolean(8, j.allOrNothing());
            ps.setLong(9, j.fileBytes());
            ps.setString(10, j.owner());
            ps.setString(11, j.basis());
            ps.setObject(12, j.reimportOf());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<ImportJob> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, "select " + COLUMNS + " from import_batch where id = ?", ps -> ps.setLong(1, id));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import job " + id, e);
        }
    }

    /** The caller's job with this Idempotency-Key. */
    public Optional<ImportJob> byIdempotencyKey(Connection c, String createdBy, String key) throws SQLException {
        return find(c, "select " + COLUMNS + " from import_batch where created_by = ? and idempotency_key = ?", ps -> {
            ps.setString(1, createdBy);
            ps.setString(2, key);
        });
    }

    /**
     * The caller's latest job of the same file and options that did not fail (a failed job is retried;
     * a refused one would be refused again).
     */
    public Optional<ImportJob> sameFile(Connection c, String createdBy, String contentHash, boolean dryRun,
            boolean allOrNothing, String layoutClaimed) throws SQLException {
        return find(c, "select " + COLUMNS + " from import_batch where created_by = ? and content_hash = ? and dry_run = ? "
                + "and all_or_nothing = ? and layout_claimed is not distinct from ? and phase <> 'FAILED' "
                + "order by id desc limit 1", ps -> {
                    ps.setString(1, createdBy);
                    ps.setString(2, contentHash);
                    ps.setBoolean(3, dryRun);
                    ps.setBoolean(4, allOrNothing);
                    ps.setString(5, layoutClaimed);
                });
    }

    /**
     * One submission per caller at a time (a transaction-scoped advisory lock), so two equal uploads cannot both start a job.
     */
    public void lockSubmissions(Connection c, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select pg_advisory_xact_lock(hashtext(?))
                """)) {
            ps.setString(1, "spm-import-submit:" + subject);
            ps.execute();
        }
    }

    /** The jobs of a caller (all callers' when {@code createdBy} is null), newest first. */
    public List<ImportJob> list(String createdBy, int limit) {
        String sql = "select " + COLUMNS + " from import_batch "
                + (createdBy == null ? "" : "where created_by = ? ") + "order by id desc limit ?";
        List<ImportJob> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (createdBy != null) {
                ps.setString(i++, createdBy);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list import jobs", e);
        }
        return out;
    }

    /** What decided the rows of a job when it was submitted (V51 {@code basis}), or null for older jobs. */
    public String basis(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select basis::text from import_batch where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Hands a job's Idempotency-Key over to the job that imports its file again. */
    public void releaseKey(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update import_batch set idempotency_key = null where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /**
     * Moves an open job to a running phase, on its own short transaction (progress is visible at once). A job
     * already ended (marked FAILED by a recovery) keeps its phase.
     */
    public void phase(long id, ImportPhase phase) {
        update("update import_batch set phase = ?, started_at = coalesce(started_at, now()), heartbeat_at = now() "
                + "where id = ? and phase in ('QUEUED', 'READING', 'MERGING')", ps -> {
                    ps.setString(1, phase.name());
                    ps.setLong(2, id);
                });
    }

    public void progress(long id, long bytesRead, long bytesTotal, long rowsRead) {
        update("update import_batch set bytes_read = ?, bytes_total = greatest(?, bytes_total), rows_read = ? "
                + "where id = ? and phase = 'READING'", ps -> {
                    ps.setLong(1, bytesRead);
                    ps.setLong(2, bytesTotal);
                    ps.setLong(3, rowsRead);
                    ps.setLong(4, id);
                });
    }

    /**
     * Ends a job. With {@code c} the update joins the import's own transaction, so the job reads DONE
     * exactly when its rows are committed.
     */
    public void finish(Connection c, long id, JobEnd end) throws SQLException {
        ImportJob.Summary summary = end.summary();
        List<ImportJob.ScopeEntry> scope = end.scope();
        try (PreparedStatement ps = c.prepareStatement("update import_batch set phase = ?, layout = coalesce(?, layout), "
                + "kabkota_code = coalesce(?, kabkota_code), scope = ?::jsonb, summary = ?::jsonb, message = ?, "
                + "finished_at = now(), bytes_read = bytes_total, rows_read = ? where id = ?")) {
            ps.setString(1, end.phase().name());
            ps.setString(2, end.layout());
            ps.setString(3, end.kabkota());
            ps.setString(4, scope == null ? null : json(scope));
            ps.setString(5, summary == null ? null : json(summary));
            ps.setString(6, end.message());
            ps.setLong(7, summary == null ? 0 : summary.rowsRead());
            ps.setLong(8, id);
            ps.executeUpdate();
        }
        if (summary != null && summary.errors() != null && !summary.errors().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into import_error (import_batch_id, code, sheet, "
                    + "row_number, column_letter, header, raw_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ErrorGroup g : summary.errors()) {
                    for (CellError e : g.errors()) {
                        ps.setLong(1, id);
                        ps.setString(2, e.code().name());
                        ps.setString(3, e.sheet());
                        ps.setInt(4, e.row());
                        ps.setString(5, e.column());
                        ps.setString(6, e.header());
                        ps.setString(7, e.value());
                        ps.setString(8, e.reason());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    /** {@link #finish(Connection, long, JobEnd)} on its own transaction. */
    public void finish(long id, JobEnd end) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                finish(c, id, end);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish import job " + id, e);
        }
    }

    /** Ends an open job FAILED with a message; a job that has already ended keeps its phase. */
    public void failIfOpen(long id, String message) {
        update("update import_batch set phase = 'FAILED', finished_at = now(), message = ? where id = ? and " + OPEN,
                ps -> {
                    ps.setString(1, message);
                    ps.setLong(2, id);
                });
    }

    /** Open phases: a job in one of them has an owner instance that runs or queues it. */
    static final String OPEN = "phase in ('QUEUED', 'READING', 'MERGING')";

    /**
     * Registers an instance as alive, or refreshes its heartbeat and its open jobs' heartbeats; on its own
     * transaction. Returns false when its row had disappeared (it is inserted again).
     */
    public boolean heartbeat(String instance, Collection<Long> openJobs) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean known;
                try (PreparedStatement ps = c.prepareStatement(
                        "update import_instance set heartbeat_at = now() where id = ?")) {
                    ps.setString(1, instance);
                    known = ps.executeUpdate() > 0;
                }
                if (!known) {
                    try (PreparedStatement ps = c.prepareStatement("insert into import_instance (id) values (?) "
                            + "on conflict (id) do update set heartbeat_at = now()")) {
                        ps.setString(1, instance);
                        ps.executeUpdate();
                    }
                }
                if (!openJobs.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("update import_batch set heartbeat_at = now() "
                            + "where id = any(?) and owner = ? and " + OPEN)) {
                        ps.setArray(1, c.createArrayOf("bigint", openJobs.toArray()));
                        ps.setString(2, instance);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return known;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the heartbeat of instance " + instance, e);
        }
    }

    /**
     * Marks FAILED every open job whose heartbeat is older than {@code timeout} and whose owner is not an
     * instance alive (its heartbeat within {@code timeout}); its transaction never committed (a commit would
     * have ended it DONE), so it stored nothing. Jobs of live instances, this one or another replica, are
     * never touched. Returns the ids marked.
     */
    public List<Long> recoverDead(Duration timeout) {
        return recoverDead(timeout, null);
    }

    /**
     * The same, never touching the jobs of {@code self} (the calling instance is alive by definition,
     * even when a starved heartbeat makes its own row look old; its lost jobs are {@link #failOwn}'s).
     */
    public List<Long> recoverDead(Duration timeout, String self) {
        String sql = "update import_batch b set phase = 'FAILED', finished_at = now(), message = 'The service stopped "
                + "while this import was running (instance ' || coalesce(b.owner, 'unknown') || ', last heartbeat ' "
                + "|| coalesce(to_char(b.heartbeat_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), 'none') || ' UTC); "
                + "nothing of it was stored. Upload the file again.' "
                + "where b." + OPEN + " and coalesce(b.heartbeat_at, b.started_at, b.created_at) < now() - ? "
                + "and not exists (select 1 from import_instance i where i.id = b.owner and i.heartbeat_at >= now() - ?) "
                + "and (?::text is null or b.owner is distinct from ?) returning b.id";
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            PGInterval interval = interval(timeout);
            ps.setObject(1, interval);
            ps.setObject(2, interval);
            ps.setString(3, self);
            ps.setString(4, self);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            // Instances silent for a day are gone for good.
            try (PreparedStatement del = c.prepareStatement(
                    "delete from import_instance where heartbeat_at < now() - interval '1 day'")) {
                del.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recover the jobs of stopped instances", e);
        }
        return ids;
    }

    /**
     * Marks FAILED the open jobs of this instance that it no longer runs or queues ({@code open}), and with
     * {@code open} empty on shutdown, all of them; then, on shutdown, the instance is no longer alive.
     */
    public List<Long> failOwn(String instance, Collection<Long> open, String message, boolean shutdown) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update import_batch set phase = 'FAILED', finished_at = now(), "
                        + "message = ? where owner = ? and " + OPEN + " and id <> all(?) returning id")) {
            ps.setString(1, message);
            ps.setString(2, instance);
            ps.setArray(3, c.createArrayOf("bigint", open.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            if (shutdown) {
                try (PreparedStatement del = c.prepareStatement("delete from import_instance where id = ?")) {
                    del.setString(1, instance);
                    del.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the jobs of instance " + instance, e);
        }
        return ids;
    }

    /** The open jobs an instance owns. */
    public List<Long> openOf(String instance) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from import_batch where owner = ? and " + OPEN)) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the jobs of instance " + instance, e);
        }
        return ids;
    }

    /** Marks FAILED those of these jobs of the instance that are still open; the ids it marked. */
    public List<Long> failLost(String instance, Collection<Long> lost, String message) {
        List<Long> ids = new ArrayList<>();
        if (lost.isEmpty()) {
            return ids;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update import_batch set phase = 'FAILED', finished_at = now(), "
                        + "message = ? where owner = ? and " + OPEN + " and id = any(?) returning id")) {
            ps.setString(1, message);
            ps.setString(2, instance);
            ps.setArray(3, c.createArrayOf("bigint", lost.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the jobs of instance " + instance, e);
        }
        return ids;
    }

    /** Whether a job is open (QUEUED, READING or MERGING). */
    public boolean open(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1 from import_batch where id = ? and " + OPEN)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read import job " + id, e);
        }
    }

    private static PGInterval interval(Duration d) throws SQLException {
        PGInterval i = new PGInterval();
        i.setSeconds(d.toMillis() / 1000.0);
        return i;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update an import job", e);
        }
    }

    private Optional<ImportJob> find(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private ImportJob map(ResultSet rs) throws SQLException {
        try {
            String scope = rs.getString(17);
            String summary = rs.getString(18);
            return new ImportJob(rs.getLong(1), ImportPhase.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                    rs.getObject(12, OffsetDateTime.class), rs.getString(13),
                    new ImportJob.Progress(rs.getLong(14), rs.getLong(15), rs.getLong(16)),
                    scope == null ? null : mapper.readValue(scope, SCOPE),
                    summary == null ? null : mapper.readValue(summary, ImportJob.Summary.class), rs.getString(19));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import job does not match its shape", e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
