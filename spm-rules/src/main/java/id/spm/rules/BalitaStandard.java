package id.spm.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import id.spm.rules.model.ChildServiceType;

/**
 * The thresholds of one balita standard (digest §2.4, §9.4), each counted over the standard's window
 * (standard 1: [birth, 1st birthday); standard 2: [1st, 2nd birthday); standard 3: the calendar year
 * of E). Several records of one kind on one date are one visit.
 *
 * @param minWeighings weighings (distinct dates) required in the window [interpretation for standard 1]
 * @param minWeighingsPerHalf weighings required in each half of the window, 0 for no half rule
 * @param minLengthHeight length/height measurements required
 * @param minHeadCircumference head circumference measurements required
 * @param minDevelopment development monitorings required
 * @param vitaminA which vitamin A capsule counts: {@link ChildServiceType#VITAMIN_A_BLUE} or
 *        {@link ChildServiceType#VITAMIN_A_RED}
 * @param minVitaminA vitamin A doses (distinct dates) required
 * @param vitaminAFromMonth a dose counts only from this age in completed months (0: the whole window)
 * @param immunisation antigens (canonical upper-case names, in schedule order) each required in the
 *        window; empty for none [interpretation]
 */
public record BalitaStandard(int minWeighings, int minWeighingsPerHalf, int minLengthHeight,
        int minHeadCircumference, int minDevelopment, ChildServiceType vitaminA, int minVitaminA,
        int vitaminAFromMonth, List<String> immunisation) {

    public BalitaStandard {
        if (minWeighings < 0 || minWeighingsPerHalf < 0 || minLengthHeight < 0 || minHeadCircumference < 0
                || minDevelopment < 0 || minVitaminA < 0 || vitaminAFromMonth < 0) {
            throw new IllegalArgumentException("balita thresholds must not be negative");
        }
        Objects.requireNonNull(vitaminA, "vitaminA");
        if (vitaminA != ChildServiceType.VITAMIN_A_BLUE && vitaminA != ChildServiceType.VITAMIN_A_RED) {
            throw new IllegalArgumentException("vitaminA must be a vitamin A service, not " + vitaminA);
        }
        String[] names = new String[immunisation.size()];
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String a = immunisation.get(i);
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("an antigen name is blank");
            }
            // ChildService upper-cases its antigen; the parameters must match that spelling.
            names[i] = a.strip().toUpperCase(Locale.ROOT);
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException("antigen " + names[i] + " is listed twice");
            }
        }
        immunisation = List.of(names);
    }

    /** {@code 1×VITAMIN_A_BLUE from month 6}, for the published parameter list. */
    String describeVitaminA() {
        String kind = vitaminA == ChildServiceType.VITAMIN_A_BLUE ? "blue" : "red";
        return minVitaminA + "×" + kind + (vitaminAFromMonth > 0 ? " from month " + vitaminAFromMonth : "");
    }

    String describeImmunisation() {
        return immunisation.isEmpty() ? "none" : String.join(",", immunisation);
    }
}
