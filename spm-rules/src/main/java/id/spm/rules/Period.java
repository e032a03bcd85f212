package id.spm.rules;

import java.time.LocalDate;
import java.time.Month;

/**
 * A reporting period: a year, or a quarter (triwulan) cumulative from 1 January (digest section 4).
 * Evaluation is "as of" {@link #end()}, the date <em>E</em> of section 9; nothing here reads a clock.
 *
 * @param year report year
 * @param quarter 1–4, or 0 for the whole year
 */
public record Period(int year, int quarter) {

    public Period {
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter + " is outside 1–4");
        }
    }

    public static Period ofYear(int year) {
        return new Period(year, 0);
    }

    public static Period ofQuarter(int year, int quarter) {
        if (quarter < 1) {
            throw new IllegalArgumentException("quarter " + quarter + " is outside 1–4");
        }
        return new Period(year, quarter);
    }

    /** Parses {@code 2025}, {@code 2025-Q2} or {@code 2025Q2}. */
    public static Period parse(String s) {
        String t = s.strip().toUpperCase(java.util.Locale.ROOT);
        int q = t.indexOf('Q');
        if (q < 0) {
            return ofYear(Integer.parseInt(t));
        }
        String y = t.substring(0, q).replace("-", "");
        return ofQuarter(Integer.parseInt(y), Integer.parseInt(t.substring(q + 1)));
    }

    public boolean isYear() {
        return quarter == 0;
    }

    /** 1 January of the year: quarters are cumulative. */
    public LocalDate start() {
        return LocalDate.of(year, 1, 1);
    }

    /** The evaluation date E: 31 Mar, 30 Jun, 30 Sep or 31 Dec (quarter 4 equals the year). */
    public LocalDate end() {
        int month = quarter == 0 ? 12 : quarter * 3;
        return LocalDate.of(year, month, 1).withDayOfMonth(Month.of(month).length(false));
    }

    /** First day of the school year that ends in May of this year: 1 June of the previous year (section 9.5). */
    public LocalDate schoolYearStart() {
        return LocalDate.of(year - 1, 6, 1);
    }

    /** Last day of the school year window, bounded by E: min(31 May, E). */
    public LocalDate schoolYearEnd() {
        LocalDate may31 = LocalDate.of(year, 5, 31);
        return end().isBefore(may31) ? end() : may31;
    }

    /** Whether a date lies in [1 Jan, E]. */
    public boolean contains(LocalDate d) {
        return !d.isBefore(start()) && !d.isAfter(end());
    }

    /** {@code 2025} or {@code 2025-Q2}. */
    public String label() {
        return quarter == 0 ? Integer.toString(year) : year + "-Q" + quarter;
    }

    @Override
    public String toString() {
        return label();
    }
}
