package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.rules.catalog.Direction;
import id.spm.rules.catalog.Unit;

/**
 * {@code GET /catalogs/{id}/achievements}: each indicator's target of the year, value and whether it is met; for a
 * district or kecamatan, how many of its Puskesmas met each indicator, and each Puskesmas' own row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BludAchievement", description = "A catalog's achievement for an area and year")
public record BludAchievement(@Schema(example = "magelang-perbup-4-2015") String catalog,
        @Schema(example = "33.08") String area, @Schema(example = "Kabupaten Magelang") String areaName,
        @Schema(example = "DISTRICT", enumeration = {
                "DISTRICT", "KECAMATAN", "PUSKESMAS" }) String level,
        @Schema(example = "2016") int year, List<BludIndicatorAchievement> indicators,
        @Schema(description = "For a district or kecamatan: each Puskesmas' values and judgements") List<BludPuskesmasAchievement> puskesmas){

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BludIndicatorAchievement", description = "One indicator of the area: target, value, met (null: no value or no target)")
    public record BludIndicatorAchievement(@Schema(example = "1.b.7") String code,
            @Schema(example = "Waktu penyelesaian pelayanan laboratorium") String name,
            @Schema(example = "MINUTES") Unit unit, @Schema(example = "AT_MOST") Direction direction,
            @Schema(example = "SURVEY") BludCatalog.Method method, @Schema(example = "120") BigDecimal target,
            @Schema(example = "95", nullable = true) BigDecimal value,
            @Schema(example = "true", nullable = true) Boolean met,
            @Schema(nullable = true, description = "Why there is no value or no judgement") String reason,
            @Schema(nullable = true, description = "For a district or kecamatan: the roll-up over its Puskesmas") BludRollup rollup) {
    }

    @Schema(name = "BludRollup", description = "One indicator over the Puskesmas of an area")
    public record BludRollup(@Schema(example = "29") int puskesmas, @Schema(example = "21") int withValue,
            @Schema(example = "17") int met, @Schema(example = "4") int notMet) {
    }

    @Schema(name = "BludPuskesmasAchievement", description = "One Puskesmas' row")
    public record BludPuskesmasAchievement(@Schema(example = "P3308010101") String code,
            @Schema(example = "Puskesmas Salaman I") String name, List<BludPuskesmasIndicator> indicators) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BludPuskesmasIndicator", description = "One indicator of one Puskesmas")
    public record BludPuskesmasIndicator(@Schema(example = "1.b.7") String code,
            @Schema(example = "120") BigDecimal target, @Schema(example = "95", nullable = true) BigDecimal value,
            @Schema(example = "true", nullable = true) Boolean met) {
    }
}
