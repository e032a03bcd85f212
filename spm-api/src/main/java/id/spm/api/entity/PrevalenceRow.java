package id.spm.api.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A prevalence rate with its source, year and age band; area {@code 0} is national. */
@Entity
@Table(name = "prevalence")
public class PrevalenceRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(nullable = false)
    public short year;

    /** {@code 15+}, {@code 0+}, {@code 15-59}. */
    @Column(name = "age_band", nullable = false)
    public String ageBand;

    @Column(nullable = false, precision = 12, scale = 8)
    public BigDecimal rate;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();
}
