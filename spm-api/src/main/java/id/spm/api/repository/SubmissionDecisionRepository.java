package id.spm.api.repository;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

/**
 * The per-person decisions of a frozen submission ({@code submission_decision}, {@code submission_decision_set}):
 * written once at freeze in the freezing transaction, read back for a diff.
 */
@ApplicationScoped
public class SubmissionDecisionRepository {

    private final DataSource dataSource;

    public SubmissionDecisionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A submission's decisions as COPY text, gathered before the freezing transaction. */
    public static final class Rows {
        final StringBuilder text = new StringBuilder();
        long count;

        /** One decision; {@code reasonsJson} a JSON array. */
        public void add(String kabkota, String serviceCode, String personKey, String subject, String puskesmas,
                String status, String reasonsJson) {
            CopyText.field(text, kabkota);
            CopyText.field(text, serviceCode);
            CopyText.field(text, personKey);
            CopyText.field(text, subject);
            CopyText.field(text, puskesmas);
            CopyText.field(text, status);
            CopyText.last(text, reasonsJson);
            count++;
        }

        public long count() {
            return count;
        }
    }

    /** The stored set of a submission. */
    public record DecisionSet(String ruleParametersJson, long decisions, String sha256) {
    }

    /** One stored decision. */
    public record Row(String serviceCode, String personKey, String subject, String puskesmas, String status,
            String reasonsJson) {
    }

    /** Stores the decisions of a submission in the caller's transaction (the connection it enlisted). */
    public void add(long submissionId, String kabkota, String ruleParametersJson, String sha256, Rows rows) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ins = c.prepareStatement("""
                    insert into submission_decision_set (submission_id, kabkota_code, rule_parameters, decisions, sha256)
                    values (?, ?, ?::jsonb, ?, ?)
                    """)) {
                ins.setLong(1, submissionId);
                ins.setString(2, kabkota);
                ins.setString(3, ruleParametersJson);
                ins.setLong(4, rows.count);
                ins.setString(5, sha256);
                ins.executeUpdate();
            }
            StringBuilder withId = new StringBuilder(rows.text.length() + (int) rows.count * 8);
            String id = Long.toString(submissionId);
            int start = 0;
            String all = rows.text.toString();
            while (start < all.length()) {
                int end = all.indexOf('\n', start);
                withId.append(id).append('\t').append(all, start, end + 1);
                start = end + 1;
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy submission_decision (submission_id, kabkota_code, service_code, person_key, subject,
                        puskesmas_code, status, reasons)
                    from stdin
                    """, new StringReader(withId.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot store the decisions of submission " + submissionId, e);
        }
    }

    public Optional<DecisionSet> set(long submissionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select rule_parameters::text, decisions, sha256 from submission_decision_set where submission_id = ?
                """)) {
            q.setLong(1, submissionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new DecisionSet(rs.getString(1), rs.getLong(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision set of submission " + submissionId, e);
        }
    }

    /** Every stored decision of a submission, in stored order, to the sink. */
    public void decisions(long submissionId, java.util.function.Consumer<Row> sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select service_code, person_key, subject, puskesmas_code, status, reasons::text
                from submission_decision where submission_id = ?
                """)) {
            q.setLong(1, submissionId);
            q.setFetchSize(5_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decisions of submission " + submissionId, e);
        }
    }
}
