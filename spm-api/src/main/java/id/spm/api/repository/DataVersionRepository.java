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

    /** {@link DataVersions#windowVersion}. */
    public long windowVersion(String kabkotaCode, int year, int lookbackYears) {
        try (Connection c = dataSource.getConnection()) {
            return DataVersions.windowVersion(c, kabkotaCode, year, lookbackYears);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data version of " + kabkotaCode + " " + year, e);
        }
    }
}
