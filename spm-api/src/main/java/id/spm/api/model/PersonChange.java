package id.spm.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person (pseudonymous key, never a NIK) whose decision for a service differs between two
 * computations, with both decisions and their reasons; a side is absent when the person had no decision
 * there (not a candidate, or not in the data).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonChange(
        @Schema(example = "9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2") String person,
        @Schema(example = "1.02.02.2.02.0006") String serviceCode, @Schema(example = "PRODUCTIVE_AGE") String service,
        @Schema(example = "", description = "The case within the person; empty for the person") String subject,
        @Schema(example = "P7318010101") String puskesmas, Side before, Side after) {

    public record Side(@Schema(example = "COUNTED", enumeration = {
            "COUNTED", "PENDING", "NOT_COUNTED", "EXCLUDED" }) String status, List<DecisionDto.ReasonDto> reasons){
    }
}
