package id.spm.rules.catalog;

import java.math.BigDecimal;

/**
 * The unit of a catalog indicator's target and value. A value is always stated in the indicator's own unit
 * (a waiting time in minutes, a rate per 100,000); {@link #check(BigDecimal)} says what a unit refuses.
 */
public enum Unit {
    /** A percentage, 0–100 (coverage, satisfaction, punctuality). */
    PERCENT,
    /** A duration in minutes (waiting and turnaround times, seed 003 Lampiran 1.b). */
    MINUTES,
    /** A duration in hours (e.g. epidemiological investigation within 24 hours). */
    HOURS,
    /** A duration in days. */
    DAYS,
    /** A rate per 100,000 population (AFP rate per 100,000 under-15s, seed 003 Lampiran 3.m.1). */
    PER_100000,
    /** A count (persons served, villages). */
    COUNT;

    /** Why a value cannot be in this unit, or {@code null} when it can. */
    public String check(BigDecimal value) {
        if (value == null) {
            return "a value is required";
        }
        if (value.signum() < 0) {
            return "a " + label() + " value cannot be negative";
        }
        if (this == PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "a percentage cannot exceed 100";
        }
        if (this == COUNT && value.stripTrailingZeros().scale() > 0) {
            return "a count is a whole number";
        }
        return null;
    }

    /** A word for people: {@code %}, {@code minutes}, {@code per 100,000}. */
    public String label() {
        return switch (this) {
            case PERCENT -> "%";
            case MINUTES -> "minutes";
            case HOURS -> "hours";
            case DAYS -> "days";
            case PER_100000 -> "per 100,000";
            case COUNT -> "count";
        };
    }
}
