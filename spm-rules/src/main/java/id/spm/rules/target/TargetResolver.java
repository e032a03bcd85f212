package id.spm.rules.target;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import id.spm.rules.SpmService;
import id.spm.rules.area.AreaCodes;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.model.PuskesmasInfo;

/**
 * Resolves the sasaran of every area of the hierarchy (digest §9 "Denominators"):
 * <ol>
 * <li>an area's own sasaran, the latest imported;</li>
 * <li>with none, the sum of its children's when every child has one;</li>
 * <li>a Puskesmas with none takes a share of its nearest ancestor's sasaran after the sasaran set below
 * that ancestor are subtracted (its Puskesmas that have their own, and any area between that resolved by
 * 1 or 2), by the population of each Puskesmas' working area (else its kecamatan's population shared
 * equally by the kecamatan's Puskesmas), by largest remainder, ties to the smallest code;</li>
 * <li>an area still without one takes the sum of its children once every child has one (shares
 * included); else it is missing, with the reason.</li>
 * </ol>
 * Immutable and thread-safe; results are cached per service and year.
 */
public final class TargetResolver {

    private final AreaHierarchy hierarchy;
    private final Map<Key, Target> own = new HashMap<>();
    private final List<Population> population;
    private final Map<Key, Map<String, Denominator>> cache = new ConcurrentHashMap<>();

