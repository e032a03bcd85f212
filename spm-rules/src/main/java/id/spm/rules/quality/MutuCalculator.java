package id.spm.rules.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import id.spm.rules.MutuAveraging;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaCodes;
import id.spm.rules.area.AreaHierarchy;

/**
 * %IP mutu per area and service (digest §3, §9 "Quality"):
 * <ul>
 * <li>an item's achievement is min(100, stock ÷ need × 100); an item with need 0 is left out; %IP mutu is
 * the mean over items ({@link MutuAveraging#MEAN_OF_CAPPED}) or Σ stock ÷ Σ need capped at 100
 * ({@link MutuAveraging#POOLED});</li>
 * <li>an area uses its own rows; with none, the per-item sums of its descendants' rows (each child
 * contributing its own rows, else its descendants'); with neither, "mutu not provided". A Puskesmas does
 * not inherit its district's rows;</li>
 * <li>quarter N uses the rows marked N, else the rows with no quarter; the year uses quarter 4's, else
 * those with none.</li>
 * </ul>
 * Items are the same when kind, item and unit match ignoring case and spacing. Immutable.
 */
public final class MutuCalculator {

    /** Precision of unrounded intermediate figures: far beyond the 2 published decimals. */
    static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AreaHierarchy hierarchy;
    private final Map<Key, List<MutuRow>> rows = new HashMap<>();
    private final MutuAveraging averaging;

