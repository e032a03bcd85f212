package id.spm.api.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.spm.rules.model.PuskesmasInfo;

/**
 * Reads of the Puskesmas registry on a caller's connection (inside an import's transaction, so they
 * see its own uncommitted rows).
 */
public final class RegistryQueries {

    private RegistryQueries() {
    }

    /** Where every registered Puskesmas is: its kecamatan and its district. */
    public record Placements(Map<String, String> kecamatanOf, Map<String, String> districtOf) {
    }

    public static Placements placements(Connection c) throws SQLException {
        Map<String, String> kecamatanOf = new HashMap<>();
        Map<String, String> districtOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select code, kecamatan_code, kabkota_code from puskesmas
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kecamatanOf.put(rs.getString(1), rs.getString(2));
                districtOf.put(rs.getString(1), rs.getString(3));
            }
        }
        return new Placements(kecamatanOf, districtOf);
    }

    /** The recorded code exceptions: Puskesmas code → the one kecamatan it may be registered in. */
    public static Map<String, String> codeExceptions(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select code, kecamatan_code from puskesmas_code_exception
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** The Puskesmas of a district as the rules' hierarchy takes them, by code. */
    public static List<PuskesmasInfo> puskesmasOf(Connection c, String kabkota) throws SQLException {
        List<PuskesmasInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select code, name, kecamatan_code, desa_codes, population
                from puskesmas where kabkota_code = ? order by code
                """)) {
            ps.setString(1, kabkota);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array desa = rs.getArray(4);
                    Set<String> codes = desa == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) desa.getArray()));
                    long pop = rs.getLong(5);
                    Long population = rs.wasNull() ? null : pop;
                    out.add(new PuskesmasInfo(rs.getString(1), rs.getString(2), rs.getString(3), codes, population));
                }
            }
        }
        return out;
    }

    /**
     * What decided an import's rows besides the file: the registry (the sum of every district's registry
     * version, and the number of Puskesmas) and the region list (its size).
     */
    public record Basis(long registryVersions, long puskesmas, long regions) {
    }

    public static Basis basis(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select (select coalesce(sum(version), 0) from data_version where year = ?),
                       (select count(*) from puskesmas),
                       (select count(*) from region)
                """)) {
            ps.setShort(1, (short) DataVersions.REGISTRY_YEAR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Basis(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }
}
