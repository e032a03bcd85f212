package id.spm.api.model;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /targets/proposals}: propose a district's sasaran and minimum quality for a year. */
public record TargetProposalRequest(@NotBlank @Schema(example = "73.18", description = "The district") String area,
        @NotNull @Min(2015) @Max(2035) @Schema(example = "2026", description = "The year proposed for") Integer year,
        @Schema(example = "LINEAR", enumeration = {
                "LINEAR",
                "GEOMETRIC" }, description = "How the population is projected (default LINEAR)") String populationMethod,
        @Min(1) @Max(10) @Schema(example = "3", description = "How many years before `year` the projection reads (default 3)") Integer baseYears,
        @DecimalMin("-10") @DecimalMax("10") @Schema(example = "1.2", description = "GEOMETRIC: annual growth in percent instead of the observed one (needed with one year of penduduk)") BigDecimal annualGrowthPercent,
        @PositiveOrZero @Schema(example = "412", description = "Target penemuan TBC of the year: service 11 by the TB formula; absent = this year's sasaran scaled") BigDecimal targetPenemuan,
        @Schema(example = "true", description = "Split each sasaran over the district's Puskesmas by working-area population (default true)") Boolean split){
}
