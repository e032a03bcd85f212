package id.spm.api.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the one error shape of the API. {@code code} is stable for machines;
 * {@code detail} is for people.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "https://spm-kesehatan.id/problems/area-forbidden") String type,
        @Schema(example = "Area outside your scope") String title,
        @Schema(example = "403") int status,
        @Schema(example = "Your token does not cover area 73.18.") String detail,
        @Schema(example = "/api/v1/achievements") String instance,
        @Schema(example = "AREA_FORBIDDEN") String code,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(@Schema(example = "year") String field,
            @Schema(example = "must be between 2015 and 2035") String message) {
    }
}
