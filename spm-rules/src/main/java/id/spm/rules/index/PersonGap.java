package id.spm.rules.index;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

import id.spm.rules.CategoryBand;
import id.spm.rules.IndexParameters;
import id.spm.rules.target.DenominatorStatus;

/**
 * The gap in persons of a service (reports.md §3.7, issue 10 "Gap in persons"): how many more recipients served
 * <i>sesuai standar</i> would reach 100 % coverage, and how many would lift the published IPSPM into the next
 * category band of the rule set's scheme at the service's current (unrounded) %mutu. The index is recomputed
 * exactly as {@link Ipspm} does (weights, coverage cap, one rounding half up), so the answer is the smallest
 * whole number of persons whose index, published, reaches the band's lower bound. The bands themselves are
 * unverified (reports.md §7): the scheme is a parameter of the rule set.
 *
 * @param toFullCoverage persons still to serve to reach 100 % coverage (0 when reached); {@code null} when the
 *        sasaran is 0 or missing
 * @param nextCategory the band above the current one; {@code null} at the top band or when the index is not
 *        computable
 * @param toNextCategory persons to serve to reach {@code nextCategory}; {@code null} with it, or when served
 *        persons alone cannot reach it (the capped coverage at its maximum still leaves the index below the band
 *        because of %mutu)
 */
public record PersonGap(Long toFullCoverage, String nextCategory, Long toNextCategory) {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Nothing computable. */
    public static final PersonGap NONE = new PersonGap(null, null, null);

    /** The gap of a computed achievement under the index parameters that produced it. */
    public static PersonGap of(Achievement a, IndexParameters params) {
        Objects.requireNonNull(a, "a");
        Long amount = a.denominator().status() == DenominatorStatus.AVAILABLE ? a.denominator().amount() : null;
        BigDecimal quality = a.qualityPercent() == null || a.mutu().percent() == null ? null : a.mutu().percent();
        return of(a.numerator(), amount, quality, a.index(), params);
    }

    /**
     * @param numerator recipients served sesuai standar
     * @param sasaran the denominator, or {@code null} when missing (0 likewise gives no gap)
     * @param exactQuality the unrounded %mutu, or {@code null} when not provided
     * @param publishedIndex the service's published IPSPM, or {@code null} when not computable
     * @param params weights, cap, scale and category scheme
     */
    public static PersonGap of(long numerator, Long sasaran, BigDecimal exactQuality, BigDecimal publishedIndex,
            IndexParameters params) {
        Objects.requireNonNull(params, "params");
        if (sasaran == null || sasaran <= 0) {
            return NONE;
        }
        long toFull = Math.max(0, sasaran - numerator);
        if (exactQuality == null || publishedIndex == null) {
            return new PersonGap(toFull, null, null);
        }
        CategoryBand next = nextBand(publishedIndex, params);
        if (next == null) {
            return new PersonGap(toFull, null, null);
        }
        // The most persons that still move the index: up to the coverage cap (or the sasaran without a cap).
        BigDecimal cap = params.coverageCap() == null ? HUNDRED : params.coverageCap();
        long maxServed = cap.multiply(BigDecimal.valueOf(sasaran)).divide(HUNDRED, 0, RoundingMode.CEILING)
                .longValueExact();
        long hi = Math.max(0, maxServed - numerator);
        if (publish(numerator + hi, sasaran, exactQuality, params).compareTo(next.minIndex()) < 0) {
            return new PersonGap(toFull, next.label(), null);
        }
        long lo = 0;
        // The index does not decrease with more persons served: the smallest n reaching the band.
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (publish(numerator + mid, sasaran, exactQuality, params).compareTo(next.minIndex()) >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new PersonGap(toFull, next.label(), lo);
    }

    /** The band just above the one of a published index, or {@code null} at the top. */
    static CategoryBand nextBand(BigDecimal publishedIndex, IndexParameters params) {
        CategoryBand above = null;
        // Bands are sorted from the highest lower bound down.
        for (CategoryBand b : params.categories().bands()) {
            if (publishedIndex.compareTo(b.minIndex()) >= 0) {
                return above;
            }
            above = b;
        }
        return above;
    }

    /** The published IPSPM with {@code served} persons, as {@link Ipspm#achievement} computes it. */
    static BigDecimal publish(long served, long sasaran, BigDecimal exactQuality, IndexParameters params) {
        BigDecimal coverage = BigDecimal.valueOf(served).multiply(HUNDRED).divide(BigDecimal.valueOf(sasaran), MC);
        BigDecimal penerima = params.coverageCap() != null && coverage.compareTo(params.coverageCap()) > 0
                ? params.coverageCap()
                : coverage;
        BigDecimal exact = exactQuality.multiply(params.mutuWeight()).add(penerima.multiply(params.penerimaWeight()));
        return exact.setScale(params.scale(), RoundingMode.HALF_UP);
    }
}
