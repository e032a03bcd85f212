package id.spm.rules.catalog;

/**
 * One indicator over the Puskesmas of an area: how many there are, how many have a value for the year, how many
 * met the target. Percentages, minutes and rates of Puskesmas are never averaged into a district value: the
 * district sees how many of its Puskesmas met the regent's standard.
 */
public record Rollup(int puskesmas, int withValue, int met) {

    public static final Rollup EMPTY = new Rollup(0, 0, 0);

    public Rollup {
        if (puskesmas < 0 || withValue < 0 || met < 0 || withValue > puskesmas || met > withValue) {
            throw new IllegalArgumentException("0 ≤ met ≤ withValue ≤ puskesmas");
        }
    }

    /** Adds one Puskesmas: whether it has a value, and its judgement ({@code null}: no value or no target). */
    public Rollup add(boolean hasValue, Boolean judged) {
        if (!hasValue && judged != null) {
            throw new IllegalArgumentException("a judgement needs a value");
        }
        return new Rollup(puskesmas + 1, withValue + (hasValue ? 1 : 0), met + (Boolean.TRUE.equals(judged) ? 1 : 0));
    }

    /** How many with a value did not meet the target. */
    public int notMet() {
        return withValue - met;
    }
}
