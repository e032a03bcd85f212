package id.spm.api.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Loads the Kemendagri region list (and the 2025 population by sex of provinces and districts)
 * shipped in {@code wilayah/} into an empty database, with COPY: about a second for 91,599 regions.
 */
@ApplicationScoped
public class RegionLoader {

    private static final Logger LOG = Logger.getLogger(RegionLoader.class);
    static final int POPULATION_YEAR = 2025;

    private final DataSource dataSource;

    public RegionLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the number of regions loaded, 0 when the table already held them. */
    public long loadIfEmpty() {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // One loader at a time, even with several instances starting together.
                st.execute("select pg_advisory_xact_lock(7318001)");
                try (ResultSet rs = st.executeQuery("select exists (select 1 from region)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.rollback();
                        return 0;
                    }
                }
                st.execute("create temporary table region_in (code text, name text) on commit drop");
                st.execute("create temporary table population_in (code text, name text, male bigint, female bigint, "
                        + "total bigint) on commit drop");
                PGConnection pg = c.unwrap(PGConnection.class);
                long n = copy(pg, "copy region_in from stdin (format csv, header true)", "wilayah/kode-wilayah-2025.csv");
                copy(pg, "copy population_in from stdin (format csv, header true)", "wilayah/penduduk-2025.csv");
                // Level from the number of dotted parts; parent = the code without its last part.
                st.execute("insert into region (code, name, level, parent_code) select code, name, "
                        + "cardinality(string_to_array(code, '.')), "
                        + "case when position('.' in code) = 0 then null else regexp_replace(code, '\\.[^.]+$', '') end "
                        + "from region_in order by length(code), code");
                st.execute("insert into population (area_code, kabkota_code, year, age_group, male, female) "
                        + "select code, code, " + POPULATION_YEAR + ", '0+', male, female from population_in "
                        + "where code in (select code from region)");
                c.commit();
                LOG.infof("Loaded %d Kemendagri regions", n);
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the region list", e);
        }
    }

    private static long copy(PGConnection pg, String sql, String resource) throws SQLException {
        try (InputStream in = RegionLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return pg.getCopyAPI().copyIn(sql, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
