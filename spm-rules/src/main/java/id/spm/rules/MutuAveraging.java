package id.spm.rules;

/** How %IP mutu combines the goods and staff items (digest §3). */
public enum MutuAveraging {
    /** Mean over items of min(100, stock ÷ need × 100): the default. */
    MEAN_OF_CAPPED,
    /** Σ stock ÷ Σ need × 100, capped at 100: the alternative some tools use. */
    POOLED
}
