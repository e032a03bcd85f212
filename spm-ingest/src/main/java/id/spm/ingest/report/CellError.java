package id.spm.ingest.report;

/**
 * One rejected cell, located as the user sees the file.
 *
 * @param code error code
 * @param sheet sheet name (the file name for CSV)
 * @param row row number as a spreadsheet shows it, title rows counted
 * @param column column letter ({@code A}, {@code AB}); {@code null} when the column is absent
 * @param header the file's own header text of the column (or the layout's name for an absent column)
 * @param value the raw value (a NIK is masked: only its first four characters are shown)
 * @param reason what is wrong and how to fix it
 */
public record CellError(ErrorCode code, String sheet, int row, String column, String header, String value,
        String reason) {
}
