package id.spm.api.model;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One per-person (or per-case) decision of a service, with every reason and assumption. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionDto(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
        @Schema(example = "ANTENATAL") String service,
        @Schema(example = "NOT_COUNTED", enumeration = {
                "COUNTED", "PENDING", "NOT_COUNTED", "EXCLUDED" }) String status,
        @Schema(example = "hpht=2024-04-02", description = "The case within the person; empty for the person") String subject,
        @Schema(example = "P7318010101") String puskesmas,
        @Schema(description = "Pending only: when the window closes") LocalDate judgedOn, List<ReasonDto> reasons,
        List<AssumptionDto> assumptions){

    public record ReasonDto(@Schema(example = "ANC_T2_VISITS") String code,
            @Schema(example = "1 visit in trimester 2, 2 required") String message,
            @Schema(example = "PMK-6-2024 §9.1") String clause) {
    }

    public record AssumptionDto(@Schema(example = "KN1_BY_DAY") String code,
            @Schema(example = "KN1 judged by day: no time of birth recorded") String message) {
    }
}
