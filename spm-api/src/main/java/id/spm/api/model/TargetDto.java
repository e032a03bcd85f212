package id.spm.api.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sasaran figure with its provenance; also the body of {@code POST /targets}. */
public record TargetDto(@Schema(readOnly = true, example = "41") Long id,
        @NotBlank @Schema(example = "73.18", description = "District, kecamatan or Puskesmas code") String area,
        @Min(2015) @Max(2035) @Schema(example = "2025") int year,
        @NotBlank @Schema(example = "1.02.02.2.02.0001", description = "Service code, its last digits, or its key") String serviceCode,
        @NotNull @PositiveOrZero @Schema(example = "4820") Long amount,
        @NotNull @Schema(example = "BPS_PROJECTION") TargetSourceDto source,
        @Size(max = 500) @Schema(example = "Proyeksi BPS 2025: ibu bersalin") String note,
        @Schema(readOnly = true) OffsetDateTime createdAt,
        @Schema(readOnly = true, example = "dinkes-admin") String createdBy) {
}
