package id.spm.rules.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Projects a year's population from earlier years' rows (issue 11: next year's sasaran), per area, age group and
 * sex, with a named {@link ProjectionMethod}. Each projected row keeps its area and age group, so the derivations
 * of {@link TargetDerivations} apply to it unchanged. Pure.
 */
public final class PopulationProjection {

    private static final MathContext MC = MathContext.DECIMAL128;

    private PopulationProjection() {
    }

    /**
     * The rows of {@code year} projected from the base rows (any earlier years; an area and age group needs at
     * least two years, or {@code annualGrowth} for {@link ProjectionMethod#GEOMETRIC}).
     *
     * @param annualGrowth for GEOMETRIC, the growth per year (e.g. 0.012) to use instead of the observed one;
     *        {@code null} to observe it
     * @throws IllegalArgumentException when the base rows are empty, not all before {@code year}, or an area and
     *         age group has fewer than two years and no growth is given
     */
    public static List<Population> project(Collection<Population> base, int year, ProjectionMethod method,
            BigDecimal annualGrowth) {
        Objects.requireNonNull(method, "method");
        if (base.isEmpty()) {
            throw new IllegalArgumentException("no penduduk rows to project from");
        }
        Map<String, TreeMap<Integer, Population>> series = new TreeMap<>();
        for (Population p : base) {
            if (p.year() >= year) {
                throw new IllegalArgumentException("penduduk of " + p.year() + " is not before " + year);
            }
            series.computeIfAbsent(p.area() + "|" + p.ageGroup(), k -> new TreeMap<>()).put(p.year(), p);
        }
        List<Population> out = new ArrayList<>();
        for (TreeMap<Integer, Population> s : series.values()) {
            Population last = s.lastEntry().getValue();
            if (s.size() < 2 && (method == ProjectionMethod.LINEAR || annualGrowth == null)) {
                throw new IllegalArgumentException("penduduk of " + last.area() + " age " + last.ageGroup()
                        + " is known for " + s.keySet() + " only: projecting needs two years"
                        + (method == ProjectionMethod.GEOMETRIC ? " or an annual growth rate" : ""));
            }
            long male = one(s, year, method, annualGrowth, true);
            long female = one(s, year, method, annualGrowth, false);
            out.add(new Population(last.area(), year, last.ageGroup(), male, female));
        }
        return out;
    }

    /** The years the base rows cover, ascending. */
    public static List<Integer> years(Collection<Population> base) {
        TreeSet<Integer> y = new TreeSet<>();
        base.forEach(p -> y.add(p.year()));
        return List.copyOf(y);
    }

    /** A sentence naming the method and its basis. */
    public static String describe(ProjectionMethod method, List<Integer> years, int year, BigDecimal annualGrowth) {
        String basis = "penduduk " + (years.isEmpty() ? "-" : years.get(0) + "–" + years.get(years.size() - 1));
        return switch (method) {
            case LINEAR -> "linear (least squares) projection to " + year + " from " + basis
                    + ", per area, age group and sex, rounded half up";
            case GEOMETRIC -> annualGrowth == null
                    ? "geometric projection to " + year + " from " + basis
                            + " (constant annual growth between the first and last year), rounded half up"
                    : "geometric projection to " + year + " from " + basis + " at " + annualGrowth.toPlainString()
                            + " a year, rounded half up";
        };
    }

    private static long one(TreeMap<Integer, Population> s, int year, ProjectionMethod method, BigDecimal growth,
            boolean male) {
        if (method == ProjectionMethod.LINEAR) {
            // Least squares: slope = Σ(x−x̄)(y−ȳ) ÷ Σ(x−x̄)², exact in decimals.
            BigDecimal n = BigDecimal.valueOf(s.size());
            BigDecimal sx = BigDecimal.ZERO;
            BigDecimal sy = BigDecimal.ZERO;
            for (Map.Entry<Integer, Population> e : s.entrySet()) {
                sx = sx.add(BigDecimal.valueOf(e.getKey()));
                sy = sy.add(BigDecimal.valueOf(value(e.getValue(), male)));
            }
            BigDecimal mx = sx.divide(n, MC);
            BigDecimal my = sy.divide(n, MC);
            BigDecimal num = BigDecimal.ZERO;
            BigDecimal den = BigDecimal.ZERO;
            for (Map.Entry<Integer, Population> e : s.entrySet()) {
                BigDecimal dx = BigDecimal.valueOf(e.getKey()).subtract(mx);
                num = num.add(dx.multiply(BigDecimal.valueOf(value(e.getValue(), male)).subtract(my)));
                den = den.add(dx.multiply(dx));
            }
            BigDecimal slope = num.divide(den, MC);
            BigDecimal v = my.add(slope.multiply(BigDecimal.valueOf(year).subtract(mx)));
            return Math.max(0, v.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        Map.Entry<Integer, Population> last = s.lastEntry();
        long lastValue = value(last.getValue(), male);
        double rate;
        if (growth != null) {
            rate = growth.doubleValue();
        } else {
            Map.Entry<Integer, Population> first = s.firstEntry();
            long firstValue = value(first.getValue(), male);
            if (firstValue == 0) {
                return lastValue;
            }
            rate = Math.pow((double) lastValue / firstValue, 1.0 / (last.getKey() - first.getKey())) - 1;
        }
        double v = lastValue * Math.pow(1 + rate, year - last.getKey());
        return Math.max(0, BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static long value(Population p, boolean male) {
        return male ? p.male() : p.female();
    }
}
