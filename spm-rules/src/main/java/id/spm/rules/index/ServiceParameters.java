package id.spm.rules.index;

import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Parameter;
import id.spm.rules.RuleSet;
import id.spm.rules.SpmService;

/** The parameters of a rule set that apply to one service: its rule's, then the index's. */
public final class ServiceParameters {

    private ServiceParameters() {
    }

    /** The prefix of the service's parameters in {@link RuleSet#parameters()}, or {@code null} when none. */
    public static String prefix(SpmService service) {
        return switch (service) {
            case ANTENATAL -> "antenatal.";
            case DELIVERY -> "delivery.";
            case NEWBORN -> "newborn.";
            case BALITA -> "balita.";
            case SCHOOL_AGE -> "schoolAge.";
            case PRODUCTIVE_AGE, ELDERLY -> "screening.";
            case HYPERTENSION, DIABETES -> "chronicCare.";
            case SEVERE_MENTAL_DISORDER -> "mentalHealth.";
            case TB_PRESUMPTIVE -> "tb.";
            case HIV_RISK -> "hiv.";
        };
    }

    /** The service's own parameters (possibly none). */
    public static List<Parameter> ofService(RuleSet ruleSet, SpmService service) {
        String prefix = prefix(service);
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : ruleSet.parameters()) {
            if (p.name().startsWith(prefix)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The service's parameters followed by the index parameters: everything a result of it applied. */
    public static List<Parameter> applied(RuleSet ruleSet, SpmService service) {
        List<Parameter> out = ofService(ruleSet, service);
        out.addAll(ruleSet.index().describe());
        return List.copyOf(out);
    }
}
