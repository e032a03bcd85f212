package id.spm.ingest.read;

/**
 * One cell as the file holds it, before any layout interprets it.
 *
 * @param column zero-based column index (A = 0)
 * @param text the cell's text: for a number the lexical value the file stores, for a formula its
 *        expression
 * @param kind how the file typed the cell
 */
public record Cell(int column, String text, Kind kind) {

    /** The storage type of a cell. */
    public enum Kind {
        /** Text: every CSV value, and xlsx shared, inline and string cells. */
        TEXT,
        /** An xlsx numeric cell (also dates, which a spreadsheet stores as serial numbers). */
        NUMBER,
        /** An xlsx boolean cell. */
        BOOLEAN,
        /** A formula (xlsx {@code <f>}, or a CSV value starting with {@code =}). */
        FORMULA,
        /** An xlsx error value such as {@code #N/A}. */
        ERROR
    }

    public boolean isBlank() {
        return text == null || text.isBlank();
    }

    /** Spreadsheet column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder(3);
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.append((char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }

    /** Zero-based column index of the letters of a cell reference such as {@code AB12}; -1 if none. */
    public static int columnIndex(CharSequence ref) {
        int n = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                n = n * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                n = n * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return i == 0 ? -1 : n - 1;
    }
}
