package id.spm.api.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.ingest.report.ErrorGroup;

/**
 * An import job as the API shows it: {@code phase} moves QUEUED → READING → MERGING → DONE, or ends
 * in REFUSED (the file, or allOrNothing with a rejected row; nothing stored) or FAILED (an unexpected
 * failure or a restart mid-import; nothing stored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportJob", description = "An import job: phase, progress and, at the end, the summary")
public record ImportJob(
        @Schema(example = "42") long id,
        @Schema(example = "DONE") ImportPhase phase,
        @Schema(example = "anc-2025-q1.xlsx") String fileName,
        long fileBytes,
        @Schema(description = "SHA-256 of the file") String contentHash,
        @Schema(example = "ekohort-anc", description = "The layout used (claimed or detected)") String layout,
        boolean dryRun,
        boolean allOrNothing,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Why the job was refused or failed, for people") String message,
        Progress progress,
        @Schema(description = "What the file replaces (see the README: scope of an import)") List<ScopeEntry> scope,
        Summary summary,
        @Schema(example = "73.18", description = "The district of the job's rows (who besides its creator may see it: admins of that district)") String kabkotaCode) {

    /** Whether the job has ended. */
    public boolean finished() {
        return phase.finished();
    }

    /** Bytes of the file read so far and rows below the header. */
    public record Progress(long bytesRead, long bytesTotal, long rowsRead) {
    }

    /**
     * One unit of the replaced scope: a Puskesmas' months of one layout (events, monthly counts), or an
     * area's year (population, mutu).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScopeEntry(@Schema(example = "service_event") String table, @Schema(example = "P7318010101") String code,
            @Schema(example = "ekohort-anc") String layout, @Schema(example = "2025-01-01") LocalDate from,
            @Schema(example = "2025-03-31") LocalDate to) {
    }

    /**
     * The result. {@code created}/{@code updated}/{@code unchanged} compare each accepted row with the
     * stored row of the same natural key (content hash); {@code removed} are stored rows of the
     * file's scope that the file no longer holds (a dry run: would be removed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(long rowsRead, long rowsAccepted, long rowsRejected, long created, long updated,
            long unchanged, long removed, long persons, String refusalCode, List<String> warnings,
            List<String> unknownColumns, List<ErrorGroup> errors, List<Removal> removals,
            @Schema(description = "The first removed rows (natural keys hold dates and codes, never a NIK)") List<RemovedRow> removedSample,
            @Schema(description = "Dry run: numerators of the affected Puskesmas and districts before and after") List<Impact> impact,
            @Schema(description = "Persons of the file whose sex, birth date or desa as this file records them differ from the record "
                    + "of the Puskesmas that recorded them first, which is the one used (kept, not applied; see the README)") Long personConflicts,
            @Schema(description = "The first such persons") List<PersonConflict> personConflictSample) {
    }

    /**
     * A person whose attributes in this file differ from those in use: which fields, and whose record is
     * used. The other Puskesmas' values are never shown.
     */
    public record PersonConflict(@Schema(description = "Pseudonymous person key") String personKey,
            @Schema(example = "P7318020101", description = "The Puskesmas of this file's record") String puskesmas,
            @Schema(example = "[\"birthDate\"]") List<String> fields,
            @Schema(example = "P7318010101", description = "The Puskesmas whose record is used") String usedFrom) {
    }

    /** Rows removed from one table for one Puskesmas or area, layout and year. */
    public record Removal(String table, String code, String layout, int year, long rows) {
    }

    /** One removed event (or count) row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RemovedRow(String table, String code, String layout, String eventType, LocalDate date,
            String naturalKey) {
    }

    /** A numerator before and after the import, computed with spm-rules. */
    public record Impact(@Schema(example = "P7318010101") String area, @Schema(example = "PUSKESMAS") String level,
            @Schema(example = "2025") int year, @Schema(example = "1.02.02.2.02.0001") String service,
            @Schema(example = "ANC") String serviceName, long before, long after) {
        public long delta() {
            return after - before;
        }
    }
}
