package id.spm.api.model;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /dev/tokens}: a token for chosen areas and roles. */
public record TokenRequest(
        @NotBlank @Size(max = 100) @Schema(example = "bidan-salupputti", description = "A label: the token's subject is `<your subject>/<label>`") String subject,
        @NotEmpty @Size(max = 50) @Schema(example = "[\"P7318010101\"]", description = "Region or Puskesmas codes; * for the country") List<String> areas,
        @NotEmpty @Schema(example = "[\"viewer\", \"analyst\"]") Set<@Pattern(regexp = "viewer|analyst|importer|admin", message = "must be viewer, analyst, importer or admin") String> roles,
        @Min(1) @Max(1440) @Schema(example = "720", description = "Lifetime in minutes; default 12 hours") Integer minutes) {
}
