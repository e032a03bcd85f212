package id.spm.api.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link DataVersions} for callers without a connection of their own: the statements join the caller's transaction. */
@ApplicationScoped
public class DataVersionRepository {

    private final DataSource dataSource;
    private final DataVersionFeed feed;

    public DataVersionRepository(DataSource dataSource, DataVersionFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
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
     * {@link DataVersions#windowVersion} and the id of the district's submission of the period: what every
     * {@code GET /achievements} of a district's area reads (issue 13). From the versions pushed to this instance
     * ({@link DataVersionFeed}) when it may use them; else one round trip that reads all of the district's versions
     * and submission ids, remembered when the feed allows; never remembered while not listening.
     */
    public WindowAndSubmission windowAndSubmission(String kabkotaCode, int year, int quarter, int lookbackYears) {
        DataVersionFeed.District known = feed.usable(kabkotaCode);
        if (known == null) {
            long ticket = feed.ticket(kabkotaCode);
            known = district(kabkotaCode);
            feed.offer(kabkotaCode, ticket, known);
        }
        return new WindowAndSubmission(known.windowVersion(year, lookbackYears), known.submission(year, quarter));
    }

    /**
     * {@link #windowAndSubmission} from the versions pushed to this instance only, or null when they may not be used
     * now; never reads the database (issue 13: an answer from memory on the event loop).
     */
    public WindowAndSubmission windowAndSubmissionIfKnown(String kabkotaCode, int year, int quarter,
            int lookbackYears) {
        DataVersionFeed.District known = feed.usable(kabkotaCode);
        return known == null ? null
                : new WindowAndSubmission(known.windowVersion(year, lookbackYears), known.submission(year, quarter));
    }

    /** Every data version and submission id of a district, from one statement (one snapshot). */
    DataVersionFeed.District district(String kabkotaCode) {
        long at = System.nanoTime();
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("""
                select 0 as kind, year, 0 as quarter, version from data_version where kabkota_code = ?
                union all
                select 1, year, quarter, id from submission where kabkota_code = ?
                """)) {
            ps.setString(1, kabkotaCode);
            ps.setString(2, kabkotaCode);
            java.util.Map<Integer, Long> versions = new java.util.HashMap<>();
            java.util.Map<Integer, Long> submissions = new java.util.HashMap<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 0) {
                        versions.put(rs.getInt(2), rs.getLong(4));
                    } else {
                        submissions.put(rs.getInt(2) * 10 + rs.getInt(3), rs.getLong(4));
                    }
                }
            }
            return new DataVersionFeed.District(java.util.Map.copyOf(versions), java.util.Map.copyOf(submissions), at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data versions of " + kabkotaCode, e);
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
