package id.spm.api.model;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a write of typed form inputs (issue 10): stored, or refused with every bad row located (sheet,
 * row, column, header, value, reason), as the import reports locate them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormInputResult(@Schema(example = "anggaran") String layout, @Schema(example = "true") boolean stored,
        @Schema(example = "12") long rowsRead, @Schema(example = "12") long rowsAccepted,
        @Schema(example = "0") long rowsRejected, @Schema(example = "3") Integer rowsReplaced,
        @Schema(description = "Areas, years and quarters (0 = the year) whose rows the write replaced") List<ScopeDto> scopes,
        List<LocatedError> errors) {

    public record ScopeDto(@Schema(example = "73.18") String area, @Schema(example = "2025") int year,
            @Schema(example = "2") int quarter) {
    }

    /** One bad cell or row; {@code row} is the sheet row (the JSON API: the row's index in the body + 2). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocatedError(@Schema(example = "INVALID_VALUE") String code, @Schema(example = "anggaran") String sheet,
            @Schema(example = "4") int row, @Schema(example = "E") String column,
            @Schema(example = "Sumber Dana") String header, @Schema(example = "Hibah") String value,
            @Schema(example = "'Hibah' is not one of: APBD, DAU, …") String reason) {
    }

    /** One stored row of a layout: its area, year, quarter and fields. */
    public record InputRow(@Schema(example = "73.18") String area, @Schema(example = "2025") int year,
            @Schema(example = "2") int quarter,
            @Schema(example = "{\"service\":\"1.02.02.2.02.0001\",\"fund\":\"DAK_NON_FISIK\",\"allocation\":656212697}") Map<String, Object> values) {
    }
}
