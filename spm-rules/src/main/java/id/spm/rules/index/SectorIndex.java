package id.spm.rules.index;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;

/**
 * The health sector's index of an area (digest §3, §9 "General"): the mean of the computable services'
 * indices, computed from unrounded values and rounded once; the services left out are named.
 *
 * @param area area code
 * @param period the period
 * @param ruleSetId the rule set
 * @param services the achievement of each service, in service order
 * @param included the services the mean is over
 * @param leftOut the services left out, with why
 * @param index the published (rounded) sector index, {@code null} when no service is computable
 * @param exactIndex the unrounded mean
 * @param category the category of the published index, {@code null} with it
 * @param parameters the index parameters applied
 */
public record SectorIndex(String area, Period period, String ruleSetId, List<Achievement> services,
        List<SpmService> included, Map<SpmService, List<Reason>> leftOut, BigDecimal index, BigDecimal exactIndex,
        String category, List<Parameter> parameters) {

    public SectorIndex {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        services = List.copyOf(services);
        included = List.copyOf(included);
        EnumMap<SpmService, List<Reason>> out = new EnumMap<>(SpmService.class);
        leftOut.forEach((k, v) -> out.put(k, List.copyOf(v)));
        leftOut = Collections.unmodifiableMap(out);
        parameters = List.copyOf(parameters);
    }

    /** The achievement of one service. */
    public Achievement service(SpmService s) {
        for (Achievement a : services) {
            if (a.service() == s) {
                return a;
            }
        }
        throw new IllegalArgumentException("no achievement for " + s);
    }
}
