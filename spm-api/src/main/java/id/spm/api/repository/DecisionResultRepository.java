package id.spm.api.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is not counted (or pending, or excluded) and why, as stored by a district's computation. */
@ApplicationScoped
public class DecisionResultRepository {

    /** One stored decision; {@code reasonsJson} is the reasons as stored. */
    public record StoredDecision(String personKey, String subject, String puskesmas, String reasonsJson) {
    }

    /** One page of decisions and how many there are in all. */
    public record Page(long total, List<StoredDecision> rows) {
    }

    private final DataSource dataSource;

    public DecisionResultRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The decisions of a status of the given Puskesmas, by Puskesmas, person and subject. */
    public Page page(String kabkota, int year, int quarter, String serviceCode, String status,
            Collection<String> puskesmas, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            Array codes = c.createArrayOf("text", puskesmas.toArray());
            long total;
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) from decision_result
                    where kabkota_code = ? and year = ? and quarter = ? and service_code = ? and status = ?
                        and puskesmas_code = any (?)
                    """)) {
                bind(ps, kabkota, year, quarter, serviceCode, status, codes);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredDecision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select person_key, subject, puskesmas_code, reasons::text from decision_result
                    where kabkota_code = ? and year = ? and quarter = ? and service_code = ? and status = ?
                        and puskesmas_code = any (?)
                    order by puskesmas_code, person_key, subject limit ? offset ?
                    """)) {
                bind(ps, kabkota, year, quarter, serviceCode, status, codes);
                ps.setInt(7, size);
                ps.setLong(8, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredDecision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return new Page(total, out);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read person outcomes", e);
        }
    }

    private static void bind(PreparedStatement ps, String kabkota, int year, int quarter, String serviceCode,
            String status, Array codes) throws SQLException {
        ps.setString(1, kabkota);
        ps.setShort(2, (short) year);
        ps.setShort(3, (short) quarter);
        ps.setString(4, serviceCode);
        ps.setString(5, status);
        ps.setArray(6, codes);
    }
}
