package id.spm.api.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.ingest.report.ErrorGroup;

/**
 * The result of uploading a file of catalog values (layout {@code blud-capaian}): rows read, accepted, rejected, and
 * every rejected cell located as in import jobs (sheet, row, column, header, value, reason). All or nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BludUpload", description = "An upload of catalog values: counts and located errors (as import jobs)")
public record BludUpload(@Schema(example = "magelang-perbup-4-2015") String catalog,
        @Schema(example = "survei-2016.xlsx") String fileName, @Schema(example = "blud-capaian") String layout,
        @Schema(example = "40") long rowsRead, @Schema(example = "40") long rowsAccepted,
        @Schema(example = "0") long rowsRejected,
        @Schema(example = "40", description = "Values stored (0 when any row was rejected)") long stored,
        @Schema(example = "ROWS_REJECTED", description = "Set when nothing was stored") String refusalCode,
        List<ErrorGroup> errors) {
}
