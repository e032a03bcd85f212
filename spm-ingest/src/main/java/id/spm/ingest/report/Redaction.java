package id.spm.ingest.report;

/**
 * Keeps NIKs out of every text the ingestor produces (error values, reasons, notes, refusals),
 * whatever column a NIK lands in: a CSV row with an unquoted comma in a name shifts a NIK into
 * another column, and people type NIKs where they do not belong.
 *
 * <p>
 * The rule: any run of {@value #MIN_DIGITS} or more digits, counting digit groups joined by one
 * space, no-break space, dot or dash (a NIK typed {@code 7318 0141 0190 0001},
 * {@code 7318.0141.0190.0001} or {@code 7318-0141-0190-0001}), keeps its first four digits (the
 * province and kab/kota, as {@code CellParser.maskNik} shows a NIK) and has every other digit replaced
 * by {@code *}; the separators stay. Shorter runs (region and Puskesmas codes, service codes, dates,
 * phone numbers) are left alone. The rule errs on the side of masking: codes or dates separated by a
 * single space ({@code 7318012001 7318012002}, {@code 05-01-2025 06-01-2025}) also form a run of 16
 * digits or more and are masked.
 */
public final class Redaction {

    /** A NIK has 16 digits. */
    public static final int MIN_DIGITS = 16;
    /** Characters of a name shown in an error value. */
    public static final int NAME_CHARS = 3;

    private Redaction() {
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '\u00A0' || c == '.' || c == '-';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The text with every NIK-like run of digits masked; {@code null} stays {@code null}. */
    public static String mask(String s) {
        if (s == null || s.length() < MIN_DIGITS) {
            return s;
        }
        StringBuilder out = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!digit(s.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            int digits = 0;
            while (end < n) {
                char c = s.charAt(end);
                if (digit(c)) {
                    digits++;
                    end++;
                } else if (separator(c) && end + 1 < n && digit(s.charAt(end + 1))) {
                    end++;
                } else {
                    break;
                }
            }
            if (digits >= MIN_DIGITS) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                int shown = 0;
                for (int k = i; k < end; k++) {
                    if (digit(s.charAt(k)) && shown++ >= 4) {
                        out.setCharAt(k, '*');
                    }
                }
            }
            i = end;
        }
        return out == null ? s : out.toString();
    }

    /** A person's name as an error value may show it: its first {@value #NAME_CHARS} characters and "…". */
    public static String truncateName(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.codePointCount(0, t.length()) <= NAME_CHARS) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, NAME_CHARS)) + "…";
    }
}
