package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code form_input}: the typed inputs of the report forms (issue 10, reports.md §9), one row per input row with
 * its layout's fields as JSON; and {@code submission_form_input}, the inputs a submission was frozen with.
 */
@ApplicationScoped
public class FormInputRepository {

    /** One stored input row; {@code quarter} 0 is the year. */
    public record Row(String kabkotaCode, String areaCode, int year, int quarter, String layout, String rowKey,
            int ord, String payload) {
    }

    /** The (area, year, quarter) a write replaces. */
    public record Scope(String areaCode, int year, int quarter) {
    }

    private final DataSource dataSource;

    public FormInputRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the rows of a layout in each scope by the given rows (in the caller's transaction). */
    public int replace(String layout, Collection<Scope> scopes, List<Row> rows, String by) {
        try (Connection c = dataSource.getConnection()) {
            int removed = 0;
            try (PreparedStatement del = c.prepareStatement("""
                    delete from form_input where layout = ? and area_code = ? and year = ? and quarter = ?""")) {
                for (Scope s : scopes) {
                    del.setString(1, layout);
                    del.setString(2, s.areaCode());
                    del.setShort(3, (short) s.year());
                    del.setShort(4, (short) s.quarter());
                    removed += del.executeUpdate();
                }
            }
            try (PreparedStatement ins = c.prepareStatement("""
                    insert into form_input (kabkota_code, area_code, year, quarter, layout, row_key, ord, payload,
                        created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
                for (Row r : rows) {
                    ins.setString(1, r.kabkotaCode());
                    ins.setString(2, r.areaCode());
                    ins.setShort(3, (short) r.year());
                    ins.setShort(4, (short) r.quarter());
                    ins.setString(5, layout);
                    ins.setString(6, r.rowKey());
                    ins.setInt(7, r.ord());
                    ins.setString(8, r.payload());
                    ins.setString(9, by);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store form inputs", e);
        }
    }

    /**
     * The rows of a layout for a district and year, of the given areas, for the quarter (and the year's rows,
     * quarter 0), in file order.
     */
    public List<Row> rows(String kabkota, String layout, int year, Collection<String> areas) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select kabkota_code, area_code, year, quarter, layout, row_key, ord, payload::text
                        from form_input
                        where kabkota_code = ? and layout = ? and year = ? and area_code = any (?)
                        order by area_code, quarter, ord, id""")) {
            ps.setString(1, kabkota);
            ps.setString(2, layout);
            ps.setShort(3, (short) year);
            ps.setArray(4, c.createArrayOf("text", areas.toArray()));
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read form inputs", e);
        }
    }

    /** The layout name under which the mutu rows ({@code quality_item}) are frozen with a submission. */
    public static final String MUTU = "mutu";

    /**
     * Freezes the district's form inputs of the years {@code year} … {@code year + 4} (plans look ahead) and its
     * mutu rows of {@code year} (the need, stock and prices of Forms 2.B.4/2.B.5) with a submission, in the
     * caller's transaction.
     */
    public void freeze(long submissionId, String kabkota, int year) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement inputs = c.prepareStatement("""
                        insert into submission_form_input (submission_id, layout, area_code, year, quarter, row_key,
                            ord, payload)
                        select ?, layout, area_code, year, quarter, row_key, ord, payload
                        from form_input where kabkota_code = ? and year between ? and ?""");
                PreparedStatement mutu = c.prepareStatement("""
                        insert into submission_form_input (submission_id, layout, area_code, year, quarter, row_key,
                            ord, payload)
                        select ?, ?, area_code, year, coalesce(quarter, 0), id::text, row_number() over (order by id),
                            jsonb_build_object('quarter', quarter, 'service', service_code, 'kind', kind, 'item', item,
                                'unit', unit, 'need', need, 'stock', stock, 'unitPrice', unit_price,
                                'needSource', need_source)
                        from quality_item where kabkota_code = ? and year = ?""")) {
            inputs.setLong(1, submissionId);
            inputs.setString(2, kabkota);
            inputs.setShort(3, (short) year);
            inputs.setShort(4, (short) (year + 4));
            inputs.executeUpdate();
            mutu.setLong(1, submissionId);
            mutu.setString(2, MUTU);
            mutu.setString(3, kabkota);
            mutu.setShort(4, (short) year);
            mutu.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot freeze form inputs", e);
        }
    }

    /** Stores the report-form layouts (form code → layout JSON) a submission is frozen with, in the caller's transaction. */
    public void freezeLayouts(long submissionId, Map<String, String> layouts) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into submission_form_layout (submission_id, form, layout) values (?, ?, ?::jsonb)""")) {
            for (Map.Entry<String, String> e : layouts.entrySet()) {
                ps.setLong(1, submissionId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot freeze the form layouts", e);
        }
    }

    /** The layout JSON of a form as frozen with a submission; empty for a submission frozen before layouts were kept. */
    public Optional<String> frozenLayout(long submissionId, String form) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select layout::text from submission_form_layout where submission_id = ? and form = ?""")) {
            ps.setLong(1, submissionId);
            ps.setString(2, form);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a frozen form layout", e);
        }
    }

    /** The frozen rows of a submission, as {@link #rows} reads the current ones. */
    public List<Row> frozenRows(long submissionId, String kabkota, String layout, int year, Collection<String> areas) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select ?, area_code, year, quarter, layout, row_key, ord, payload::text
                        from submission_form_input
                        where submission_id = ? and layout = ? and year = ? and (area_code = any (?) or ? = 'mutu')
                        order by area_code, quarter, ord""")) {
            ps.setString(1, kabkota);
            ps.setLong(2, submissionId);
            ps.setString(3, layout);
            ps.setShort(4, (short) year);
            ps.setArray(5, c.createArrayOf("text", areas.toArray()));
            ps.setString(6, layout);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read frozen form inputs", e);
        }
    }

    private static List<Row> read(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getString(8)));
            }
        }
        return out;
    }
}