    /**
     * @param hierarchy the areas that hold a registered Puskesmas
     * @param targets sasaran in import order: for one area, year and service, the last one wins
     * @param population population rows, used for kecamatan populations when a Puskesmas has no working-area
     *        population
     */
    public TargetResolver(AreaHierarchy hierarchy, Collection<Target> targets, Collection<Population> population) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        for (Target t : targets) {
            own.put(new Key(t.area(), t.service(), t.year()), t);
        }
        this.population = List.copyOf(population);
    }

    /** The sasaran of one area of the hierarchy. */
    public Denominator resolve(String area, SpmService service, int year) {
        String code = AreaCodes.normalize(area);
        Denominator d = resolveAll(service, year).get(code);
        if (d == null) {
            throw new IllegalArgumentException("area " + code + " holds no registered Puskesmas");
        }
        return d;
    }

    /** The sasaran of every area of the hierarchy, by area code. */
    public Map<String, Denominator> resolveAll(SpmService service, int year) {
        return cache.computeIfAbsent(new Key("", service, year), k -> compute(service, year));
    }

    private Map<String, Denominator> compute(SpmService service, int year) {
        // Pass 1, bottom up: own, else the sum of children that all have one.
        Map<String, Denominator> resolved = new HashMap<>();
        for (String a : hierarchy.bottomUp()) {
            Target t = own.get(new Key(a, service, year));
            if (t != null) {
                String note = t.note().isEmpty() ? "" : "; " + t.note();
                resolved.put(a, new Denominator(a, service, year, t.amount(), Denominator.statusOf(t.amount()),
                        DenominatorMethod.OWN, Set.of(t.source()), t, null,
                        "own sasaran " + t.amount() + " (" + t.source().label() + note + ")"));
                continue;
            }
            Denominator sum = sumOfChildren(a, service, year, resolved, false);
            if (sum != null) {
                resolved.put(a, sum);
            }
        }
        // Pass 2, top down: Puskesmas without one share their nearest resolved ancestor's remainder.
        Map<String, Denominator> out = new HashMap<>(resolved);
        for (String a : hierarchy.topDown()) {
            Denominator d = resolved.get(a);
            if (d != null && !AreaCodes.isPuskesmas(a)) {
                share(a, d, service, year, resolved, out);
            }
        }
        // Pass 3, bottom up: areas above shared Puskesmas sum their children; the rest are missing.
        for (String a : hierarchy.bottomUp()) {
            if (out.containsKey(a)) {
                continue;
            }
            Denominator sum = sumOfChildren(a, service, year, out, true);
            out.put(a, sum != null ? sum : missing(a, service, year, out));
        }
        return Collections.unmodifiableMap(new TreeMap<>(out));
    }

    private Denominator sumOfChildren(String a, SpmService service, int year, Map<String, Denominator> known,
            boolean afterShares) {
        List<String> kids = hierarchy.children(a);
        if (kids.isEmpty()) {
            return null;
        }
        long sum = 0;
        Set<TargetSource> sources = EnumSet.noneOf(TargetSource.class);
        for (String c : kids) {
            Denominator d = known.get(c);
            if (d == null || d.amount() == null) {
                return null;
            }
            sum = Math.addExact(sum, d.amount());
            sources.addAll(d.sources());
        }
        String text = "sum of its " + kids.size() + " children's sasaran"
                + (afterShares ? ", shares of an ancestor's sasaran included" : "");
        return new Denominator(a, service, year, sum, Denominator.statusOf(sum), DenominatorMethod.SUM_OF_CHILDREN,
                sources, null, null, text);
    }

    private void share(String ancestor, Denominator base, SpmService service, int year,
            Map<String, Denominator> resolved, Map<String, Denominator> out) {
        List<String> sharers = new ArrayList<>();
        long[] setBelow = { 0 };
        collectSharers(ancestor, resolved, sharers, setBelow);
        if (sharers.isEmpty()) {
            return;
        }
        long remainder = base.amount() - setBelow[0];
        String head = "share of " + ancestor + "'s sasaran " + base.amount()
                + (setBelow[0] == 0 ? "" : " less " + setBelow[0] + " set below it = " + remainder);
        if (remainder < 0) {
            for (String p : sharers) {
                out.put(p, Denominator.missing(p, service, year, "no sasaran of its own, and the sasaran set below "
                        + ancestor + " (" + setBelow[0] + ") exceed its own (" + base.amount() + "): nothing to share"));
            }
            return;
        }
        List<Weight> weights = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String p : sharers) {
            Weight w = weightOf(p, year);
            if (w == null) {
                unknown.add(p);
            }
            weights.add(w);
        }
        if (!unknown.isEmpty()) {
            for (String p : sharers) {
                out.put(p, Denominator.missing(p, service, year, "no sasaran of its own, and " + ancestor
                        + "'s sasaran cannot be shared: no working-area or kecamatan population for " + unknown));
            }
            return;
        }
        BigInteger lcm = BigInteger.ONE;
        for (Weight w : weights) {
            lcm = lcm.divide(lcm.gcd(w.divisor)).multiply(w.divisor);
        }
        List<BigInteger> scaled = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (Weight w : weights) {
            BigInteger s = w.population.multiply(lcm.divide(w.divisor));
            scaled.add(s);
            total = total.add(s);
        }
        long[] shares;
        if (total.signum() == 0) {
            if (remainder != 0) {
                for (String p : sharers) {
                    out.put(p, Denominator.missing(p, service, year, "no sasaran of its own, and " + ancestor
                            + "'s sasaran cannot be shared: the population of " + sharers + " is 0"));
                }
                return;
            }
            shares = new long[sharers.size()];
        } else {
            shares = LargestRemainder.allocate(remainder, sharers, scaled);
        }
        for (int i = 0; i < sharers.size(); i++) {
            String p = sharers.get(i);
            out.put(p, new Denominator(p, service, year, shares[i], Denominator.statusOf(shares[i]),
                    DenominatorMethod.SHARE_OF_ANCESTOR, base.sources(), null, ancestor,
                    head + ", over " + sharers.size() + " Puskesmas by population (" + weights.get(i).text
                            + "), largest remainder"));
        }
    }

    /** Puskesmas under {@code area} with no resolved area on their path; subtracts the resolved ones. */
    private void collectSharers(String area, Map<String, Denominator> resolved, List<String> sharers,
            long[] setBelow) {
        for (String c : hierarchy.children(area)) {
            Denominator d = resolved.get(c);
            if (d != null) {
                setBelow[0] = Math.addExact(setBelow[0], d.amount());
            } else if (AreaCodes.isPuskesmas(c)) {
                sharers.add(c);
            } else {
                collectSharers(c, resolved, sharers, setBelow);
            }
        }
    }

    private Weight weightOf(String puskesmas, int year) {
        PuskesmasInfo info = hierarchy.puskesmas(puskesmas);
        if (info.population() != null) {
            return new Weight(BigInteger.valueOf(info.population()), BigInteger.ONE,
                    "working area " + info.population());
        }
        String kec = hierarchy.parent(puskesmas);
        int n = hierarchy.children(kec).size();
        long[] kp = kecamatanPopulation(kec, year);
        if (kp == null) {
            return null;
        }
        return new Weight(BigInteger.valueOf(kp[1]), BigInteger.valueOf(n),
                "kecamatan " + kec + " population " + kp[1] + " (" + kp[0] + ") ÷ " + n + " Puskesmas");
    }

    /** {year used, total} of the kecamatan's population rows of the latest year not after {@code year}. */
    private long[] kecamatanPopulation(String kec, int year) {
        int best = Integer.MIN_VALUE;
        for (Population p : population) {
            if (p.area().equals(kec) && p.year() <= year && p.year() > best) {
                best = p.year();
            }
        }
        if (best == Integer.MIN_VALUE) {
            return null;
        }
        long total = 0;
        for (Population p : population) {
            if (p.area().equals(kec) && p.year() == best) {
                total = Math.addExact(total, p.total());
            }
        }
        return new long[] { best, total };
    }

    private Denominator missing(String a, SpmService service, int year, Map<String, Denominator> known) {
        if (AreaCodes.isPuskesmas(a)) {
            return Denominator.missing(a, service, year,
                    "no sasaran of its own, and no ancestor has one to share");
        }
        List<String> lacking = new ArrayList<>();
        for (String c : hierarchy.children(a)) {
            Denominator d = known.get(c);
            if (d == null || d.amount() == null) {
                lacking.add(c);
            }
        }
        return Denominator.missing(a, service, year,
                "no sasaran of its own, and no sasaran for its children " + lacking);
    }

    private record Key(String area, SpmService service, int year) {
    }

    private record Weight(BigInteger population, BigInteger divisor, String text) {
    }
}
