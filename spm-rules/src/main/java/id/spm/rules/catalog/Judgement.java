package id.spm.rules.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whether a catalog indicator's value meets its target: the one rule of judging, for the API's achievements and
 * any export. A value equal to the target meets it whichever the direction ("≥ 95 %" and "≤ 5 menit" both
 * include the bound). No value, or no target for the year: no judgement ({@code null}), never a failure.
 */
public final class Judgement {

    /** Decimal places a rate per 100,000 is stated with (before it is judged). */
    public static final int RATE_SCALE = 2;

    private Judgement() {
    }

    /** {@code true} met, {@code false} not met, {@code null} when the value or the target is missing. */
    public static Boolean met(Direction direction, BigDecimal target, BigDecimal value) {
        if (value == null || target == null) {
            return null;
        }
        int c = value.compareTo(target);
        return direction == Direction.AT_LEAST ? c >= 0 : c <= 0;
    }

    /**
     * A rate per 100,000 from its cases and the population at risk (AFP: non-polio AFP cases ÷ population under
     * 15 × 100,000; seed 003 Lampiran 3.m.1), rounded half up to {@link #RATE_SCALE} places, so that 1 case in
     * 50,000 children is 2.00 and meets "≥ 2". {@code null} when there is no population.
     */
    public static BigDecimal per100000(long cases, long population) {
        return ratio(Unit.PER_100000, cases, population);
    }

    /**
     * A value in a ratio unit from the counts of a register: {@link Unit#PERCENT} numerator ÷ denominator × 100,
     * {@link Unit#PER_100000} × 100,000; rounded half up to {@link #RATE_SCALE} places (the figure that is judged
     * and shown). {@code null} when the denominator is 0.
     *
     * @throws IllegalArgumentException for a unit that is not a ratio, or negative counts
     */
    public static BigDecimal ratio(Unit unit, long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a numerator and denominator cannot be negative");
        }
        long factor = switch (unit) {
            case PERCENT -> 100;
            case PER_100000 -> 100_000;
            default -> throw new IllegalArgumentException("a value in " + unit.label() + " is not a ratio of counts");
        };
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(denominator), RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** A duration given as hours and minutes, in minutes (a survey's "1 jam 5 menit" is 65 minutes). */
    public static BigDecimal minutes(long hours, BigDecimal minutes) {
        if (hours < 0 || minutes == null || minutes.signum() < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return BigDecimal.valueOf(hours * 60).add(minutes);
    }
}
