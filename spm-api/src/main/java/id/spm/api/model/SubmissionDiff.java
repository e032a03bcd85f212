package id.spm.api.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /submissions/{id}/diff}: a frozen submission against today's computation (data re-imported,
 * parameters changed, or parameters set otherwise in the request), down to the persons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionDiff(@Schema(example = "7") long id, @Schema(example = "73.18") String district,
        @Schema(example = "2025-Q2") String period, OffsetDateTime frozenAt,
        @Schema(example = "12") long frozenDataVersion, @Schema(example = "15") long currentDataVersion,
        @Schema(example = "PMK-6-2024") String frozenRuleSet, @Schema(example = "PMK-6-2024") String currentRuleSet,
        @Schema(description = "Rule parameters whose value differs between the freeze and now (request overrides included)") List<ParameterChange> parameterChanges,
        @Schema(description = "Every figure of every area that differs") List<AchievementReport.Difference> differences,
        @Schema(example = "true", description = "Whether per-person decisions were kept at freeze (submissions frozen before they were have none)") boolean personsAvailable,
        @Schema(example = "3f1a…", description = "SHA-256 of the frozen decision set") String frozenDecisionHash,
        @Schema(example = "9b0c…", description = "SHA-256 of today's decision set, computed the same way") String currentDecisionHash,
        @Schema(example = "41") long personsChanged, @Schema(example = "false") boolean truncated,
        @Schema(description = "before = as frozen, after = now") List<PersonChange> persons) {

    /** A rule parameter whose value at freeze differs from now. */
    @Schema(name = "SubmissionParameterChange")
    public record ParameterChange(@Schema(example = "screening.ivaDecides") String name,
            @Schema(example = "false") String frozen, @Schema(example = "true") String current) {
    }
}
