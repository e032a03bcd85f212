package id.spm.api.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /submissions}: freeze a district's period as submitted. */
public record FreezeRequest(@NotBlank @Schema(example = "73.18") String district,
        @Min(2015) @Max(2035) @Schema(example = "2025") int year,
        @Min(1) @Max(4) @Schema(example = "2", description = "Absent for the year") Integer quarter) {
}
