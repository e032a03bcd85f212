package id.spm.rules.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * Proposes next year's sasaran of a district (issue 11; SE Mendagri 600.4/2851/ST: regions set next year's
 * target numbers in advance), each with its method, from the projected population ({@link PopulationProjection})
 * and this year's sasaran, reusing {@link TargetDerivations}:
 * <ul>
 * <li>population in the service's age band (digest §9 "Denominators"): balita 1–4, usia produktif 15–59, usia
 * lanjut 60+;</li>
 * <li>prevalence × population (services 8, 9, 10) when a prevalence is known;</li>
 * <li>the TB formula (service 11) when the target penemuan is given;</li>
 * <li>otherwise this year's sasaran scaled by the growth of the population its recipients come from
 * (services 1–3 and 12 by the whole population, 5 by ages 5–14, 8–9 by ages 15+), keeping its basis.</li>
 * </ul>
 * Pure.
 */
public final class NextYearTargets {

    /** How a proposed figure was made. */
    public enum Method {
        POPULATION_IN_BAND,
        PREVALENCE,
        TB_FORMULA,
        SCALED_BY_POPULATION
    }

    /** One service's proposal: a target, or why there is none. */
    public record Proposed(SpmService service, Method method, Target target, String reason) {
        public Proposed {
            Objects.requireNonNull(service, "service");
            if ((target == null) == (reason == null)) {
                throw new IllegalArgumentException("a proposal has a target or a reason, not both");
            }
        }
    }

    private NextYearTargets() {
    }

    /**
     * @param district the district code
     * @param year the year proposed for
     * @param projected the projected population of {@code year} (district rows needed)
     * @param base the population of the last known year, for the growth of scaled figures
     * @param current this year's sasaran of the district per service (absent: none)
     * @param prevalence known prevalence per service (8, 9, 10), possibly none
     * @param targetPenemuan the district's target penemuan TBC of {@code year}, or {@code null}
     */
    public static List<Proposed> propose(String district, int year, Collection<Population> projected,
            Collection<Population> base, Map<SpmService, Target> current, Map<SpmService, Prevalence> prevalence,
            BigDecimal targetPenemuan) {
        List<Proposed> out = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            out.add(one(district, year, s, projected, base, current.get(s), prevalence.get(s), targetPenemuan));
        }
        return out;
    }

    private static Proposed one(String district, int year, SpmService s, Collection<Population> projected,
            Collection<Population> base, Target current, Prevalence prevalence, BigDecimal targetPenemuan) {
        try {
            switch (s) {
                case BALITA:
                    return band(district, year, s, projected, 1, 4, "population aged 1–4 (12–59 months)");
                case PRODUCTIVE_AGE:
                    return band(district, year, s, projected, 15, 59, "population aged 15–59");
                case ELDERLY:
                    return band(district, year, s, projected, 60, null, "population aged 60+");
                case HYPERTENSION, DIABETES, SEVERE_MENTAL_DISORDER:
                    if (prevalence != null) {
                        return new Proposed(s, Method.PREVALENCE,
                                TargetDerivations.fromPrevalence(district, year, projected, prevalence), null);
                    }
                    return s == SpmService.SEVERE_MENTAL_DISORDER ? scaled(district, year, s, projected, base, current, 0, null)
                            : scaled(district, year, s, projected, base, current, 15, null);
                case TB_PRESUMPTIVE:
                    if (targetPenemuan != null) {
                        return new Proposed(s, Method.TB_FORMULA,
                                TargetDerivations.fromTbTarget(district, year, targetPenemuan, TbFormula.DEFAULT), null);
                    }
                    return scaled(district, year, s, projected, base, current, 0, null);
                case SCHOOL_AGE:
                    return scaled(district, year, s, projected, base, current, 5, 14);
                default:
                    return scaled(district, year, s, projected, base, current, 0, null);
            }
        } catch (IllegalArgumentException e) {
            return new Proposed(s, null, null, e.getMessage());
        }
    }

    private static Proposed band(String district, int year, SpmService s, Collection<Population> projected, int min,
            Integer max, String what) {
        long n = TargetDerivations.populationInBand(district, year, projected, min, max);
        return new Proposed(s, Method.POPULATION_IN_BAND, new Target(district, year, s, n, TargetSource.BPS_PROJECTION,
                what + " of " + district + " projected for " + year + ": " + n), null);
    }

    /** This year's sasaran × projected ÷ base population of the band, rounded half up. */
    private static Proposed scaled(String district, int year, SpmService s, Collection<Population> projected,
            Collection<Population> base, Target current, int min, Integer max) {
        if (current == null) {
            return new Proposed(s, null, null, "no sasaran of " + district + " this year to scale, and no other method"
                    + " applies (set a prevalence or the target penemuan, or set it by hand)");
        }
        int baseYear = base.stream().mapToInt(Population::year).max()
                .orElseThrow(() -> new IllegalArgumentException("no base population"));
        long from = TargetDerivations.populationInBand(district, baseYear, base, min, max);
        long to = TargetDerivations.populationInBand(district, year, projected, min, max);
        if (from == 0) {
            throw new IllegalArgumentException("the base population of " + district + " in the band is 0");
        }
        long amount = BigDecimal.valueOf(current.amount()).multiply(BigDecimal.valueOf(to))
                .divide(BigDecimal.valueOf(from), 0, RoundingMode.HALF_UP).longValueExact();
        String band = max == null ? (min == 0 ? "the whole population" : "population aged " + min + "+")
                : "population aged " + min + "–" + max;
        return new Proposed(s, Method.SCALED_BY_POPULATION, new Target(district, year, s, amount, current.source(),
                "sasaran " + current.year() + " " + current.amount() + " (" + current.source().label() + ") × " + band
                        + " " + to + " (" + year + ", projected) ÷ " + from + " (" + baseYear + "), rounded half up"),
                null);
    }
}