    public MutuCalculator(AreaHierarchy hierarchy, Collection<MutuRow> rows, MutuAveraging averaging) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.averaging = Objects.requireNonNull(averaging, "averaging");
        for (MutuRow r : rows) {
            this.rows.computeIfAbsent(new Key(r.area(), r.service(), r.year()), k -> new ArrayList<>()).add(r);
        }
    }

    /** How items are combined. */
    public MutuAveraging averaging() {
        return averaging;
    }

    /** %IP mutu of an area of the hierarchy for a service and period. */
    public MutuResult of(String area, SpmService service, Period period) {
        String code = AreaCodes.normalize(area);
        Objects.requireNonNull(service, "service");
        int wanted = period.isYear() ? 4 : period.quarter();
        Selection own = select(code, service, period.year(), wanted);
        Map<String, Acc> items;
        MutuOrigin origin;
        List<String> from = new ArrayList<>();
        Integer rowsQuarter = null;
        if (own != null) {
            items = new HashMap<>();
            add(items, own.rows);
            origin = MutuOrigin.OWN;
            from.add(code);
            rowsQuarter = own.quarter;
        } else {
            items = new HashMap<>();
            if (!AreaCodes.isPuskesmas(code)) {
                for (String child : hierarchy.children(code)) {
                    descend(child, service, period.year(), wanted, items, from);
                }
            }
            origin = from.isEmpty() ? MutuOrigin.NONE : MutuOrigin.DESCENDANTS;
        }
        String quarterText = period.isYear() ? "the year (quarter 4's rows, else rows with no quarter)"
                : "quarter " + wanted + " (its rows, else rows with no quarter)";
        if (origin == MutuOrigin.NONE) {
            String why = AreaCodes.isPuskesmas(code) ? "no mutu rows of its own (a Puskesmas does not inherit)"
                    : "no mutu rows of its own or of its descendants";
            return new MutuResult(code, service, MutuStatus.NOT_PROVIDED, origin, null, List.of(), null, averaging,
                    List.of(), "mutu not provided: " + why + " for " + period.year() + ", " + quarterText);
        }
        List<MutuLine> lines = new ArrayList<>();
        // Keys start with the kind: goods before staff, then by item and unit.
        for (Acc a : new TreeMap<>(items).values()) {
            lines.add(a.line());
        }
        BigDecimal percent = percent(lines);
        String source = (origin == MutuOrigin.OWN ? "own rows" : "per-item sums of the rows of " + from)
                + needSources(lines);
        if (percent == null) {
            return new MutuResult(code, service, MutuStatus.NO_ITEM_WITH_NEED, origin, rowsQuarter, lines, null,
                    averaging, from, "every item of the " + source + " has need 0, so every item is left out");
        }
        return new MutuResult(code, service, MutuStatus.PROVIDED, origin, rowsQuarter, lines, percent, averaging,
                from, averaging.name() + " over " + countedItems(lines) + " item(s) with a need, " + source + ", "
                        + quarterText);
    }

    private void descend(String area, SpmService service, int year, int wanted, Map<String, Acc> items,
            List<String> from) {
        Selection s = select(area, service, year, wanted);
        if (s != null) {
            add(items, s.rows);
            from.add(area);
            return;
        }
        if (!AreaCodes.isPuskesmas(area)) {
            for (String child : hierarchy.children(area)) {
                descend(child, service, year, wanted, items, from);
            }
        }
    }

    /** §9 Quality: rows marked with the wanted quarter, else rows with no quarter, else none. */
    private Selection select(String area, SpmService service, int year, int wanted) {
        List<MutuRow> all = rows.get(new Key(area, service, year));
        if (all == null) {
            return null;
        }
        List<MutuRow> marked = new ArrayList<>();
        List<MutuRow> unmarked = new ArrayList<>();
        for (MutuRow r : all) {
            if (r.quarter() == null) {
                unmarked.add(r);
            } else if (r.quarter() == wanted) {
                marked.add(r);
            }
        }
        if (!marked.isEmpty()) {
            return new Selection(marked, wanted);
        }
        return unmarked.isEmpty() ? null : new Selection(unmarked, null);
    }

    private BigDecimal percent(List<MutuLine> lines) {
        int n = 0;
        BigDecimal sumAchievement = BigDecimal.ZERO;
        BigDecimal sumNeed = BigDecimal.ZERO;
        BigDecimal sumStock = BigDecimal.ZERO;
        for (MutuLine l : lines) {
            if (!l.counts()) {
                continue;
            }
            n++;
            sumAchievement = sumAchievement.add(l.achievement());
            sumNeed = sumNeed.add(l.need());
            sumStock = sumStock.add(l.stock());
        }
        if (n == 0) {
            return null;
        }
        return switch (averaging) {
            case MEAN_OF_CAPPED -> sumAchievement.divide(BigDecimal.valueOf(n), MC);
            case POOLED -> capped(sumStock, sumNeed);
        };
    }

    /** min(100, stock ÷ need × 100), need > 0. */
    static BigDecimal capped(BigDecimal stock, BigDecimal need) {
        BigDecimal p = stock.multiply(HUNDRED).divide(need, MC);
        return p.compareTo(HUNDRED) > 0 ? HUNDRED : p;
    }

    /** Who set the needs, where not the input itself (a decree adopting next year's minimum quality). */
    private static String needSources(List<MutuLine> lines) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (MutuLine l : lines) {
            if (l.needSource() != null) {
                s.add(l.item() + ": " + l.needSource());
            }
        }
        return s.isEmpty() ? "" : " (needs set by " + String.join("; ", s) + ")";
    }

    private static int countedItems(List<MutuLine> lines) {
        int n = 0;
        for (MutuLine l : lines) {
            if (l.counts()) {
                n++;
            }
        }
        return n;
    }

    private static void add(Map<String, Acc> items, List<MutuRow> rows) {
        for (MutuRow r : rows) {
            String key = r.kind().ordinal() + "|" + norm(r.item()) + "|" + norm(r.unit());
            items.computeIfAbsent(key, k -> new Acc(r)).add(r);
        }
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private record Key(String area, SpmService service, int year) {
    }

    private record Selection(List<MutuRow> rows, Integer quarter) {
    }

    /** One item's summed rows. */
    private static final class Acc {
        final MutuKind kind;
        final String item;
        final String unit;
        BigDecimal need = BigDecimal.ZERO;
        BigDecimal stock = BigDecimal.ZERO;
        BigDecimal price;
        boolean priceMissing;
        boolean priceConflict;
        final LinkedHashSet<String> needSources = new LinkedHashSet<>();

        Acc(MutuRow first) {
            kind = first.kind();
            item = first.item();
            unit = first.unit();
        }

        void add(MutuRow r) {
            need = need.add(r.need());
            stock = stock.add(r.stock());
            if (r.needSource() != null) {
                needSources.add(r.needSource());
            }
            if (r.unitPrice() == null) {
                priceMissing = true;
            } else if (price == null) {
                price = r.unitPrice();
            } else if (price.compareTo(r.unitPrice()) != 0) {
                priceConflict = true;
            }
        }

        MutuLine line() {
            BigDecimal gap = need.subtract(stock).max(BigDecimal.ZERO);
            BigDecimal unitPrice = priceMissing || priceConflict ? null : price;
            BigDecimal cost = unitPrice == null ? null : gap.multiply(unitPrice);
            BigDecimal achievement = need.signum() == 0 ? null : capped(stock, need);
            return new MutuLine(kind, item, unit, need, stock, gap, unitPrice, cost, achievement,
                    needSources.isEmpty() ? null : String.join("; ", needSources));
        }
    }
}
