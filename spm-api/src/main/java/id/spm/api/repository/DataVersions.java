package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The data version of a district-year. Every writer of a district-year's facts (events, monthly
 * counts, targets, population, quality items, Puskesmas) bumps it in its own transaction; cached
 * results carry the version they were computed from and are stale when it differs.
 */
public final class DataVersions {

    private static final String BUMP = """
            insert into data_version (kabkota_code, year, version) values (?, ?, 1)
            on conflict (kabkota_code, year) do update set version = data_version.version + 1
            returning version, txid_current()
            """;

    /**
     * The pseudo-year of a district's registry (its Puskesmas and their working areas): it shapes every
     * year's results, so every year's cache key includes it.
     */
    public static final int REGISTRY_YEAR = 0;

    /** Told of every district written by a transaction of this process, before its commit (DataVersionFeed). */
    @FunctionalInterface
    interface Writes {
        void written(String kabkotaCode, long txid);
    }

    private static volatile Writes writes;

    private DataVersions() {
    }

    /** Sets (or, null, removes) the observer of this process's writes. */
    static void observe(Writes observer) {
        writes = observer;
    }

    /**
     * Marks a district as written by the transaction {@code txid} ({@code txid_current()}) of this process, for the
     * read-your-writes of {@link DataVersionFeed}: {@link #bump} does it itself, a submission's insert calls it.
     */
    static void written(String kabkotaCode, long txid) {
        Writes w = writes;
        if (w != null) {
            w.written(kabkotaCode, txid);
        }
    }

    /** Bumps the version of a district-year in the caller's transaction; returns the new version. */
    public static long bump(Connection connection, String kabkotaCode, int year) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(BUMP)) {
            ps.setString(1, kabkotaCode);
            ps.setShort(2, (short) year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                written(kabkotaCode, rs.getLong(2));
                return rs.getLong(1);
            }
        }
    }

    /**
     * The cache key of a computation for report year {@code year}: the sum of the versions of
     * {@code year - lookbackYears} … {@code year}, since a report reads events of earlier years too
     * (a pregnancy begun the year before, a balita's immunisations since birth), plus the registry's
     * ({@link #REGISTRY_YEAR}). Any bump in the window changes it; versions only grow.
     */
    public static long windowVersion(Connection connection, String kabkotaCode, int year, int lookbackYears)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select coalesce(sum(version), 0) from data_version
                where kabkota_code = ? and (year between ? and ? or year = 0)
                """)) {
            ps.setString(1, kabkotaCode);
            ps.setShort(2, (short) (year - lookbackYears));
            ps.setShort(3, (short) year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
