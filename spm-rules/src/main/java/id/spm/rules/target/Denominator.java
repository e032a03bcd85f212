package id.spm.rules.target;

import java.util.Objects;
import java.util.Set;

import id.spm.rules.SpmService;

/**
 * The resolved sasaran of an area, service and year, with its provenance.
 *
 * @param area area code
 * @param service the service
 * @param year the year
 * @param amount persons, {@code null} when {@link DenominatorStatus#MISSING}
 * @param status available, zero or missing
 * @param method own, sum of children, share of an ancestor, or none
 * @param sources the provenance of the figures it was made from (empty when missing)
 * @param own the area's own sasaran when the method is {@link DenominatorMethod#OWN}, else {@code null}
 * @param sharedFrom the ancestor whose sasaran was shared, else {@code null}
 * @param explanation how it was resolved, or why it could not be
 */
public record Denominator(String area, SpmService service, int year, Long amount, DenominatorStatus status,
        DenominatorMethod method, Set<TargetSource> sources, Target own, String sharedFrom, String explanation) {

    public Denominator {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
        sources = Set.copyOf(sources);
        if ((amount == null) != (status == DenominatorStatus.MISSING)) {
            throw new IllegalArgumentException("a denominator has an amount exactly when it is not missing");
        }
        if (amount != null && (amount < 0 || (amount == 0) != (status == DenominatorStatus.ZERO))) {
            throw new IllegalArgumentException("status " + status + " does not match amount " + amount);
        }
    }

    /** A missing denominator with the reason. */
    public static Denominator missing(String area, SpmService service, int year, String reason) {
        return new Denominator(area, service, year, null, DenominatorStatus.MISSING, DenominatorMethod.NONE, Set.of(),
                null, null, reason);
    }

    /** Whether coverage can be computed: a positive amount. */
    public boolean canDivide() {
        return status == DenominatorStatus.AVAILABLE;
    }

    static DenominatorStatus statusOf(long amount) {
        return amount == 0 ? DenominatorStatus.ZERO : DenominatorStatus.AVAILABLE;
    }
}
