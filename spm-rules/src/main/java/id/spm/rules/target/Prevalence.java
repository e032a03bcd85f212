package id.spm.rules.target;

import java.math.BigDecimal;
import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * A prevalence used to estimate a sasaran (digest §2.8–§2.10): data with its source, year and age band.
 *
 * @param service the service it estimates (8, 9 or 10)
 * @param rate the prevalence as a fraction, e.g. {@code 0.0021} for 0.21 %
 * @param minAge youngest age the rate applies to (15 for services 8 and 9, 0 for 10)
 * @param maxAge oldest age, or {@code null} for no upper bound
 * @param year the survey year (e.g. SKI 2023)
 * @param source e.g. "SKI 2023, Kemenkes"
 */
public record Prevalence(SpmService service, BigDecimal rate, int minAge, Integer maxAge, int year, String source) {

    public Prevalence {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(source, "source");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("prevalence " + rate + " is not a fraction between 0 and 1");
        }
        if (minAge < 0 || (maxAge != null && maxAge < minAge)) {
            throw new IllegalArgumentException("prevalence age band " + minAge + "-" + maxAge + " is not a range");
        }
    }

    /** The age band as text, e.g. {@code ≥ 15} or {@code 15–59}. */
    public String ageBand() {
        return maxAge == null ? (minAge == 0 ? "all ages" : "≥ " + minAge) : minAge + "–" + maxAge;
    }
}
