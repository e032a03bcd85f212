package id.spm.rules.target;

/**
 * How next year's population is projected from the last years' {@code penduduk} rows (issue 11; SE Mendagri
 * 600.4/2851/ST asks for next year's target numbers in advance). The digest names no method: a parameter.
 */
public enum ProjectionMethod {
    /** Least-squares straight line through the base years, per area, age group and sex, rounded half up. */
    LINEAR,
    /** Constant annual growth between the first and the last base year, compounded, rounded half up. */
    GEOMETRIC
}
