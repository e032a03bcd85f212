package id.spm.rules.internal;

import java.time.LocalDate;

import id.spm.rules.Period;
import id.spm.rules.RuleSet;

/** What a rule needs besides the person: the period (and so E) and the rule set. */
public record Context(Period period, RuleSet ruleSet) {

    /** 1 January of the period's year. */
    public LocalDate start() {
        return period.start();
    }

    /** The evaluation date E. */
    public LocalDate end() {
        return period.end();
    }

    /** Whether a date is in [1 Jan, E]. */
    public boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(period.start()) && !d.isAfter(period.end());
    }

    /** Whether a date is on or before E (events after E are ignored). */
    public boolean byEnd(LocalDate d) {
        return d != null && !d.isAfter(period.end());
    }

    public String clause(String section) {
        return ruleSet.clause(section);
    }
}
