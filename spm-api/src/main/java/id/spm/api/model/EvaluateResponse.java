package id.spm.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Each person's decisions (services the person is not a recipient of are left out). */
public record EvaluateResponse(@Schema(example = "2025") String period, @Schema(example = "PMK-6-2024") String ruleSet,
        List<PersonDecisions> persons) {

    /** Named apart from the stored decisions' PersonDecisions: no numbered schema in the document (issue 15). */
    @Schema(name = "EvaluatedPerson")
    public record PersonDecisions(@Schema(example = "p-3f2a9c") String id, List<DecisionDto> decisions) {
    }
}
