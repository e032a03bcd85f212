package id.spm.api.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered Puskesmas, {@code P} + 10 digits, in its kecamatan. */
@Entity
@Table(name = "puskesmas")
public class Puskesmas extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "kecamatan_code", nullable = false)
    public String kecamatanCode;

    @Column(name = "kabkota_code", nullable = false)
    public String kabkotaCode;

    /** Penduduk Wilayah Kerja; shares a district's sasaran. */
    public Long population;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "desa_codes", nullable = false)
    public String[] desaCodes = new String[0];

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
