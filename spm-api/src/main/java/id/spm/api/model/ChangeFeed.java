package id.spm.api.model;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A page of the change feed: what changed after the cursor sent, oldest first, and the cursor to send next. */
public record ChangeFeed(
        @Schema(description = "Changes in the order they were committed, only of districts your areas cover") List<Change> changes,
        @Schema(example = "1042", description = "Send as since= on the next poll (equals since when nothing changed)") long next,
        @Schema(example = "false", description = "Whether more changes wait after next: poll again at once") boolean more) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(@Schema(example = "1042", description = "This change's cursor") long cursor,
            @Schema(example = "2025-07-01T08:30:00Z") OffsetDateTime at,
            @Schema(example = "IMPORT_COMMITTED", enumeration = {
                    "IMPORT_COMMITTED", "TARGET_SET", "SUBMISSION_FROZEN",
                    "REGISTRY_CHANGED", "DATA_CHANGED", "CATALOG_VALUES_SET" }) String kind,
            @Schema(example = "73.18", description = "The district whose figures changed") String district,
            @Schema(example = "2025", description = "The data year changed; absent for a registry change (every year)") Integer year,
            @Schema(example = "2025-Q2", description = "The period, for a frozen submission") String period,
            @Schema(example = "12", description = "The district-year's new data version; absent for a change that moves no SPM figure (CATALOG_VALUES_SET)") Long dataVersion,
            @Schema(example = "import 42") String detail){
    }
}
