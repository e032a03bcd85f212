package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code person_access} table: the audit trail of person-level reads (V4). */
@ApplicationScoped
public class PersonAccessLog {

    /** One audited read as stored. */
    public record Row(long id, OffsetDateTime at, String subject, String action, String personKey, String area,
            String kabkotaCode, Integer year, String serviceCode, String outcome, Integer rows) {
    }

    /** Filters of a query; {@code districts} null for every entry, else entries of a district within one of them. */
    public record Query(String subject, String personKey, OffsetDateTime from, OffsetDateTime to, List<String> districts,
            int limit) {
    }

    private final DataSource dataSource;

    public PersonAccessLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends one entry on its own transaction. */
    public void append(String subject, String action, String personKey, String area, String kabkota, Integer year,
            String serviceCode, String outcome, Integer rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into person_access (subject, action, person_key, area_code, kabkota_code, year, service_code,
                                           outcome, rows)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            ps.setString(1, subject);
            ps.setString(2, action);
            ps.setString(3, personKey);
            ps.setString(4, area);
            ps.setString(5, kabkota);
            if (year == null) {
                ps.setNull(6, Types.SMALLINT);
            } else {
                ps.setShort(6, year.shortValue());
            }
            ps.setString(7, serviceCode);
            ps.setString(8, outcome);
            if (rows == null) {
                ps.setNull(9, Types.INTEGER);
            } else {
                ps.setInt(9, rows);
            }
            ps.executeUpdate();
        }
    }

    /** Entries matching the query, newest first. */
    public List<Row> find(Query q) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, at, subject, action, person_key, area_code, kabkota_code, year, service_code, outcome, rows
                from person_access
                where (?::text is null or subject = ?)
                  and (?::text is null or person_key = ?)
                  and (?::timestamptz is null or at >= ?)
                  and (?::timestamptz is null or at < ?)
                  and (?::text[] is null or (kabkota_code is not null and exists (
                        select 1 from unnest(?::text[]) a where kabkota_code = a or kabkota_code like a || '.%')))
                order by id desc
                limit ?
                """)) {
            ps.setString(1, q.subject());
            ps.setString(2, q.subject());
            ps.setString(3, q.personKey());
            ps.setString(4, q.personKey());
            ps.setObject(5, q.from());
            ps.setObject(6, q.from());
            ps.setObject(7, q.to());
            ps.setObject(8, q.to());
            java.sql.Array districts = q.districts() == null ? null
                    : c.createArrayOf("text", q.districts().toArray());
            ps.setArray(9, districts);
            ps.setArray(10, districts);
            ps.setInt(11, q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    short year = rs.getShort(8);
                    Integer yearOrNull = rs.wasNull() ? null : (int) year;
                    int rows = rs.getInt(11);
                    Integer rowsOrNull = rs.wasNull() ? null : rows;
                    out.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), yearOrNull,
                            rs.getString(9), rs.getString(10), rowsOrNull));
                }
            }
        }
        return out;
    }
}
