package id.spm.api.model;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A registered Puskesmas; also the body of {@code POST /puskesmas}. */
public record PuskesmasDto(
        @NotBlank @Pattern(regexp = "[Pp]\\d{10}", message = "must be P followed by 10 digits") @Schema(example = "P7318010101") String code,
        @NotBlank @Size(max = 200) @Schema(example = "Puskesmas Salupputti") String name,
        @NotBlank @Schema(example = "73.18.01", description = "Kecamatan code, dotted or plain") String kecamatanCode,
        @Schema(example = "73.18", readOnly = true) String kabkotaCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) @PositiveOrZero @Schema(example = "18250", description = "Penduduk Wilayah Kerja; shares the district's sasaran. Returned only for Puskesmas within your areas; absent otherwise (or when not recorded)") Long population,
        @Schema(example = "[\"73.18.01.2010\", \"73.18.01.2011\"]") List<String> desaCodes) {
}
