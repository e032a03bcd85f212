package id.spm.ingest.report;

import java.util.List;

/**
 * The errors of one code.
 *
 * @param count how many cells had this error
 * @param errors the first of them, up to the report's per-code limit
 */
public record ErrorGroup(ErrorCode code, String title, long count, List<CellError> errors) {

    public ErrorGroup {
        errors = List.copyOf(errors);
    }
}
