package id.spm.rules.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.PersonRecord;

/**
 * Streams persons (and monthly aggregate counts) into per-Puskesmas, per-service tallies, then yields
 * the numerators of every area with the source of each Puskesmas (digest §2, §9 "General"). Not
 * thread-safe: give each thread its own accumulator and {@link #merge} them.
 *
 * <pre>{@code
 * CountAccumulator acc = new CountAccumulator(evaluator, period);
 * persons.forEach(acc::add);
 * monthlyCounts.forEach(acc::addMonthlyCount);
 * Counts counts = acc.result(hierarchy);
 * }</pre>
 */
public final class CountAccumulator {

    private static final SpmService[] ALL = SpmService.values();
    private static final int SERVICES = ALL.length;

    private final Evaluator evaluator;
    private final Period period;
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<MonthKey, MonthlyCount> monthly = new HashMap<>();
    private final Evaluator.DecisionSink decisionSink = (person, d) -> addDecision(d);
    private final ByNamePresence.Sink presenceSink = this::markLayout;

    public CountAccumulator(Evaluator evaluator, Period period) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.period = Objects.requireNonNull(period, "period");
    }

    public Period period() {
        return period;
    }

    /** Adds a person: the by-name presence of their rows, then every decision of the twelve services. */
    public CountAccumulator add(PersonRecord person) {
        ByNamePresence.visit(person, period, presenceSink);
        evaluator.decideAll(person, period, decisionSink);
        return this;
    }

    /**
     * {@link #add(PersonRecord)}, also handing every decision, after it was counted, to {@code also}: one
     * evaluation serves the counts and the caller's list of decisions (who is not counted and why).
     */
    public CountAccumulator add(PersonRecord person, Evaluator.DecisionSink also) {
        Objects.requireNonNull(also, "also");
        ByNamePresence.visit(person, period, presenceSink);
        evaluator.decideAll(person, period, (p, d) -> {
            addDecision(d);
            also.accept(p, d);
        });
        return this;
    }

    /**
     * Adds one decision made elsewhere (e.g. stored). Its Puskesmas' by-name presence must be given too,
     * through {@link #add} or {@link #markByName}.
     */
    public CountAccumulator addDecision(Decision d) {
        int column = switch (d.status()) {
            case COUNTED -> 0;
            case NOT_COUNTED -> 1;
            case PENDING -> 2;
            case EXCLUDED -> 3;
            case NOT_RECIPIENT -> -1;
        };
        if (column < 0) {
            return this;
        }
        Slot s = slot(d.puskesmas());
        int svc = d.service().ordinal();
        s.tally[svc * 4 + column]++;
        List<Assumption> as = d.assumptions();
        for (int i = 0, n = as.size(); i < n; i++) {
            s.assume(svc, as.get(i));
        }
        return this;
    }

    /** States that the Puskesmas has a by-name record of the service's layouts in the service's window. */
    public CountAccumulator markByName(SpmService service, String puskesmas) {
        slot(puskesmas).present[service.ordinal()] = true;
        return this;
    }

    /**
     * Adds a monthly aggregate count (layout {@code rekap-bulanan}). A second count for the same
     * Puskesmas, service, year and month replaces the first: callers pass counts in import order and the
     * latest import wins.
     */
    public CountAccumulator addMonthlyCount(MonthlyCount c) {
        monthly.put(new MonthKey(c.puskesmas(), c.service(), c.year(), c.month()), c);
        return this;
    }

    /** Adds everything another accumulator of the same period and evaluator collected. */
    public CountAccumulator merge(CountAccumulator other) {
        if (!other.period.equals(period)) {
            throw new IllegalArgumentException("cannot merge counts of " + other.period + " into " + period);
        }
        other.slots.forEach((code, o) -> {
            Slot s = slot(code);
            for (int i = 0; i < s.tally.length; i++) {
                s.tally[i] += o.tally[i];
            }
            for (int i = 0; i < SERVICES; i++) {
                s.present[i] |= o.present[i];
                if (o.assumptions[i] != null) {
                    Map<String, AssumptionUse> into = s.assumptionMap(i);
                    o.assumptions[i].forEach((k, v) -> into.merge(k, v,
                            (a, b) -> new AssumptionUse(a.code(), a.example(), a.decisions() + b.decisions())));
                }
            }
        });
        monthly.putAll(other.monthly);
        return this;
    }

    /** The numerators of every area of the hierarchy, and of Puskesmas with data outside it. */
    public Counts result(AreaHierarchy hierarchy) {
        Map<String, PuskesmasCount[]> perPuskesmas = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>(slots.keySet());
        for (MonthKey k : monthly.keySet()) {
            codes.add(k.puskesmas());
        }
        for (var p : hierarchy.allPuskesmas()) {
            codes.add(p.code());
        }
        for (String code : codes) {
            PuskesmasCount[] row = new PuskesmasCount[SERVICES];
            for (SpmService s : SpmService.values()) {
                row[s.ordinal()] = puskesmasCount(code, s);
            }
            perPuskesmas.put(code, row);
        }
        return new Counts(period, evaluator.ruleSet().id(), hierarchy, perPuskesmas);
    }

    private PuskesmasCount puskesmasCount(String code, SpmService service) {
        int svc = service.ordinal();
        Slot s = slots.get(code);
        Tally byName = s == null ? Tally.ZERO
                : new Tally(s.tally[svc * 4], s.tally[svc * 4 + 1], s.tally[svc * 4 + 2], s.tally[svc * 4 + 3]);
        boolean present = s != null && s.present[svc];
        long compliant = 0;
        long nonCompliant = 0;
        boolean nonCompliantComplete = true;
        int months = 0;
        for (MonthlyCount c : monthsInWindow(code, service)) {
            compliant += c.compliant();
            if (c.nonCompliant() == null) {
                nonCompliantComplete = false;
            } else {
                nonCompliant += c.nonCompliant();
            }
            months++;
        }
        Long nonCompliantSum = months > 0 && nonCompliantComplete ? nonCompliant : null;
        String window = "[" + ByNamePresence.windowStart(service, period) + ", "
                + ByNamePresence.windowEnd(service, period) + "]";
        String layouts = layoutIds(service);
        if (present) {
            List<AssumptionUse> assumptions = s.assumptions[svc] == null ? List.of()
                    : new ArrayList<>(new TreeMap<>(s.assumptions[svc]).values());
            String ignored = months == 0 ? "" : "; " + months + " monthly count(s) not added";
            return new PuskesmasCount(code, service, NumeratorSource.BY_NAME, byName.counted(), byName, compliant,
                    nonCompliantSum, months, assumptions,
                    "by-name records of " + layouts + " dated in " + window + ignored);
        }
        String unused = byName.equals(Tally.ZERO) ? ""
                : "; " + (byName.counted() + byName.notCounted() + byName.pending() + byName.excluded())
                        + " by-name decision(s) attributed here have no record in the window and are not used";
        if (months > 0) {
            return new PuskesmasCount(code, service, NumeratorSource.AGGREGATE, compliant, byName, compliant,
                    nonCompliantSum, months, List.of(),
                    "no by-name record of " + layouts + " dated in " + window + "; sum of " + months
                            + " monthly count(s)" + unused);
        }
        return new PuskesmasCount(code, service, NumeratorSource.NONE, 0, byName, 0, null, 0, List.of(),
                "no by-name record of " + layouts + " dated in " + window + " and no monthly count" + unused);
    }

    /** Monthly counts up to E; for service 5 the months of its school-year window. */
    private List<MonthlyCount> monthsInWindow(String code, SpmService service) {
        List<MonthlyCount> out = new ArrayList<>();
        int endMonth = period.end().getMonthValue();
        if (service == SpmService.SCHOOL_AGE) {
            int lastMay = Math.min(5, endMonth);
            for (int m = 6; m <= 12; m++) {
                addIfPresent(out, new MonthKey(code, service, period.year() - 1, m));
            }
            for (int m = 1; m <= lastMay; m++) {
                addIfPresent(out, new MonthKey(code, service, period.year(), m));
            }
        } else {
            for (int m = 1; m <= endMonth; m++) {
                addIfPresent(out, new MonthKey(code, service, period.year(), m));
            }
        }
        return out;
    }

    private void addIfPresent(List<MonthlyCount> out, MonthKey k) {
        MonthlyCount c = monthly.get(k);
        if (c != null) {
            out.add(c);
        }
    }

    private static String layoutIds(SpmService service) {
        StringBuilder b = new StringBuilder();
        for (ByNameLayout l : ByNameLayout.of(service)) {
            if (b.length() > 0) {
                b.append(" or ");
            }
            b.append(l.id());
        }
        return b.toString();
    }

    private void markLayout(ByNameLayout layout, String puskesmas) {
        Slot s = slot(puskesmas);
        for (SpmService svc : ALL) {
            if (layout.makes(svc)) {
                s.present[svc.ordinal()] = true;
            }
        }
    }

    private Slot slot(String puskesmas) {
        Objects.requireNonNull(puskesmas, "puskesmas");
        Slot s = slots.get(puskesmas);
        if (s == null) {
            s = new Slot();
            slots.put(puskesmas, s);
        }
        return s;
    }

    private record MonthKey(String puskesmas, SpmService service, int year, int month) {
    }

    /** The tallies of one Puskesmas: four columns per service. */
    private static final class Slot {
        final long[] tally = new long[SERVICES * 4];
        final boolean[] present = new boolean[SERVICES];
        @SuppressWarnings("unchecked")
        final Map<String, AssumptionUse>[] assumptions = new Map[SERVICES];

        Map<String, AssumptionUse> assumptionMap(int svc) {
            if (assumptions[svc] == null) {
                assumptions[svc] = new HashMap<>();
            }
            return assumptions[svc];
        }

        void assume(int svc, Assumption a) {
            assumptionMap(svc).merge(a.code(), new AssumptionUse(a.code(), a.message(), 1),
                    (old, one) -> new AssumptionUse(old.code(), old.example(), old.decisions() + 1));
        }
    }
}
