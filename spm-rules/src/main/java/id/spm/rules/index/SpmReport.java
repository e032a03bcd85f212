package id.spm.rules.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.count.Counts;
import id.spm.rules.quality.MutuCalculator;
import id.spm.rules.target.TargetResolver;

/**
 * Puts the parts together for a period: numerators ({@link Counts}), sasaran ({@link TargetResolver}),
 * mutu ({@link MutuCalculator}) and the index ({@link Ipspm}), for any area of the hierarchy.
 */
public final class SpmReport {

    private final Counts counts;
    private final TargetResolver targets;
    private final MutuCalculator mutu;
    private final Ipspm ipspm;

    public SpmReport(Counts counts, TargetResolver targets, MutuCalculator mutu, Ipspm ipspm) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.mutu = Objects.requireNonNull(mutu, "mutu");
        this.ipspm = Objects.requireNonNull(ipspm, "ipspm");
        if (!counts.ruleSetId().equals(ipspm.ruleSet().id())) {
            throw new IllegalArgumentException("counts of rule set " + counts.ruleSetId() + " cannot be indexed with "
                    + ipspm.ruleSet().id());
        }
        if (mutu.averaging() != ipspm.ruleSet().index().mutuAveraging()) {
            throw new IllegalArgumentException("mutu averaged " + mutu.averaging() + " but the rule set says "
                    + ipspm.ruleSet().index().mutuAveraging());
        }
    }

    public Period period() {
        return counts.period();
    }

    public AreaHierarchy hierarchy() {
        return counts.hierarchy();
    }

    /** The achievement of one area and service; quarters are compared with the annual sasaran. */
    public Achievement achievement(String area, SpmService service) {
        Period p = counts.period();
        return ipspm.achievement(counts.area(area, service), p, targets.resolve(area, service, p.year()),
                mutu.of(area, service, p));
    }

    /** The twelve services of an area and its sector index. */
    public SectorIndex sector(String area) {
        List<Achievement> all = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            all.add(achievement(area, s));
        }
        return ipspm.sector(area, counts.period(), all);
    }

    /** The sector index of every area, top down. */
    public List<SectorIndex> all() {
        List<SectorIndex> out = new ArrayList<>();
        for (String a : counts.hierarchy().topDown()) {
            out.add(sector(a));
        }
        return out;
    }
}
