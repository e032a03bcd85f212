package id.spm.rules.internal;

import java.time.LocalDate;

/**
 * Ages in completed years or months (digest §9, "General"): a birthday counts on its day; a monthly
 * birthday that does not exist in a month falls on its last day; 29 February falls on 28 February in a
 * common year.
 */
public final class Ages {

    private Ages() {
    }

    /** Completed years at {@code on}; negative when {@code on} is before the birth. */
    public static int years(LocalDate birth, LocalDate on) {
        int y = on.getYear() - birth.getYear();
        // LocalDate.plusYears clamps 29 Feb to 28 Feb in a common year, as the digest requires.
        if (birth.plusYears(y).isAfter(on)) {
            y--;
        }
        return y;
    }

    /** Completed months at {@code on}; a monthly birthday missing from a month falls on its last day. */
    public static int months(LocalDate birth, LocalDate on) {
        int m = (on.getYear() - birth.getYear()) * 12 + (on.getMonthValue() - birth.getMonthValue());
        // plusMonths clamps day 31 to the month's last day: the monthly birthday rule.
        if (birth.plusMonths(m).isAfter(on)) {
            m--;
        }
        return m;
    }

    /** The n-th birthday (n years after birth; 29 Feb → 28 Feb in common years). */
    public static LocalDate birthday(LocalDate birth, int years) {
        return birth.plusYears(years);
    }

    /** The date at which the child completes {@code months} months. */
    public static LocalDate monthBirthday(LocalDate birth, int months) {
        return birth.plusMonths(months);
    }
}
