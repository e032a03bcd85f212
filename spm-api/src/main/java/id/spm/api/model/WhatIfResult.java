package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /what-if}: the figures of an area and period under other rule-set parameters beside the
 * current ones, and the persons whose decision changes. Nothing is stored.
 */
public record WhatIfResult(@Schema(example = "73.18") String area, @Schema(example = "2025") String period,
        @Schema(example = "PMK-6-2024") String ruleSet, List<ParameterChange> overrides,
        @Schema(example = "71.36") BigDecimal sectorIndex, @Schema(example = "69.80") BigDecimal whatIfSectorIndex,
        @Schema(example = "Tuntas Madya") String sectorCategory, @Schema(example = "Tuntas Madya") String whatIfSectorCategory,
        List<ServiceFigures> services,
        @Schema(example = "312", description = "Decisions whose status changes, in the area") long personsChanged,
        @Schema(example = "false", description = "Whether more changed persons exist than are listed") boolean truncated,
        List<PersonChange> persons) {

    @Schema(name = "WhatIfParameterChange")
    public record ParameterChange(@Schema(example = "screening.ivaDecides") String name,
            @Schema(example = "false") String current, @Schema(example = "true") String whatIf) {
    }

    /** One service: current figures and those under the overrides. */
    public record ServiceFigures(@Schema(example = "1.02.02.2.02.0006") String serviceCode,
            @Schema(example = "PRODUCTIVE_AGE") String service, Comparison.Figures current, Comparison.Figures whatIf,
            @Schema(example = "-312") long numeratorChange, @Schema(example = "-3.10") BigDecimal indexChange) {
    }
}
