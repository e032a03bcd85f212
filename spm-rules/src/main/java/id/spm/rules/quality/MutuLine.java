package id.spm.rules.quality;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of Form 2.B.4 (goods) or 2.B.5 (staff): need, stock, gap, cost, and the item's achievement.
 *
 * @param kind goods or staff
 * @param item the item
 * @param unit its unit
 * @param need Jumlah Kebutuhan (summed over rows of the same item)
 * @param stock Jumlah Tersedia
 * @param gap max(0, need − stock)
 * @param unitPrice the unit price, {@code null} when not given or when summed rows disagree
 * @param cost gap × unit price, {@code null} without a unit price
 * @param achievement min(100, stock ÷ need × 100), unrounded; {@code null} when need is 0 (left out)
 * @param needSource who set the need of its rows when not the input itself (distinct sources joined by "; "), or
 *        {@code null}
 */
public record MutuLine(MutuKind kind, String item, String unit, BigDecimal need, BigDecimal stock, BigDecimal gap,
        BigDecimal unitPrice, BigDecimal cost, BigDecimal achievement, String needSource) {

    public MutuLine(MutuKind kind, String item, String unit, BigDecimal need, BigDecimal stock, BigDecimal gap,
            BigDecimal unitPrice, BigDecimal cost, BigDecimal achievement) {
        this(kind, item, unit, need, stock, gap, unitPrice, cost, achievement, null);
    }

    public MutuLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(gap, "gap");
    }

    /** Whether the item enters %IP mutu: an item with need 0 is left out. */
    public boolean counts() {
        return achievement != null;
    }
}
