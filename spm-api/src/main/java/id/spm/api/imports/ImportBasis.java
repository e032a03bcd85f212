package id.spm.api.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.repository.RegistryQueries;

/**
 * What decided the rows of an import besides the file itself (issue 8, finding 5): the Puskesmas
 * registry (the sum of every district's {@code REGISTRY_YEAR} data version, which each registration
 * bumps, and the number of Puskesmas), the region list (its size), the layout definitions (a hash) and
 * the uploading caller's areas (a hash). The same file returns its earlier job only while this is
 * equal; otherwise it is imported again and its summary says why.
 *
 * @param registry "sum of registry versions:Puskesmas"
 * @param regions regions in the Kemendagri list
 * @param layouts hash of the layout definitions
 * @param areas hash of the caller's areas
 */
public record ImportBasis(String registry, long regions, String layouts, String areas) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The basis now, read in the submitting transaction. */
    static ImportBasis current(Connection c, ImportSettings settings, Collection<String> callerAreas) throws SQLException {
        RegistryQueries.Basis b = RegistryQueries.basis(c);
        String registry = b.registryVersions() + ":" + b.puskesmas();
        long regions = b.regions();
        return new ImportBasis(registry, regions, settings.layoutsHash(), hash(String.join(",", new TreeSet<>(callerAreas))));
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored basis of an earlier job; null when it has none (a job older than V51). */
    static ImportBasis parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ImportBasis.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** What changed since {@code earlier}, for people ("the Puskesmas registry", …); empty when nothing did. */
    List<String> changedSince(ImportBasis earlier) {
        List<String> out = new ArrayList<>();
        if (earlier == null) {
            out.add("what decided its rows was not recorded");
            return out;
        }
        if (!registry.equals(earlier.registry)) {
            out.add("the Puskesmas registry");
        }
        if (regions != earlier.regions) {
            out.add("the region list");
        }
        if (!layouts.equals(earlier.layouts)) {
            out.add("the layout definitions");
        }
        if (!areas.equals(earlier.areas)) {
            out.add("your token's areas");
        }
        return out;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
