package id.spm.rules.index;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.Assumption;
import id.spm.rules.IndexParameters;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSet;
import id.spm.rules.SpmService;
import id.spm.rules.count.AreaCount;
import id.spm.rules.count.AssumptionUse;
import id.spm.rules.quality.MutuResult;
import id.spm.rules.quality.MutuStatus;
import id.spm.rules.target.Denominator;
import id.spm.rules.target.DenominatorStatus;

/**
 * The IPSPM index (digest §3, §9 "General"): per service IPSPM = %IP mutu × 20 % + %IP penerima × 80 %,
 * with coverage capped inside the index; the sector index is the mean of the computable services.
 * Computed from unrounded values and rounded once, half up; categories banded on the published index.
 * Pure and thread-safe.
 */
public final class Ipspm {

    /** Precision of unrounded figures: far beyond the published decimals. */
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RuleSet ruleSet;
    private final IndexParameters params;

    public Ipspm(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.params = ruleSet.index();
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The achievement of an area's count, with its sasaran and mutu. */
    public Achievement achievement(AreaCount count, Period period, Denominator denominator, MutuResult mutu) {
        List<Assumption> fromDecisions = new ArrayList<>();
        for (AssumptionUse a : count.assumptions()) {
            fromDecisions.add(new Assumption(a.code(), a.example() + " (" + a.decisions() + " decision(s))"));
        }
        return achievement(count.area(), count.service(), period, count.numerator(), denominator, mutu,
                fromDecisions);
    }

    /**
     * The achievement of an area and service from a numerator, a sasaran and mutu.
     *
     * @param assumptions assumptions the numerator relied on, listed in the result
     */
    public Achievement achievement(String area, SpmService service, Period period, long numerator,
            Denominator denominator, MutuResult mutu, List<Assumption> assumptions) {
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(mutu, "mutu");
        if (numerator < 0) {
            throw new IllegalArgumentException("numerator must not be negative");
        }
        List<Reason> reasons = new ArrayList<>();
        List<Assumption> applied = new ArrayList<>(assumptions);
        String general = ruleSet.clause("§9 General");

        BigDecimal coverage = null;
        BigDecimal penerima = null;
        if (denominator.status() == DenominatorStatus.AVAILABLE) {
            coverage = BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator.amount()),
                    MC);
            penerima = coverage;
            if (params.coverageCap() != null && coverage.compareTo(params.coverageCap()) > 0) {
                penerima = params.coverageCap();
                applied.add(new Assumption("COVERAGE_CAPPED", "coverage " + publish(coverage) + " % is capped at "
                        + params.coverageCap().toPlainString() + " inside the index"));
            }
        } else if (denominator.status() == DenominatorStatus.ZERO) {
            reasons.add(new Reason("DENOMINATOR_ZERO",
                    "the sasaran of " + denominator.area() + " is 0 (" + denominator.explanation()
                            + "): coverage is undefined",
                    ruleSet.clause("§9 Denominators")));
        } else {
            reasons.add(new Reason("DENOMINATOR_MISSING",
                    "no sasaran for " + denominator.area() + ": " + denominator.explanation(),
                    ruleSet.clause("§9 Denominators")));
        }

        BigDecimal quality = null;
        if (mutu.status() == MutuStatus.PROVIDED) {
            quality = mutu.percent();
        } else if (mutu.status() == MutuStatus.NOT_PROVIDED) {
            reasons.add(new Reason("MUTU_NOT_PROVIDED", mutu.explanation(), ruleSet.clause("§9 Quality")));
        } else {
            reasons.add(new Reason("MUTU_NO_ITEM_WITH_NEED", mutu.explanation(), ruleSet.clause("§9 Quality")));
        }

        BigDecimal exact = null;
        BigDecimal index = null;
        String category = null;
        if (penerima != null && quality != null) {
            exact = quality.multiply(params.mutuWeight()).add(penerima.multiply(params.penerimaWeight()));
            index = publish(exact);
            category = params.categories().categorize(index);
        }
        if (index == null && reasons.isEmpty()) {
            reasons.add(new Reason("INDEX_NOT_COMPUTABLE", "the index could not be computed", general));
        }
        return new Achievement(area, service, period, ruleSet.id(), numerator, denominator,
                coverage == null ? null : publish(coverage), penerima == null ? null : publish(penerima),
                quality == null ? null : publish(quality), index, exact, category, mutu, reasons, applied,
                ServiceParameters.applied(ruleSet, service));
    }

    /** The sector index of an area: the mean of the computable services' unrounded indices. */
    public SectorIndex sector(String area, Period period, List<Achievement> services) {
        List<SpmService> included = new ArrayList<>();
        Map<SpmService, List<Reason>> leftOut = new EnumMap<>(SpmService.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (Achievement a : services) {
            if (!a.area().equals(area) || !a.period().equals(period)) {
                throw new IllegalArgumentException("achievement of " + a.area() + " " + a.period()
                        + " is not of " + area + " " + period);
            }
            if (a.computable()) {
                included.add(a.service());
                sum = sum.add(a.exactIndex());
            } else {
                leftOut.put(a.service(), a.reasons());
            }
        }
        BigDecimal exact = null;
        BigDecimal index = null;
        String category = null;
        if (!included.isEmpty()) {
            exact = sum.divide(BigDecimal.valueOf(included.size()), MC);
            index = publish(exact);
            category = params.categories().categorize(index);
        }
        return new SectorIndex(area, period, ruleSet.id(), services, included, leftOut, index, exact, category,
                params.describe());
    }

    /** Rounded once to the published scale, half up. */
    public BigDecimal publish(BigDecimal exact) {
        return exact.setScale(params.scale(), RoundingMode.HALF_UP);
    }
}
