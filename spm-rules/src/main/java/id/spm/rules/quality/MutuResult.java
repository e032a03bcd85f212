package id.spm.rules.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.spm.rules.MutuAveraging;
import id.spm.rules.SpmService;

/**
 * %IP mutu of one area and service in a period, with the form lines it came from.
 *
 * @param area area code
 * @param service the service
 * @param status provided, not provided, or no item with a need
 * @param origin own rows, descendants' rows, or none
 * @param rowsQuarter the quarter mark of the rows used, {@code null} for rows with no quarter (or none used)
 * @param lines the items, goods then staff, in item order
 * @param percent %IP mutu, unrounded; {@code null} unless provided
 * @param averaging how the items were combined
 * @param fromAreas the areas whose rows were used
 * @param explanation how it was computed, or why not
 */
public record MutuResult(String area, SpmService service, MutuStatus status, MutuOrigin origin, Integer rowsQuarter,
        List<MutuLine> lines, BigDecimal percent, MutuAveraging averaging, List<String> fromAreas,
        String explanation) {

    public MutuResult {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(averaging, "averaging");
        Objects.requireNonNull(explanation, "explanation");
        lines = List.copyOf(lines);
        fromAreas = List.copyOf(fromAreas);
        if ((percent != null) != (status == MutuStatus.PROVIDED)) {
            throw new IllegalArgumentException("%IP mutu is present exactly when provided");
        }
    }

    /** Form 2.B.4: the goods lines. */
    public List<MutuLine> goods() {
        return ofKind(MutuKind.GOODS);
    }

    /** Form 2.B.5: the staff lines. */
    public List<MutuLine> staff() {
        return ofKind(MutuKind.STAFF);
    }

    /** Total cost of a form's gaps; lines without a unit price are not in it. */
    public BigDecimal totalCost(MutuKind kind) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MutuLine l : lines) {
            if (l.kind() == kind && l.cost() != null) {
                sum = sum.add(l.cost());
            }
        }
        return sum;
    }

    private List<MutuLine> ofKind(MutuKind kind) {
        List<MutuLine> out = new ArrayList<>();
        for (MutuLine l : lines) {
            if (l.kind() == kind) {
                out.add(l);
            }
        }
        return out;
    }
}
