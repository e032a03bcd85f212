package id.spm.ingest.report;

/**
 * One rejected cell, located as the user sees the file.
 *
 * @param code error code
 * @param sheet sheet name (the file name for CSV)
 * @param row row number as a spreadsheet shows it, title rows counted
 * @param column column letter ({@code A}, {@code AB}); {@code null} when the column is absent
 * @param header the file's own header text of the column (or the layout's name for an absent column)
 * @param value the raw value (a NIK is masked: only its first four characters are shown; a person's
 *        name is cut to its first characters)
 * @param reason what is wrong and how to fix it
 *        <p>
 *        Every text is passed through {@link Redaction#mask}, so no NIK survives in it whatever
 *        column it came from.
 */
public record CellError(ErrorCode code, String sheet, int row, String column, String header, String value,
        String reason) {

    public CellError {
        sheet = Redaction.mask(sheet);
        header = Redaction.mask(header);
        value = Redaction.mask(value);
        reason = Redaction.mask(reason);
    }
}
