package id.spm.api.model;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /what-if}: an area, a period and rule-set parameters to set otherwise. */
public record WhatIfRequest(@NotBlank @Schema(example = "73.18") String area,
        @NotNull @Min(2015) @Max(2035) @Schema(example = "2025") Integer year,
        @Min(1) @Max(4) @Schema(example = "2", description = "1–4 (cumulative); absent for the year") Integer quarter,
        @NotNull @Size(min = 1, max = 40) @Schema(description = "Published parameter name (GET /api/v1/services) to the value, written as published", example = "{\"screening.ivaDecides\":\"true\",\"index.categories\":\"BANDS-10\"}") Map<String, String> overrides,
        @Min(0) @Max(5000) @Schema(example = "200", description = "At most this many changed persons are listed (default 500); the total is always given") Integer personLimit) {
}
