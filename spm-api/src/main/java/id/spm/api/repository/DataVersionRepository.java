package id.spm.api.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link DataVersions} for callers without a connection of their own: the statements join the caller's transaction. */
@ApplicationScoped
public class DataVersionRepository {

    private final DataSource dataSource;

    public DataVersionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bumps the version of a district-year in the caller's transaction; returns the new version. */
    public long bump(String kabkotaCode, int year) {
        try (Connection c = dataSource.getConnection()) {
            return DataVersions.bump(c, kabkotaCode, year);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bump the data version of " + kabkotaCode + " " + year, e);
        }
    }

    /** A district's window version and the id of its frozen submission of the period, if any. */
    public record WindowAndSubmission(long version, Long submissionId) {
    }

    /**
     * {@link DataVersions#windowVersion} and the id of the district's submission of the period in one round trip:
     * what every {@code GET /achievements} of a district's area reads (issue 13).
     */
    public WindowAndSubmission windowAndSubmission(String kabkotaCode, int year, int quarter, int lookbackYears) {
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("""
                select (select coalesce(sum(version), 0) from data_version
                        where kabkota_code = ? and (year between ? and ? or year = 0)),
                    (select id from submission where kabkota_code = ? and year = ? and quarter = ?)
                """)) {
            ps.setString(1, kabkotaCode);
            ps.setShort(2, (short) (year - lookbackYears));
            ps.setShort(3, (short) year);
            ps.setString(4, kabkotaCode);
            ps.setShort(5, (short) year);
            ps.setShort(6, (short) quarter);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                long version = rs.getLong(1);
                long id = rs.getLong(2);
                return new WindowAndSubmission(version, rs.wasNull() ? null : id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data version of " + kabkotaCode + " " + year, e);
        }
    }

    /** {@link DataVersions#windowVersion}. */
    public long windowVersion(String kabkotaCode, int year, int lookbackYears) {
        try (Connection c = dataSource.getConnection()) {
            return DataVersions.windowVersion(c, kabkotaCode, year, lookbackYears);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data version of " + kabkotaCode + " " + year, e);
        }
    }
}
