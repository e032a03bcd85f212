package id.spm.ingest.report;

/** Stable codes of rejected cells; a report groups errors by them. */
public enum ErrorCode {
    REQUIRED_MISSING("A required value is blank"),
    FORMULA("A formula where a value belongs"),
    CELL_ERROR_VALUE("A spreadsheet error value such as #N/A"),
    INVALID_DATE("Not a date, or a date that does not exist"),
    DATE_BEFORE_1900("A date before 1900"),
    DATE_IN_FUTURE("A date after the day of import"),
    BIRTH_AFTER_EVENT("A birth date after the date of the service"),
    INVALID_TIME("Not a time of day"),
    INVALID_NUMBER("Text in a numeric column, or a malformed number"),
    NEGATIVE_NUMBER("A negative count or measurement"),
    OUT_OF_RANGE("A number outside the accepted range"),
    NIK_NOT_TEXT("A NIK stored as a number (digits lost)"),
    NIK_INVALID("A NIK that is not 16 digits"),
    INVALID_YESNO("Not a yes/no value"),
    INVALID_SEX("Not a sex (L/P)"),
    INVALID_VALUE("A value outside the column's list"),
    INVALID_CODE("A malformed code"),
    UNKNOWN_REGION("A region code not in the Kemendagri list"),
    UNKNOWN_PUSKESMAS("A Puskesmas that is not registered"),
    INCONSISTENT_ROW("Values that contradict each other"),
    DUPLICATE_ROW("The same record twice in the file"),
    AREA_NOT_COVERED("A Puskesmas or area outside the importer's areas"),
    PUSKESMAS_CODE_MISMATCH("A Puskesmas code whose digits are not its kecamatan's, with no recorded exception");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
