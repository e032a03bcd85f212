package id.spm.api.repository;

import java.math.BigDecimal;

/**
 * The one encoder of PostgreSQL's {@code COPY … FROM STDIN} text format: {@code \N} for null;
 * backslash, tab, newline and carriage return escaped; fields separated by a tab, rows ended by a
 * newline. It appends to the caller's buffer and copies a value that needs no escape whole, so the
 * importer's staging allocates nothing per field.
 */
public final class CopyText {

    private CopyText() {
    }

    /** Appends a field and the tab after it. */
    public static StringBuilder field(StringBuilder out, Object v) {
        return value(out, v).append('\t');
    }

    /** Appends the last field of a row and the newline after it. */
    public static StringBuilder last(StringBuilder out, Object v) {
        return value(out, v).append('\n');
    }

    /** Appends a number field and the tab after it (no boxing, nothing to escape). */
    public static StringBuilder field(StringBuilder out, long v) {
        return out.append(v).append('\t');
    }

    /** Appends a number as the last field of a row and the newline after it. */
    public static StringBuilder last(StringBuilder out, long v) {
        return out.append(v).append('\n');
    }

    /** Appends one value: {@code \N} for null, a {@code BigDecimal} without exponent, else its text escaped. */
    public static StringBuilder value(StringBuilder out, Object v) {
        if (v == null) {
            return out.append("\\N");
        }
        return escaped(out, v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    }

    private static StringBuilder escaped(StringBuilder out, String s) {
        int clean = 0;
        while (clean < s.length() && !special(s.charAt(clean))) {
            clean++;
        }
        // Most values hold nothing to escape: copy them whole.
        out.append(s, 0, clean);
        for (int i = clean; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }
}
