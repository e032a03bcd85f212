package id.spm.rules.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import id.spm.rules.SpmService;
import id.spm.rules.area.AreaCodes;
import id.spm.rules.model.PuskesmasInfo;

/**
 * Derived sasaran (digest §2.8–§2.11, §9 "Denominators"): population aged ≥ 15 × prevalence (services 8,
 * 9) and population × prevalence (10), rounded half up; ⌈target penemuan ÷ 0.54 × 10⌉ (11). Exact
 * decimal arithmetic throughout.
 */
public final class TargetDerivations {

    private TargetDerivations() {
    }

    /**
     * The sasaran estimated from a prevalence: the area's population of the year in the prevalence's age
     * band (both sexes) × the rate, rounded half up to a whole person.
     *
     * @throws IllegalArgumentException when the area has no population for the year, or an age group
     *         straddles the band's bounds
     */
    public static Target fromPrevalence(String area, int year, Collection<Population> population,
            Prevalence prevalence) {
        Objects.requireNonNull(prevalence, "prevalence");
        String code = AreaCodes.normalize(area);
        long inBand = populationInBand(code, year, population, prevalence.minAge(), prevalence.maxAge());
        BigDecimal exact = BigDecimal.valueOf(inBand).multiply(prevalence.rate());
        long amount = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        String note = "population " + prevalence.ageBand() + " of " + code + " in " + year + ": " + inBand + " × "
                + prevalence.rate().toPlainString() + " (" + prevalence.source() + ", " + prevalence.year() + ") = "
                + exact.stripTrailingZeros().toPlainString() + ", rounded half up";
        return new Target(code, year, prevalence.service(), amount, TargetSource.PREVALENCE, note);
    }

    /** Population × rate rounded half up: the arithmetic of {@link #fromPrevalence}. */
    public static long prevalenceAmount(long population, BigDecimal rate) {
        return BigDecimal.valueOf(population).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The sasaran of service 11 from the target penemuan TBC of the area. */
    public static Target fromTbTarget(String area, int year, BigDecimal targetPenemuan, TbFormula formula) {
        long amount = tbAmount(targetPenemuan, formula);
        String note = "⌈target penemuan " + targetPenemuan.toPlainString() + " ÷ "
                + formula.confirmedShare().toPlainString() + " × " + formula.contactsPerCase().toPlainString() + "⌉";
        return new Target(area, year, SpmService.TB_PRESUMPTIVE, amount, TargetSource.TB_FORMULA, note);
    }

    /** ⌈target ÷ share × contacts⌉, computed as ⌈target × contacts ÷ share⌉ with exact division. */
    public static long tbAmount(BigDecimal targetPenemuan, TbFormula formula) {
        Objects.requireNonNull(targetPenemuan, "targetPenemuan");
        if (targetPenemuan.signum() < 0) {
            throw new IllegalArgumentException("target penemuan must not be negative");
        }
        // divide(…, 0, CEILING) rounds the exact quotient, so no intermediate rounding can lose a person.
        return targetPenemuan.multiply(formula.contactsPerCase())
                .divide(formula.confirmedShare(), 0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * The population of an area and year in an age band, both sexes. An age group partly inside the band
     * is an error: the estimate would otherwise depend on a silent guess.
     */
    public static long populationInBand(String area, int year, Collection<Population> population, int minAge,
            Integer maxAge) {
        String code = AreaCodes.normalize(area);
        long sum = 0;
        boolean any = false;
        for (Population p : population) {
            if (!p.area().equals(code) || p.year() != year) {
                continue;
            }
            any = true;
            AgeGroup g = p.ageGroup();
            boolean above = g.allAtLeast(minAge);
            boolean below = g.allBelow(minAge);
            boolean withinMax = maxAge == null || g.allBelow(maxAge + 1);
            boolean beyondMax = maxAge != null && g.allAtLeast(maxAge + 1);
            if (below || beyondMax) {
                continue;
            }
            if (!above || !withinMax) {
                throw new IllegalArgumentException("age group " + g + " of " + code + " straddles the band "
                        + minAge + (maxAge == null ? "+" : "–" + maxAge));
            }
            sum = Math.addExact(sum, p.total());
        }
        if (!any) {
            throw new IllegalArgumentException("no population of " + code + " for " + year);
        }
        return sum;
    }

    /**
     * An area's sasaran split among the Puskesmas under it by their working-area population (largest
     * remainder, so the shares add up to the whole), each share keeping the area's source.
     *
     * @throws IllegalArgumentException when there is no Puskesmas, one has no population, or all have 0
     */
    public static List<Target> splitByPopulation(Target whole, List<PuskesmasInfo> under) {
        if (under.isEmpty() || under.stream().anyMatch(p -> p.population() == null)
                || under.stream().allMatch(p -> p.population() == 0)) {
            throw new IllegalArgumentException(
                    "Every Puskesmas under " + whole.area() + " needs a working-area population to split by.");
        }
        long[] shares = LargestRemainder.allocate(whole.amount(), under.stream().map(PuskesmasInfo::code).toList(),
                under.stream().map(p -> BigInteger.valueOf(p.population())).toList());
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < under.size(); i++) {
            PuskesmasInfo p = under.get(i);
            out.add(new Target(p.code(), whole.year(), whole.service(), shares[i], whole.source(), "share of "
                    + whole.area() + " " + whole.amount() + " by population " + p.population() + " (largest remainder)"));
        }
        return out;
    }
}
