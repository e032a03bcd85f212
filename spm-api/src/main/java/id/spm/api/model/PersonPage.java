package id.spm.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of person-level outcomes: pseudonymous ids only, never a NIK or a name. */
public record PersonPage(@Schema(example = "73.18.01") String area, @Schema(example = "2025") String period,
        @Schema(example = "1.02.02.2.02.0001") String serviceCode, @Schema(example = "NOT_COUNTED") String status,
        @Schema(example = "0") int page, @Schema(example = "50") int size, @Schema(example = "1102") long total,
        List<PersonOutcome> persons) {

    public record PersonOutcome(
            @Schema(example = "9f2c4e0b7a1d…", description = "Pseudonymous person key (keyed hash of the NIK)") String person,
            @Schema(example = "hpht=2024-04-02") String subject, @Schema(example = "P7318010101") String puskesmas,
            List<DecisionDto.ReasonDto> reasons) {
    }
}
