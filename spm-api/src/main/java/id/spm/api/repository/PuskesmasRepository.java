package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.entity.Puskesmas;
import io.quarkus.panache.common.Sort;

/**
 * The Puskesmas registry ({@code puskesmas}) and its recorded code exceptions ({@code puskesmas_code_exception}).
 * Writes join the caller's transaction.
 */
@ApplicationScoped
public class PuskesmasRepository {

    private final DataSource dataSource;

    public PuskesmasRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Puskesmas> find(String code) {
        return Optional.ofNullable(Puskesmas.findById(code));
    }

    /** The kecamatan a registered Puskesmas is placed in, or null when the code is not registered. */
    public String kecamatanOf(String code) {
        return find(code).map(p -> p.kecamatanCode).orElse(null);
    }

    public List<Puskesmas> all() {
        return Puskesmas.listAll(Sort.by("code"));
    }

    public List<Puskesmas> inDistricts(Collection<String> districts) {
        return Puskesmas.list("kabkotaCode in ?1", districts);
    }

    public List<Puskesmas> inDistrict(String kabkota) {
        return Puskesmas.list("kabkotaCode", Sort.by("code"), kabkota);
    }

    public List<Puskesmas> inKecamatan(String kecamatan) {
        return Puskesmas.list("kecamatanCode", Sort.by("code"), kecamatan);
    }

    /** The Puskesmas placed in the area or below it (the area a region code), by code. */
    public List<Puskesmas> under(String area) {
        return Puskesmas.list("kecamatanCode = ?1 or kecamatanCode like ?2", Sort.by("code"), area, area + ".%");
    }

    /** The kab/kota codes below a province that hold a registered Puskesmas, in order. */
    public List<String> districtsWithPuskesmas(String province) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct kabkota_code from puskesmas where kabkota_code like ? order by 1
                """)) {
            ps.setString(1, province + ".%");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the districts of " + province, e);
        }
    }

    /** Inserts or updates a Puskesmas in the caller's transaction. */
    public void save(Puskesmas p) {
        p.persist();
    }

    /** The kecamatan recorded as an exception for a Puskesmas code, or null. */
    public String exceptionKecamatan(String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select kecamatan_code from puskesmas_code_exception where code = ?
                """)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the code exception of " + code, e);
        }
    }

    /** Records (or replaces) the kecamatan a Puskesmas code may be registered in, in the caller's transaction. */
    public void recordException(String code, String kecamatan, String reason, String recordedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into puskesmas_code_exception (code, kecamatan_code, reason, recorded_by)
                values (?, ?, ?, ?)
                on conflict (code) do update set kecamatan_code = excluded.kecamatan_code, reason = excluded.reason,
                    recorded_by = excluded.recorded_by, recorded_at = now()
                """)) {
            ps.setString(1, code);
            ps.setString(2, kecamatan);
            ps.setString(3, reason);
            ps.setString(4, recordedBy);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the code exception of " + code, e);
        }
    }
}
