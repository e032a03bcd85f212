package id.spm.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Kemendagri region with its children and, for a kecamatan or district, its Puskesmas. */
public record RegionDto(@Schema(example = "73.18") String code, @Schema(example = "Kabupaten Tana Toraja") String name,
        @Schema(example = "2", description = "1 province, 2 kab/kota, 3 kecamatan, 4 desa") int level,
        @Schema(example = "73") String parentCode, List<RegionRef> children, List<PuskesmasDto> puskesmas) {

    public record RegionRef(@Schema(example = "73.18.01") String code, @Schema(example = "Salupputti") String name) {
    }
}
