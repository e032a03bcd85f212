package id.spm.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One band of a category scheme: an index at or above {@code minIndex} (and below the next band) gets
 * this label.
 */
public record CategoryBand(String label, BigDecimal minIndex) {

    public CategoryBand {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(minIndex, "minIndex");
    }
}
