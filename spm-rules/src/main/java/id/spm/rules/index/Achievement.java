package id.spm.rules.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import id.spm.rules.Assumption;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.quality.MutuResult;
import id.spm.rules.target.Denominator;

/**
 * The SPM achievement of one area and service in a period (digest §3, §9 "General"): published figures
 * are rounded once to the index scale, half up; the index is computed from unrounded values.
 *
 * @param area area code
 * @param service the service
 * @param period the period
 * @param ruleSetId the rule set that produced it
 * @param numerator recipients served sesuai standar
 * @param denominator the sasaran with its provenance
 * @param coveragePercent numerator ÷ denominator × 100 as computed (not capped), rounded; {@code null} when
 *        the denominator is 0 or missing
 * @param penerimaPercent %IP penerima: coverage capped by the index parameters, rounded; {@code null} with it
 * @param qualityPercent %IP mutu, rounded; {@code null} when mutu is not provided
 * @param index IPSPM = mutu × 0.20 + penerima × 0.80, rounded once; {@code null} when either part is
 * @param exactIndex the unrounded index, the input of means; {@code null} with the index
 * @param category the category of the published index; {@code null} with it
 * @param mutu the %IP mutu computation and its form lines
 * @param reasons why coverage or the index is null; empty when both are computed
 * @param assumptions assumptions applied (by-name decisions' assumptions, coverage capped, …)
 * @param parameters the rule set parameters applied
 */
public record Achievement(String area, SpmService service, Period period, String ruleSetId, long numerator,
        Denominator denominator, BigDecimal coveragePercent, BigDecimal penerimaPercent, BigDecimal qualityPercent,
        BigDecimal index, BigDecimal exactIndex, String category, MutuResult mutu, List<Reason> reasons,
        List<Assumption> assumptions, List<Parameter> parameters) {

    public Achievement {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(mutu, "mutu");
        reasons = List.copyOf(reasons);
        assumptions = List.copyOf(assumptions);
        parameters = List.copyOf(parameters);
        if ((index == null) == reasons.isEmpty()) {
            throw new IllegalArgumentException("an index is null exactly when reasons say why");
        }
    }

    /** Whether the index could be computed. */
    public boolean computable() {
        return index != null;
    }
}
