package id.spm.ingest.read;

import id.spm.ingest.report.Redaction;

/**
 * The whole file is refused: nothing of it is imported. The message is written for the person who
 * uploaded the file, and masked ({@link Redaction#mask}): no NIK survives in it.
 */
public final class FileRefusedException extends RuntimeException {

    /** Stable codes of whole-file refusals. */
    public enum Code {
        FILE_TOO_LARGE,
        EMPTY_FILE,
        UNSUPPORTED_FORMAT,
        NOT_XLSX,
        ENCRYPTED_WORKBOOK,
        MALFORMED_XML,
        DOCTYPE_REFUSED,
        ZIP_BOMB,
        SHARED_STRINGS_TOO_LARGE,
        BINARY_CONTENT,
        UTF16_WITHOUT_BOM,
        UNTERMINATED_QUOTE,
        CELL_TOO_LONG,
        TOO_MANY_COLUMNS,
        TOO_MANY_ROWS,
        SHEET_NOT_FOUND,
        NO_HEADER,
        LAYOUT_MISMATCH,
        UNKNOWN_LAYOUT
    }

    private final Code code;

    public FileRefusedException(Code code, String message) {
        super(Redaction.mask(message));
        this.code = code;
    }

    public FileRefusedException(Code code, String message, Throwable cause) {
        super(Redaction.mask(message), cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
