package id.spm.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The IPSPM index (digest §3, §9 "Percentages", "Quality").
 *
 * @param mutuWeight weight of %IP mutu (0.20)
 * @param penerimaWeight weight of %IP penerima (0.80)
 * @param coverageCap coverage is capped at this inside the index [interpretation]; {@code null} for no cap
 * @param mutuAveraging mean of capped items (default) or pooled [interpretation]
 * @param categories the category scheme
 * @param scale decimals of published figures (2, half up)
 */
public record IndexParameters(BigDecimal mutuWeight, BigDecimal penerimaWeight, BigDecimal coverageCap,
        MutuAveraging mutuAveraging, CategoryScheme categories, int scale) {

    public static final IndexParameters DEFAULT = new IndexParameters(new BigDecimal("0.20"), new BigDecimal("0.80"),
            new BigDecimal("100"), MutuAveraging.MEAN_OF_CAPPED, CategoryScheme.DEFAULT, 2);

    public IndexParameters {
        Objects.requireNonNull(mutuWeight, "mutuWeight");
        Objects.requireNonNull(penerimaWeight, "penerimaWeight");
        Objects.requireNonNull(mutuAveraging, "mutuAveraging");
        Objects.requireNonNull(categories, "categories");
        if (mutuWeight.add(penerimaWeight).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("index weights must add up to 1");
        }
    }

    public IndexParameters withCategories(CategoryScheme scheme) {
        return new IndexParameters(mutuWeight, penerimaWeight, coverageCap, mutuAveraging, scheme, scale);
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("index.weights", "mutu " + mutuWeight.toPlainString() + ", penerima "
                        + penerimaWeight.toPlainString(), "IPSPM = %IP mutu × 20 % + %IP penerima × 80 %", false),
                new Parameter("index.coverageCap", coverageCap == null ? "none" : coverageCap.toPlainString(),
                        "Coverage above this is shown as computed but capped inside the index", true),
                new Parameter("index.mutuAveraging", mutuAveraging.name(),
                        "MEAN_OF_CAPPED: mean of min(100, stock ÷ need × 100); POOLED: Σ stock ÷ Σ need", true),
                new Parameter("index.categories", categories.id(), categories.description(), true),
                new Parameter("index.scale", Integer.toString(scale),
                        "Published figures are rounded once to this many decimals, half up", false));
    }
}
