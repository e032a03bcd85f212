package id.spm.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.internal.rules.AntenatalRule;
import id.spm.rules.internal.rules.BalitaRule;
import id.spm.rules.internal.rules.DeliveryRule;
import id.spm.rules.internal.rules.DiabetesRule;
import id.spm.rules.internal.rules.ElderlyRule;
import id.spm.rules.internal.rules.HivRiskRule;
import id.spm.rules.internal.rules.HypertensionRule;
import id.spm.rules.internal.rules.NewbornRule;
import id.spm.rules.internal.rules.ProductiveAgeRule;
import id.spm.rules.internal.rules.SchoolAgeRule;
import id.spm.rules.internal.rules.SevereMentalDisorderRule;
import id.spm.rules.internal.rules.TbPresumptiveRule;
import id.spm.rules.model.PersonRecord;

/**
 * The entry point: decides, for a person and a period, each of the twelve services under a rule set.
 * Pure and thread-safe.
 */
public final class Evaluator {

    private static final ServiceRule[] RULES = {
            new AntenatalRule(), new DeliveryRule(), new NewbornRule(), new BalitaRule(), new SchoolAgeRule(),
            new ProductiveAgeRule(), new ElderlyRule(), new HypertensionRule(), new DiabetesRule(),
            new SevereMentalDisorderRule(), new TbPresumptiveRule(), new HivRiskRule() };

    static {
        for (int i = 0; i < RULES.length; i++) {
            if (RULES[i].service().ordinal() != i) {
                throw new IllegalStateException("rule table out of order at " + i);
            }
        }
    }

    private final RuleSet ruleSet;
    /**
     * The context of the last period asked for: a report decides every person for one period, so it is
     * built once, not per person. Context is immutable (final fields), so a racy cache is safe.
     */
    private Context lastContext;

    public Evaluator(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
    }

    private Context context(Period period) {
        Context c = lastContext;
        if (c == null || !c.period().equals(period)) {
            c = new Context(period, ruleSet);
            lastContext = c;
        }
        return c;
    }

    /** An evaluator with the rule set in force for the period. */
    public static Evaluator forPeriod(Period period) {
        return new Evaluator(RuleSets.forPeriod(period)
                .orElseThrow(() -> new IllegalArgumentException("no rule set covers " + period)));
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * The decisions of one service: one per case, or a single {@link Decision.NotRecipient} when the
     * person is not a recipient in the period.
     */
    public List<Decision> decide(PersonRecord person, SpmService service, Period period) {
        List<Decision> d = RULES[service.ordinal()].decide(person, context(period));
        return d.isEmpty() ? List.of(Decision.NotRecipient.of(service)) : d;
    }

    /** All twelve services; services the person is not a recipient of map to a single NotRecipient. */
    public Map<SpmService, List<Decision>> decideAll(PersonRecord person, Period period) {
        Map<SpmService, List<Decision>> out = new EnumMap<>(SpmService.class);
        Context ctx = context(period);
        for (ServiceRule rule : RULES) {
            List<Decision> d = rule.decide(person, ctx);
            out.put(rule.service(), d.isEmpty() ? List.of(Decision.NotRecipient.of(rule.service())) : d);
        }
        return out;
    }

    /**
     * The fast path for counting: hands every decision other than NotRecipient to the sink, without
     * building a map.
     */
    public void decideAll(PersonRecord person, Period period, DecisionSink sink) {
        Context ctx = context(period);
        for (ServiceRule rule : RULES) {
            List<Decision> d = rule.decide(person, ctx);
            for (int i = 0, n = d.size(); i < n; i++) {
                sink.accept(person, d.get(i));
            }
        }
    }

    /** Every decision of a person other than NotRecipient, in service order. */
    public List<Decision> decisions(PersonRecord person, Period period) {
        List<Decision> out = new ArrayList<>();
        decideAll(person, period, (p, d) -> out.add(d));
        return out;
    }

    /** Receives decisions from {@link #decideAll(PersonRecord, Period, DecisionSink)}. */
    @FunctionalInterface
    public interface DecisionSink {
        void accept(PersonRecord person, Decision decision);
    }
}
