package id.spm.api.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded exception to the Puskesmas code rule: the one kecamatan a code may be registered in. */
public record CodeException(
        @NotBlank @Schema(example = "73.26.01", description = "The kecamatan the Puskesmas may be registered in") String kecamatanCode,
        @NotBlank @Size(max = 500) @Schema(example = "Code kept after the 2008 split of Kabupaten Tana Toraja (UU 28/2008)") String reason,
        @Schema(readOnly = true, description = "Who recorded it") String recordedBy) {
}
