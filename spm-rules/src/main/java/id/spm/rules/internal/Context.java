package id.spm.rules.internal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import id.spm.rules.Period;
import id.spm.rules.RuleSet;

/**
 * What a rule needs besides the person: the period (and so E) and the rule set. Every rule of every
 * person reads the period's bounds, so they are computed once, also as epoch days for plain integer
 * comparisons; clause labels are built once per section. Immutable and thread-safe.
 */
public final class Context {

    private final Period period;
    private final RuleSet ruleSet;
    private final LocalDate start;
    private final LocalDate end;
    private final long startDay;
    private final long endDay;
    private final String span;
    private final ConcurrentHashMap<String, String> clauses = new ConcurrentHashMap<>();

    public Context(Period period, RuleSet ruleSet) {
        this.period = Objects.requireNonNull(period, "period");
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.start = period.start();
        this.end = period.end();
        this.startDay = start.toEpochDay();
        this.endDay = end.toEpochDay();
        this.span = " from " + start + " to " + end;
    }

    public Period period() {
        return period;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** 1 January of the period's year. */
    public LocalDate start() {
        return start;
    }

    /** The evaluation date E. */
    public LocalDate end() {
        return end;
    }

    /** {@link #start()} as an epoch day. */
    public long startDay() {
        return startDay;
    }

    /** {@link #end()} (E) as an epoch day. */
    public long endDay() {
        return endDay;
    }

    /** {@code " from 2025-01-01 to 2025-12-31"}: the period as reason messages write it, built once. */
    public String span() {
        return span;
    }

    /** Whether a date is in [1 Jan, E]. */
    public boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(start) && !d.isAfter(end);
    }

    /** Whether an epoch day is in [1 Jan, E]. */
    public boolean inPeriod(long day) {
        return day >= startDay && day <= endDay;
    }

    /** Whether a date is on or before E (events after E are ignored). */
    public boolean byEnd(LocalDate d) {
        return d != null && !d.isAfter(end);
    }

    /** The clause label of a section, e.g. {@code PMK-6-2024 §9.1}, built once per section. */
    public String clause(String section) {
        String c = clauses.get(section);
        if (c == null) {
            c = ruleSet.clause(section);
            clauses.putIfAbsent(section, c);
        }
        return c;
    }

    @Override
    public String toString() {
        return "Context[" + period + ", " + ruleSet.id() + "]";
    }
}
