package id.spm.rules.target;

/** Whether a denominator can divide (digest §9 "General": 0 or missing gives null coverage with a reason). */
public enum DenominatorStatus {
    /** A positive number of persons. */
    AVAILABLE,
    /** Resolved to 0 persons: coverage is undefined. */
    ZERO,
    /** No sasaran could be resolved: coverage is undefined. */
    MISSING
}
