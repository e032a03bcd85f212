package id.spm.api.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A Kemendagri region: 1 province, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan. Codes dotted. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public short level;

    @Column(name = "parent_code")
    public String parentCode;
}
