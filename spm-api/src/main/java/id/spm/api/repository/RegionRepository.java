package id.spm.api.repository;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import id.spm.api.entity.Region;
import io.quarkus.panache.common.Sort;

/** The Kemendagri region list ({@code region}): reads by code and parent, and the one bulk load into an empty table. */
@ApplicationScoped
public class RegionRepository {

    private final DataSource dataSource;

    public RegionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(Region.findById(code));
    }

    /** Whether a code is known to exist without asking the database (issue 13: an answer from memory). */
    public boolean isKnown(String code) {
        return known.contains(code);
    }

    public boolean exists(String code) {
        // The Kemendagri list is loaded once into an empty database and never shrinks: a code seen is remembered
        // (every area-scoped request asks, issue 13's cached GET).
        if (known.contains(code)) {
            return true;
        }
        boolean found = find(code).isPresent();
        if (found) {
            known.add(code);
        }
        return found;
    }

    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The regions whose parent is {@code code}, by code. */
    public List<Region> children(String code) {
        return Region.list("parentCode", Sort.by("code"), code);
    }

    public List<Region> byCodes(Collection<String> codes) {
        return Region.list("code in ?1", codes);
    }

    /** Every kab/kota code of the country. */
    public List<String> districtCodes() {
        return codes("""
                select code from region where level = 2
                """, null);
    }

    /** The kab/kota codes of a province. */
    public List<String> districtCodesOf(String province) {
        return codes("""
                select code from region where level = 2 and parent_code = ?
                """, province);
    }

    private List<String> codes(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read region codes", e);
        }
    }

    /**
     * Loads the region list (CSV {@code code,name} with a header) and the population by sex of its regions (CSV
     * {@code code,name,male,female,total}) into an empty {@code region} table, in one transaction of its own; one
     * loader at a time, even with several instances starting together. Returns the regions loaded, 0 when the table
     * already held them.
     */
    public long loadIfEmpty(Reader regions, Reader population, int populationYear) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("""
                        select pg_advisory_xact_lock(7318001)
                        """);
                try (ResultSet rs = st.executeQuery("""
                        select exists (select 1 from region)
                        """)) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.rollback();
                        return 0;
                    }
                }
                st.execute("""
                        create temporary table region_in (code text, name text) on commit drop
                        """);
                st.execute("""
                        create temporary table population_in (code text, name text, male bigint, female bigint,
                            total bigint) on commit drop
                        """);
                PGConnection pg = c.unwrap(PGConnection.class);
                long n = pg.getCopyAPI().copyIn("""
                        copy region_in from stdin (format csv, header true)
                        """, regions);
                pg.getCopyAPI().copyIn("""
                        copy population_in from stdin (format csv, header true)
                        """, population);
                // Level from the number of dotted parts; parent = the code without its last part.
                st.execute("""
                        insert into region (code, name, level, parent_code)
                        select code, name, cardinality(string_to_array(code, '.')),
                               case when position('.' in code) = 0 then null
                                    else regexp_replace(code, '\\.[^.]+$', '') end
                        from region_in order by length(code), code
                        """);
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into population (area_code, kabkota_code, year, age_group, male, female)
                        select code, code, ?, '0+', male, female from population_in
                        where code in (select code from region)
                        """)) {
                    ps.setShort(1, (short) populationYear);
                    ps.executeUpdate();
                }
                c.commit();
                return n;
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the region list", e);
        }
    }
}
