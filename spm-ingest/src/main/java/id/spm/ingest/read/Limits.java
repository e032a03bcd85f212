package id.spm.ingest.read;

/**
 * Hostile-file limits (formats.md, "Whole-file refusals"). Every reader enforces them while it
 * streams, so memory stays bounded whatever the file claims.
 *
 * @param maxFileBytes largest accepted upload
 * @param maxEntryBytes largest decompressed size of one xlsx part
 * @param maxTotalBytes largest decompressed size of all parts read
 * @param maxRatio largest decompressed/compressed ratio of a part (zip bombs reach thousands)
 * @param maxCellChars longest cell; 32,767 is the most a spreadsheet cell can hold
 * @param maxColumns widest row; 16,384 (XFD) is the widest worksheet
 * @param maxRows most rows of a sheet
 * @param maxErrorsPerCode error details kept per error code (all are counted)
 * @param maxSharedStringBytes most memory the xlsx shared-string table may take (its UTF-8 bytes plus
 *        4 bytes of offset per string): the one structure of a workbook that is held whole
 */
public record Limits(long maxFileBytes, long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxCellChars,
        int maxColumns, int maxRows, int maxErrorsPerCode, long maxSharedStringBytes) {

    public static final int SPREADSHEET_CELL_CHARS = 32_767;

    /** Default shared-string budget: 64 MB, a fraction of a 512 MB heap (real exports hold a few MB). */
    public static final long DEFAULT_SHARED_STRING_BYTES = 64L << 20;

    public static Limits defaults() {
        return new Limits(512L << 20, 2L << 30, 4L << 30, 200, SPREADSHEET_CELL_CHARS, 16_384, 5_000_000, 1_000,
                DEFAULT_SHARED_STRING_BYTES);
    }

    public Limits withMaxFileBytes(long bytes) {
        return new Limits(bytes, maxEntryBytes, maxTotalBytes, maxRatio, maxCellChars, maxColumns, maxRows,
                maxErrorsPerCode, maxSharedStringBytes);
    }

    public Limits withMaxEntryBytes(long bytes) {
        return new Limits(maxFileBytes, bytes, maxTotalBytes, maxRatio, maxCellChars, maxColumns, maxRows,
                maxErrorsPerCode, maxSharedStringBytes);
    }

    public Limits withMaxSharedStringBytes(long bytes) {
        return new Limits(maxFileBytes, maxEntryBytes, maxTotalBytes, maxRatio, maxCellChars, maxColumns, maxRows,
                maxErrorsPerCode, bytes);
    }

    /** Human-readable byte count for messages: {@code 512 MB}. */
    public static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GB";
        }
        if (n >= 1L << 20) {
            return (n >> 20) + " MB";
        }
        if (n >= 1L << 10) {
            return (n >> 10) + " KB";
        }
        return n + " bytes";
    }
}
