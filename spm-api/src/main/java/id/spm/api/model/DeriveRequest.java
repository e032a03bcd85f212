package id.spm.api.model;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /targets/derive}: derive sasaran with spm-rules, preview or store. */
public record DeriveRequest(@NotBlank @Schema(example = "73.18") String area,
        @Min(2015) @Max(2035) @Schema(example = "2025") int year, @NotNull @Schema(example = "PREVALENCE") Method method,
        @Schema(example = "1.02.02.2.02.0008", description = "PREVALENCE and SPLIT: the service") String serviceCode,
        @Valid @Schema(description = "PREVALENCE: the rate; absent = the stored rate of the area, else the national one") PrevalenceDto prevalence,
        @PositiveOrZero @Schema(example = "412", description = "TB_FORMULA: target penemuan TBC of the area") BigDecimal targetPenemuan,
        @Schema(example = "false", description = "Store the derived figures (else preview only)") boolean store) {

    public enum Method {
        /** Population in the age band × prevalence, rounded half up (services 8, 9, 10). */
        PREVALENCE,
        /** ⌈target penemuan ÷ 0.54 × 10⌉ (service 11). */
        TB_FORMULA,
        /** The area's sasaran split over its Puskesmas by working-area population, largest remainder. */
        SPLIT
    }

    public record PrevalenceDto(
            @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.0838") BigDecimal rate,
            @NotBlank @Schema(example = "15+") String ageBand, @NotBlank @Schema(example = "SKI 2023") String source,
            @Min(1990) @Max(2035) @Schema(example = "2023") int year) {
    }
}
