package id.spm.api.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A district's period as submitted: its figures frozen, never recomputed in place. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kabkota_code", nullable = false)
    public String kabkotaCode;

    @Column(nullable = false)
    public short year;

    @Column(nullable = false)
    public short quarter;

    @Column(name = "data_version", nullable = false)
    public long dataVersion;

    @Column(name = "rule_set_id", nullable = false)
    public String ruleSetId;

    @Column(name = "frozen_at", nullable = false)
    public OffsetDateTime frozenAt = OffsetDateTime.now();

    @Column(name = "frozen_by", nullable = false)
    public String frozenBy;

    /** The district's achievements of every area as JSON (the API's own response records). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String result;
}
