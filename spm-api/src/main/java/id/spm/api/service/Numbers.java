package id.spm.api.service;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Indonesian number formats of the printed report (reports.md §2: thousands ".", decimal ",", percentages with two
 * decimals, Rupiah without decimals). Formats are not thread-safe: each call makes its own.
 */
public final class Numbers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm xxx");

    private Numbers() {
    }

    static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setGroupingSeparator('.');
        s.setDecimalSeparator(',');
        s.setMinusSign('-');
        return s;
    }

    /** Two decimals, comma decimal mark: 74,09. */
    public static NumberFormat decimalFormat() {
        return new DecimalFormat("#,##0.00", symbols());
    }

    /** Whole numbers with "." grouping: 1.234.567. */
    public static NumberFormat integerFormat() {
        return new DecimalFormat("#,##0", symbols());
    }

    /** A published figure (already rounded by the computation) with two decimals; "–" when absent. */
    public static String decimal(BigDecimal v) {
        return v == null ? "–" : decimalFormat().format(v);
    }

    public static String integer(Long v) {
        return v == null ? "–" : integerFormat().format(v);
    }

    /** A typed quantity: grouping, and its own decimals (comma) if it has any. */
    public static String number(BigDecimal v) {
        if (v == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##########", symbols());
        return f.format(v);
    }

    /** Rupiah, no decimals. */
    public static String rupiah(BigDecimal v) {
        return v == null ? "–" : integerFormat().format(v);
    }

    public static String time(OffsetDateTime t) {
        return t == null ? "–" : TIME.format(t);
    }
}
