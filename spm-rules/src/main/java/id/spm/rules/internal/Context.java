package id.spm.rules.internal;

import java.time.LocalDate;

import id.spm.rules.Period;
import id.spm.rules.RuleSet;

/**
 * What a rule needs besides the person: the period (and so E) and the rule set. The period's bounds
 * are computed once, since every rule of every person reads them.
 *
 * @param start 1 January of the period's year
 * @param end the evaluation date E
 */
public record Context(Period period, RuleSet ruleSet, LocalDate start, LocalDate end) {

    public Context(Period period, RuleSet ruleSet) {
        this(period, ruleSet, period.start(), period.end());
    }

    /** Whether a date is in [1 Jan, E]. */
    public boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(start) && !d.isAfter(end);
    }

    /** Whether a date is on or before E (events after E are ignored). */
    public boolean byEnd(LocalDate d) {
        return d != null && !d.isAfter(end);
    }

    public String clause(String section) {
        return ruleSet.clause(section);
    }
}
