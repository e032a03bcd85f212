package id.spm.rules.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;

/**
 * The numerators of a period: per Puskesmas and service (with the source of each), and per area as the
 * sum of its Puskesmas (digest §2, §9 "General"). Immutable.
 */
public final class Counts {

    private final Period period;
    private final String ruleSetId;
    private final AreaHierarchy hierarchy;
    private final Map<String, PuskesmasCount[]> perPuskesmas;

    Counts(Period period, String ruleSetId, AreaHierarchy hierarchy, Map<String, PuskesmasCount[]> perPuskesmas) {
        this.period = period;
        this.ruleSetId = ruleSetId;
        this.hierarchy = hierarchy;
        this.perPuskesmas = perPuskesmas;
    }

    public Period period() {
        return period;
    }

    /** The rule set whose decisions were counted. */
    public String ruleSetId() {
        return ruleSetId;
    }

    public AreaHierarchy hierarchy() {
        return hierarchy;
    }

    /** The count of one Puskesmas (registered, or with data); a Puskesmas without data counts 0, source NONE. */
    public PuskesmasCount puskesmas(String code, SpmService service) {
        PuskesmasCount[] row = perPuskesmas.get(code);
        if (row == null) {
            throw new IllegalArgumentException("Puskesmas " + code + " is neither registered nor has data");
        }
        return row[service.ordinal()];
    }

    /** The numerator of an area of the hierarchy: the sum over its registered Puskesmas. */
    public AreaCount area(String area, SpmService service) {
        Objects.requireNonNull(service, "service");
        List<PuskesmasCount> parts = new ArrayList<>();
        long numerator = 0;
        Tally byName = Tally.ZERO;
        Map<String, AssumptionUse> assumptions = new TreeMap<>();
        for (String p : hierarchy.puskesmasUnder(area)) {
            PuskesmasCount c = puskesmas(p, service);
            parts.add(c);
            numerator = Math.addExact(numerator, c.numerator());
            if (c.source() == NumeratorSource.BY_NAME) {
                byName = byName.plus(c.byName());
                for (AssumptionUse a : c.assumptions()) {
                    assumptions.merge(a.code(), a,
                            (x, y) -> new AssumptionUse(x.code(), x.example(), x.decisions() + y.decisions()));
                }
            }
        }
        return new AreaCount(area, hierarchy.level(area), service, numerator, byName, parts,
                new ArrayList<>(assumptions.values()));
    }

    /**
     * Puskesmas that have decisions or monthly counts but are not registered in the hierarchy: they belong
     * to no area, and are listed so that nothing disappears silently.
     */
    public List<String> unregistered() {
        List<String> out = new ArrayList<>();
        for (String code : perPuskesmas.keySet()) {
            if (hierarchy.puskesmas(code) == null) {
                out.add(code);
            }
        }
        return out;
    }
}
