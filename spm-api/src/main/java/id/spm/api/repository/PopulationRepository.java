package id.spm.api.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Population by area and age group ({@code population}) and the mutu inputs ({@code quality_item}). */
@ApplicationScoped
public class PopulationRepository {

    /** One population row. */
    public record PopulationRow(String areaCode, int year, String ageGroup, long male, long female) {
    }

    /** One quality item: goods ({@code GOODS}) or staff ({@code STAFF}) of a service. */
    /** One {@code quality_item} row; {@code needSource}: who set the need when not the mutu input (V120). */
    public record QualityItemRow(String areaCode, int year, Integer quarter, String serviceCode, String kind, String item,
            String unit, BigDecimal need, BigDecimal stock, BigDecimal unitPrice, String needSource) {

        public QualityItemRow(String areaCode, int year, Integer quarter, String serviceCode, String kind, String item,
                String unit, BigDecimal need, BigDecimal stock, BigDecimal unitPrice) {
            this(areaCode, year, quarter, serviceCode, kind, item, unit, need, stock, unitPrice, null);
        }
    }

    private final DataSource dataSource;

    public PopulationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<PopulationRow> population(Collection<String> districts, int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select area_code, age_group, male, female from population
                where kabkota_code = any (?) and year = ?
                """)) {
            ps.setArray(1, c.createArrayOf("text", districts.toArray()));
            ps.setShort(2, (short) year);
            List<PopulationRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PopulationRow(rs.getString(1), year, rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read population", e);
        }
    }

    /** The districts' quality items of a year, in the order they were stored. */
    public List<QualityItemRow> qualityItems(Collection<String> districts, int year) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select area_code, quarter, service_code, kind, item, unit, need, stock, unit_price, need_source
                from quality_item where kabkota_code = any (?) and year = ? order by id
                """)) {
            ps.setArray(1, c.createArrayOf("text", districts.toArray()));
            ps.setShort(2, (short) year);
            List<QualityItemRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    short q = rs.getShort(2);
                    Integer quarter = rs.wasNull() ? null : (int) q;
                    out.add(new QualityItemRow(rs.getString(1), year, quarter, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read quality items", e);
        }
    }

    /**
     * Deletes a district-year's population and writes the given rows (upserted by area, year and age group), in the
     * caller's transaction.
     */
    public void replace(String kabkota, int year, List<PopulationRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("""
                    delete from population where kabkota_code = ? and year = ?
                    """)) {
                del.setString(1, kabkota);
                del.setShort(2, (short) year);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("""
                    insert into population (area_code, kabkota_code, year, age_group, male, female)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (area_code, year, age_group) do update set male = excluded.male, female = excluded.female
                    """)) {
                for (PopulationRow r : rows) {
                    ins.setString(1, r.areaCode());
                    ins.setString(2, kabkota);
                    ins.setShort(3, (short) r.year());
                    ins.setString(4, r.ageGroup());
                    ins.setLong(5, r.male());
                    ins.setLong(6, r.female());
                    // One statement per row, as before: a later row of the same key updates the earlier one.
                    ins.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the population of " + kabkota, e);
        }
    }

    /** Adds quality items of a district (an existing equal item is kept), in the caller's transaction. */
    public void addQualityItems(String kabkota, List<QualityItemRow> rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ins = c.prepareStatement("""
                insert into quality_item (area_code, kabkota_code, year, quarter, service_code, kind, item, unit,
                    need, stock, unit_price)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)) {
            for (QualityItemRow m : rows) {
                ins.setString(1, m.areaCode());
                ins.setString(2, kabkota);
                ins.setShort(3, (short) m.year());
                if (m.quarter() == null) {
                    ins.setNull(4, Types.SMALLINT);
                } else {
                    ins.setShort(4, m.quarter().shortValue());
                }
                ins.setString(5, m.serviceCode());
                ins.setString(6, m.kind());
                ins.setString(7, m.item());
                ins.setString(8, m.unit());
                ins.setBigDecimal(9, m.need());
                ins.setBigDecimal(10, m.stock());
                ins.setBigDecimal(11, m.unitPrice());
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the quality items of " + kabkota, e);
        }
    }

    /**
     * Sets the needs of items of a year (rows with no quarter) with who set them, in the caller's transaction: an
     * existing item keeps its stock and unit price, a new one starts with stock 0 (none reported yet). Returns the
     * rows written.
     */
    public int setNeeds(String kabkota, List<QualityItemRow> rows) {
        int n = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into quality_item as q (area_code, kabkota_code, year, quarter, service_code, kind, item, unit,
                    need, stock, need_source)
                values (?, ?, ?, null, ?, ?, ?, ?, ?, 0, ?)
                on conflict (area_code, year, coalesce(quarter, 0), service_code, kind, item) do update
                set need = excluded.need, unit = coalesce(excluded.unit, q.unit), need_source = excluded.need_source
                """)) {
            for (QualityItemRow m : rows) {
                ps.setString(1, m.areaCode());
                ps.setString(2, kabkota);
                ps.setShort(3, (short) m.year());
                ps.setString(4, m.serviceCode());
                ps.setString(5, m.kind());
                ps.setString(6, m.item());
                ps.setString(7, m.unit());
                ps.setBigDecimal(8, m.need());
                ps.setString(9, m.needSource());
                n += ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the quality needs of " + kabkota, e);
        }
        return n;
    }
}
