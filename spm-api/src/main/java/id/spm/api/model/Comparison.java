package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /comparisons}: each service's figures of two periods of one area (the same figures as
 * {@code GET /achievements} of each period), the changes and a direction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(@Schema(example = "73.18") String area, @Schema(example = "Kabupaten Tana Toraja") String areaName,
        @Schema(example = "DISTRICT") String level, @Schema(example = "2025") String period,
        @Schema(example = "2024") String basePeriod,
        @Schema(example = "0", description = "A move of at most this many points is UNCHANGED") BigDecimal tolerance,
        @Schema(example = "4", description = "Services whose figure rose by more than the tolerance") int improvedCount,
        @Schema(example = "6") int declinedCount, @Schema(example = "1") int unchangedCount,
        @Schema(example = "1") int notComparableCount, Sector sector, List<ServiceComparison> services) {

    /** The sector index of both periods. */
    public record Sector(@Schema(example = "68.10") BigDecimal baseIndex, @Schema(example = "71.36") BigDecimal index,
            @Schema(example = "3.26") BigDecimal change, @Schema(example = "Tuntas Madya") String baseCategory,
            @Schema(example = "Tuntas Madya") String category) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceComparison(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "ANTENATAL") String service, @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            Figures base, Figures current, @Schema(example = "IMPROVED", enumeration = {
                    "IMPROVED", "DECLINED", "UNCHANGED", "NOT_COMPARABLE" }) String direction,
            @Schema(example = "IPSPM", enumeration = {
                    "IPSPM", "PENERIMA", "NONE" }, description = "The figure the direction was judged on") String judgedOn,
            @Schema(example = "120") long numeratorChange, @Schema(example = "-35") Long sasaranChange,
            @Schema(example = "3.10") BigDecimal penerimaChange, @Schema(example = "0.00") BigDecimal qualityChange,
            @Schema(example = "2.48") BigDecimal indexChange,
            @Schema(description = "Every reason the two figures are not comparable") List<DecisionDto.ReasonDto> notComparable,
            @Schema(description = "How the direction was judged when not on the IPSPM") List<DecisionDto.ReasonDto> notes){
    }

    /** One period's figures of a service, as {@code GET /achievements} gives them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(@Schema(example = "2025") String period, @Schema(example = "PMK-6-2024") String ruleSet,
            @Schema(example = "BANDS-20") String categoryScheme, @Schema(example = "3571") long numerator,
            @Schema(example = "4820") Long sasaran, @Schema(example = "[\"BPS_PROJECTION\"]") Set<String> sasaranSources,
            @Schema(example = "74.09") BigDecimal coveragePercent, @Schema(example = "74.09") BigDecimal penerimaPercent,
            @Schema(example = "62.50") BigDecimal qualityPercent, @Schema(example = "71.77") BigDecimal index,
            @Schema(example = "Tuntas Madya") String category) {
    }
}
