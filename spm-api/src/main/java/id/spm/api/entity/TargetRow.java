package id.spm.api.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.spm.api.model.TargetSourceDto;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One sasaran figure with its provenance; the latest per (area, year, service) is in force. */
@Entity
@Table(name = "target")
public class TargetRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "kabkota_code", nullable = false)
    public String kabkotaCode;

    @Column(nullable = false)
    public short year;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(nullable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetSourceDto source;

    public String note;

    @Column(name = "import_batch_id")
    public Long importBatchId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "created_by")
    public String createdBy;
}
