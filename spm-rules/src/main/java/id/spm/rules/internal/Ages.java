package id.spm.rules.internal;

import java.time.LocalDate;
import java.time.Year;

/**
 * Ages in completed years or months (digest §9, "General"): a birthday counts on its day; a monthly
 * birthday that does not exist in a month falls on its last day; 29 February falls on 28 February in a
 * common year. Computed on the date fields, without building the birthday date: every rule asks for
 * ages of every person.
 */
public final class Ages {

    private Ages() {
    }

    /** Completed years at {@code on}; negative when {@code on} is before the birth. */
    public static int years(LocalDate birth, LocalDate on) {
        int y = on.getYear() - birth.getYear();
        int bm = birth.getMonthValue();
        int bd = birth.getDayOfMonth();
        // The birthday in on's year, as LocalDate.plusYears places it: 29 Feb → 28 Feb in a common year.
        if (bm == 2 && bd == 29 && !Year.isLeap(on.getYear())) {
            bd = 28;
        }
        int om = on.getMonthValue();
        if (om < bm || (om == bm && on.getDayOfMonth() < bd)) {
            y--;
        }
        return y;
    }

    /** Completed months at {@code on}; a monthly birthday missing from a month falls on its last day. */
    public static int months(LocalDate birth, LocalDate on) {
        int m = (on.getYear() - birth.getYear()) * 12 + (on.getMonthValue() - birth.getMonthValue());
        // The monthly birthday in on's month, as plusMonths places it: day 31 → the month's last day.
        int bd = birth.getDayOfMonth();
        if (bd > 28) {
            bd = Math.min(bd, on.lengthOfMonth());
        }
        if (bd > on.getDayOfMonth()) {
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
