package id.spm.rules.compare;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One service's published figures of one area and period, with what they were computed under: the
 * input of {@link YearComparison}. Figures are the published (rounded) ones; any of them may be
 * {@code null} when not computable.
 *
 * @param ruleSetId the rule set that produced them
 * @param parameters every parameter of that rule set, name to value, except the category scheme
 * @param categoryScheme id of the category scheme the category was banded with
 * @param sasaranSources provenance of the sasaran (e.g. {@code BPS_PROJECTION}); empty when missing
 * @param sasaranMethod how the sasaran was resolved (OWN, SUM_OF_CHILDREN, SHARE_OF_ANCESTOR, MISSING)
 */
public record Figures(String ruleSetId, Map<String, String> parameters, String categoryScheme, long numerator,
        Long sasaran, Set<String> sasaranSources, String sasaranMethod, BigDecimal penerimaPercent,
        BigDecimal qualityPercent, BigDecimal index, String category) {

    public Figures {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(categoryScheme, "categoryScheme");
        parameters = Map.copyOf(parameters);
        sasaranSources = Set.copyOf(sasaranSources);
    }
}
