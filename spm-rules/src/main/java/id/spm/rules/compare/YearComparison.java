package id.spm.rules.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import id.spm.rules.Reason;

/**
 * Compares one service's figures of two periods (issue 11, "Year over year"): the direction is judged on
 * the IPSPM (digest §3), or on %IP penerima when %IP mutu is missing in either period (said in the
 * notes); a move of at most {@link #tolerance()} points is {@code UNCHANGED}. Figures computed under a
 * different rule set, different rule parameters, a different category scheme or from a sasaran of a
 * different provenance are {@code NOT_COMPARABLE}, with every reason. Pure and thread-safe.
 */
public final class YearComparison {

    /** Default tolerance: 0 points, i.e. any move of the published (2-decimal) figure counts. */
    public static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.ZERO;

    static final String CLAUSE = "issue 11 (year over year)";

    private final BigDecimal tolerance;

    /** @param tolerance a move of at most this many points is UNCHANGED [interpretation]; not negative */
    public YearComparison(BigDecimal tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.tolerance = tolerance;
    }

    public BigDecimal tolerance() {
        return tolerance;
    }

    /** The change from {@code base} to {@code current}. */
    public Change compare(Figures base, Figures current) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        List<Reason> not = new ArrayList<>(comparability(base, current));
        List<Reason> notes = new ArrayList<>();
        BigDecimal penerimaChange = minus(current.penerimaPercent(), base.penerimaPercent());
        BigDecimal qualityChange = minus(current.qualityPercent(), base.qualityPercent());
        BigDecimal indexChange = minus(current.index(), base.index());
        Long sasaranChange = base.sasaran() == null || current.sasaran() == null ? null
                : current.sasaran() - base.sasaran();
        Basis basis = Basis.NONE;
        BigDecimal delta = null;
        if (indexChange != null) {
            basis = Basis.IPSPM;
            delta = indexChange;
        } else if (penerimaChange != null) {
            basis = Basis.PENERIMA;
            delta = penerimaChange;
            notes.add(new Reason("JUDGED_ON_PENERIMA", "%IP mutu is missing in "
                    + missingIn(base.qualityPercent(), current.qualityPercent())
                    + ", so the IPSPM is too: the direction is judged on %IP penerima", CLAUSE));
        } else {
            not.add(new Reason("FIGURE_MISSING", "%IP penerima is missing in "
                    + missingIn(base.penerimaPercent(), current.penerimaPercent())
                    + " (sasaran 0 or missing): nothing to compare", CLAUSE));
        }
        Direction direction;
        if (!not.isEmpty()) {
            direction = Direction.NOT_COMPARABLE;
            basis = Basis.NONE;
        } else if (delta.abs().compareTo(tolerance) <= 0) {
            direction = Direction.UNCHANGED;
        } else {
            direction = delta.signum() > 0 ? Direction.IMPROVED : Direction.DECLINED;
        }
        return new Change(direction, basis, current.numerator() - base.numerator(), sasaranChange, penerimaChange,
                qualityChange, indexChange, not, notes);
    }

    /** Every reason the two periods' figures are not comparable; empty when they are. */
    public static List<Reason> comparability(Figures base, Figures current) {
        List<Reason> out = new ArrayList<>();
        if (!base.ruleSetId().equals(current.ruleSetId())) {
            out.add(new Reason("DIFFERENT_RULE_SET", "computed under rule set " + base.ruleSetId() + " then "
                    + current.ruleSetId(), CLAUSE));
        }
        TreeSet<String> names = new TreeSet<>(base.parameters().keySet());
        names.addAll(current.parameters().keySet());
        List<String> changed = new ArrayList<>();
        for (String n : names) {
            String a = base.parameters().get(n);
            String b = current.parameters().get(n);
            if (!Objects.equals(a, b)) {
                changed.add(n + " " + a + " → " + b);
            }
        }
        if (!changed.isEmpty()) {
            out.add(new Reason("DIFFERENT_PARAMETERS", "rule parameters differ: " + String.join("; ", changed),
                    CLAUSE));
        }
        if (!base.categoryScheme().equals(current.categoryScheme())) {
            out.add(new Reason("DIFFERENT_CATEGORY_SCHEME", "categories banded with " + base.categoryScheme()
                    + " then " + current.categoryScheme(), CLAUSE));
        }
        if (base.sasaran() != null && current.sasaran() != null
                && !base.sasaranSources().equals(current.sasaranSources())) {
            out.add(new Reason("DIFFERENT_SASARAN_PROVENANCE", "sasaran from " + new TreeSet<>(base.sasaranSources())
                    + " then " + new TreeSet<>(current.sasaranSources()), CLAUSE));
        }
        return out;
    }

    /** How many changes went each way, keyed by direction (all four present). */
    public static Map<Direction, Integer> counts(List<Change> changes) {
        Map<Direction, Integer> out = new java.util.EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            out.put(d, 0);
        }
        for (Change c : changes) {
            out.merge(c.direction(), 1, Integer::sum);
        }
        return out;
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static String missingIn(Object base, Object current) {
        if (base == null && current == null) {
            return "both periods";
        }
        return base == null ? "the base period" : "the current period";
    }
}
