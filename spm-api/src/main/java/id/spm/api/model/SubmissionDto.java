package id.spm.api.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A frozen submission and how today's figures differ from it. */
public record SubmissionDto(@Schema(example = "7") long id, @Schema(example = "73.18") String district,
        @Schema(example = "2025-Q2") String period, @Schema(example = "12") long dataVersion,
        @Schema(example = "PMK-6-2024") String ruleSet, OffsetDateTime frozenAt,
        @Schema(example = "kadinkes-tator") String frozenBy,
        @Schema(description = "Whether every area's current figures equal the frozen ones") boolean matches,
        List<AchievementReport.Difference> differences,
        @Schema(description = "The district's figures as frozen") AchievementReport frozen) {
}
