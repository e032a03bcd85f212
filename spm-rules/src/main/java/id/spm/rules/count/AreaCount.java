package id.spm.rules.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.SpmService;
import id.spm.rules.area.AreaLevel;

/**
 * The numerator of an area and service: the sum of its Puskesmas' numerators (digest §2: areas roll up
 * by summing numerators, never by averaging percentages).
 *
 * @param area area code
 * @param level area level
 * @param service the service
 * @param numerator sum of the Puskesmas' numerators
 * @param byName sum of the by-name tallies of the Puskesmas whose source is by-name
 * @param puskesmas one entry per registered Puskesmas in the area, in code order, each stating its source
 * @param assumptions assumptions the counted by-name decisions relied on, summed over the Puskesmas
 */
public record AreaCount(String area, AreaLevel level, SpmService service, long numerator, Tally byName,
        List<PuskesmasCount> puskesmas, List<AssumptionUse> assumptions) {

    public AreaCount {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(byName, "byName");
        puskesmas = List.copyOf(puskesmas);
        assumptions = List.copyOf(assumptions);
    }

    /** The numerator source of each Puskesmas, in code order. */
    public Map<String, NumeratorSource> sources() {
        Map<String, NumeratorSource> out = new LinkedHashMap<>();
        for (PuskesmasCount p : puskesmas) {
            out.put(p.puskesmas(), p.source());
        }
        return out;
    }
}
