package id.spm.rules.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import id.spm.rules.Reason;

/**
 * The change of one service between a base period and a current one.
 *
 * @param direction judged on {@link #basis()}; {@code NOT_COMPARABLE} exactly when {@link #notComparable()}
 *        is not empty
 * @param basis the figure the direction was judged on
 * @param numeratorChange current − base
 * @param sasaranChange current − base; {@code null} when either is missing
 * @param penerimaChange current − base in percentage points; {@code null} when either is missing
 * @param qualityChange current − base in points; {@code null} when either is missing
 * @param indexChange current − base in points; {@code null} when either is missing
 * @param notComparable every reason the two periods' figures are not comparable
 * @param notes how the direction was judged when not on the IPSPM (e.g. mutu missing)
 */
public record Change(Direction direction, Basis basis, long numeratorChange, Long sasaranChange,
        BigDecimal penerimaChange, BigDecimal qualityChange, BigDecimal indexChange, List<Reason> notComparable,
        List<Reason> notes) {

    public Change {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(basis, "basis");
        notComparable = List.copyOf(notComparable);
        notes = List.copyOf(notes);
        if ((direction == Direction.NOT_COMPARABLE) == notComparable.isEmpty()) {
            throw new IllegalArgumentException("NOT_COMPARABLE exactly when reasons say why");
        }
    }
}
