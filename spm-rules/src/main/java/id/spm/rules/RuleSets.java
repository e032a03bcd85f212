package id.spm.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The known rule sets. Choosing one is a function of the period: the newest whose effective year is
 * not after the period's year. {@code PMK-4-2019} (Permenkes 4/2019) is to be added beside this one.
 */
public final class RuleSets {

    /** Permenkes 6/2024 with the defaults of digest section 9. */
    public static final RuleSet PMK_6_2024 = new RuleSet("PMK-6-2024", "Permenkes 6/2024", 2024,
            AntenatalParameters.DEFAULT, DeliveryParameters.DEFAULT, NewbornParameters.DEFAULT, BalitaParameters.DEFAULT,
            SchoolAgeParameters.DEFAULT, ScreeningParameters.DEFAULT, ChronicCareParameters.DEFAULT,
            IndexParameters.DEFAULT);

    private static final List<RuleSet> ALL = List.of(PMK_6_2024);

    private RuleSets() {
    }

    public static List<RuleSet> all() {
        return ALL;
    }

    public static Optional<RuleSet> byId(String id) {
        return ALL.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The rule set in force for a period, or empty when none covers its year. */
    public static Optional<RuleSet> forPeriod(Period period) {
        return ALL.stream().filter(r -> r.effectiveFromYear() <= period.year())
                .max(Comparator.comparingInt(RuleSet::effectiveFromYear));
    }
}
