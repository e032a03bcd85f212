package id.spm.api.repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * BLUD Puskesmas catalogs ({@code blud_catalog}, the regulation's document as JSON) and their typed values
 * ({@code blud_value}). Statements join the caller's transaction.
 */
@ApplicationScoped
public class BludCatalogRepository {

    /** A stored catalog: its columns and the definition's JSON text. */
    public record CatalogRow(String id, String regulation, String regionCode, String definitionJson, String contentHash,
            String origin, String createdBy, OffsetDateTime createdAt) {
    }

    /** A stored value of one indicator of one Puskesmas and year. */
    public record ValueRow(String puskesmasCode, int year, String indicatorCode, BigDecimal value, String note,
            Long numerator, Long denominator, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** What {@link #upsertShipped} did. */
    public enum Upsert {
        INSERTED,
        UPDATED,
        UNCHANGED,
        TAKEN
    }

    private final DataSource dataSource;

    public BludCatalogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String COLUMNS = """
            id, regulation, region_code, definition::text, content_hash, origin, created_by, created_at""";

    public Optional<CatalogRow> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from blud_catalog where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(catalog(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read catalog " + id, e);
        }
    }

    /** Every catalog, by region and id (a handful per district). */
    public List<CatalogRow> all() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c
                        .prepareStatement("select " + COLUMNS + " from blud_catalog order by region_code, id")) {
            List<CatalogRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(catalog(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list catalogs", e);
        }
    }

    /**
     * A shipped catalog: inserted when absent, replaced when its content hash changed (a corrected transcription),
     * left alone when unchanged; {@code TAKEN} when an API-created catalog holds the id (never overwritten).
     */
    public Upsert upsertShipped(String id, String regulation, String region, String json, String hash) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into blud_catalog (id, regulation, region_code, definition, content_hash, origin, created_by)
                    values (?, ?, ?, ?::jsonb, ?, 'SHIPPED', 'built-in')
                    on conflict (id) do nothing
                    """)) {
                ps.setString(1, id);
                ps.setString(2, regulation);
                ps.setString(3, region);
                ps.setString(4, json);
                ps.setString(5, hash);
                if (ps.executeUpdate() == 1) {
                    return Upsert.INSERTED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update blud_catalog set regulation = ?, region_code = ?, definition = ?::jsonb, content_hash = ?,
                           updated_at = now()
                    where id = ? and origin = 'SHIPPED' and content_hash <> ?
                    """)) {
                ps.setString(1, regulation);
                ps.setString(2, region);
                ps.setString(3, json);
                ps.setString(4, hash);
                ps.setString(5, id);
                ps.setString(6, hash);
                if (ps.executeUpdate() == 1) {
                    return Upsert.UPDATED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select origin from blud_catalog where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1).equals("API") ? Upsert.TAKEN : Upsert.UNCHANGED;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store shipped catalog " + id, e);
        }
    }

    /** A catalog created through the API; false when the id is taken. */
    public boolean insert(String id, String regulation, String region, String json, String hash, String createdBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into blud_catalog (id, regulation, region_code, definition, content_hash, origin, created_by)
                values (?, ?, ?, ?::jsonb, ?, 'API', ?)
                on conflict (id) do nothing
                """)) {
            ps.setString(1, id);
            ps.setString(2, regulation);
            ps.setString(3, region);
            ps.setString(4, json);
            ps.setString(5, hash);
            ps.setString(6, createdBy);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store catalog " + id, e);
        }
    }

    /** Replaces the typed values of one Puskesmas and year with {@code values} (PUT). */
    public void replaceValues(String catalogId, String puskesmas, String kabkota, int year, List<ValueRow> values,
            String by) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    delete from blud_value where catalog_id = ? and year = ? and puskesmas_code = ?
                    """)) {
                ps.setString(1, catalogId);
                ps.setShort(2, (short) year);
                ps.setString(3, puskesmas);
                ps.executeUpdate();
            }
            upsert(c, catalogId, kabkota, values, by);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the values of " + puskesmas, e);
        }
    }

    /** Inserts or replaces each value (an upload: indicators absent from the file are kept). */
    public void upsertValues(String catalogId, String kabkota, List<ValueRow> values, String by) {
        try (Connection c = dataSource.getConnection()) {
            upsert(c, catalogId, kabkota, values, by);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store catalog values", e);
        }
    }

    private static void upsert(Connection c, String catalogId, String kabkota, List<ValueRow> values, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into blud_value (catalog_id, puskesmas_code, year, indicator_code, kabkota_code, value, note,
                                        updated_by, numerator, denominator)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (catalog_id, year, puskesmas_code, indicator_code) do update
                set value = excluded.value, note = excluded.note, kabkota_code = excluded.kabkota_code,
                    updated_by = excluded.updated_by, updated_at = now(), numerator = excluded.numerator,
                    denominator = excluded.denominator
                """)) {
            for (ValueRow v : values) {
                ps.setString(1, catalogId);
                ps.setString(2, v.puskesmasCode());
                ps.setShort(3, (short) v.year());
                ps.setString(4, v.indicatorCode());
                ps.setString(5, kabkota);
                ps.setBigDecimal(6, v.value());
                ps.setString(7, v.note());
                ps.setString(8, by);
                ps.setObject(9, v.numerator(), java.sql.Types.BIGINT);
                ps.setObject(10, v.denominator(), java.sql.Types.BIGINT);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The values of a year for these Puskesmas, by Puskesmas and indicator. */
    public List<ValueRow> values(String catalogId, int year, Collection<String> puskesmas) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select puskesmas_code, year, indicator_code, value, note, updated_by, updated_at, numerator, denominator
                from blud_value
                where catalog_id = ? and year = ? and puskesmas_code = any(?)
                order by puskesmas_code, indicator_code
                """)) {
            ps.setString(1, catalogId);
            ps.setShort(2, (short) year);
            Array codes = c.createArrayOf("text", puskesmas.toArray());
            ps.setArray(3, codes);
            List<ValueRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ValueRow(rs.getString(1), rs.getShort(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read catalog values", e);
        }
    }

    private static CatalogRow catalog(ResultSet rs) throws SQLException {
        return new CatalogRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }
}
