package id.spm.api.model;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /targets/proposals/{id}/adoption}: the regional head's decree adopting a proposal. */
public record TargetAdoption(
        @NotBlank @Size(max = 120) @Schema(example = "188.45/123/2025", description = "Number of the decree (SK Bupati/Wali Kota)") String decreeNumber,
        @NotNull @Schema(example = "2025-07-28", description = "Date of the decree") LocalDate decreeDate) {
}
