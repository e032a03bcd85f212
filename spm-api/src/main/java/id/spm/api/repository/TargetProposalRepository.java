package id.spm.api.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Proposals of next year's targets ({@code target_proposal}) and their adoption by decree. */
@ApplicationScoped
public class TargetProposalRepository {

    private final DataSource dataSource;

    public TargetProposalRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored proposal. */
    public record StoredProposal(long id, String kabkota, String area, int year, String json, OffsetDateTime createdAt,
            String createdBy, String decreeNumber, LocalDate decreeDate, OffsetDateTime adoptedAt, String adoptedBy,
            Integer targetsWritten) {
    }

    /** Inserts in the caller's transaction; the new id. */
    public long add(String kabkota, String area, int year, String json, String createdBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ins = c.prepareStatement("""
                insert into target_proposal (kabkota_code, area_code, year, proposal, created_by)
                values (?, ?, ?, ?::jsonb, ?) returning id
                """)) {
            ins.setString(1, kabkota);
            ins.setString(2, area);
            ins.setShort(3, (short) year);
            ins.setString(4, json);
            ins.setString(5, createdBy);
            try (ResultSet rs = ins.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the target proposal of " + area, e);
        }
    }

    /** The proposal, locked for update when inside a transaction that will adopt it. */
    public Optional<StoredProposal> find(long id, boolean forUpdate) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(forUpdate ? """
                select id, kabkota_code, area_code, year, proposal::text, created_at, created_by, decree_number,
                    decree_date, adopted_at, adopted_by, targets_written
                from target_proposal where id = ? for update
                """ : """
                select id, kabkota_code, area_code, year, proposal::text, created_at, created_by, decree_number,
                    decree_date, adopted_at, adopted_by, targets_written
                from target_proposal where id = ?
                """)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date d = rs.getDate(9);
                int written = rs.getInt(12);
                return Optional.of(new StoredProposal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getShort(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8),
                        d == null ? null : d.toLocalDate(), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                        rs.wasNull() ? null : written));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read target proposal " + id, e);
        }
    }

    /** Records the adoption in the caller's transaction; false when it was adopted meanwhile. */
    public boolean adopt(long id, String decreeNumber, LocalDate decreeDate, String adoptedBy, int targetsWritten) {
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement("""
                update target_proposal set decree_number = ?, decree_date = ?, adopted_at = now(), adopted_by = ?,
                    targets_written = ?
                where id = ? and adopted_at is null
                """)) {
            u.setString(1, decreeNumber);
            u.setDate(2, Date.valueOf(decreeDate));
            u.setString(3, adoptedBy);
            u.setInt(4, targetsWritten);
            u.setLong(5, id);
            return u.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot adopt target proposal " + id, e);
        }
    }
}
