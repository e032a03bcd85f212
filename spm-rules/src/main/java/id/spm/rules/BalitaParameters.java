package id.spm.rules;

import java.util.List;
import java.util.Set;

/**
 * Service 4, balita (digest §2.4, §9.4). Arrays are indexed by standard: [0] standard 1 (0–11
 * months), [1] standard 2 (12–23), [2] standard 3 (24–59).
 *
 * @param minWeighings weighings required in the window (standard 1: OCR "minimal I kali", default 8) [interpretation]
 * @param minWeighingsPerHalf weighings required in each half of the window (0 = no half rule)
 * @param minLengthHeight length/height measurements required
 * @param minHeadCircumference head circumference measurements required
 * @param minDevelopment development monitorings required
 * @param minVitaminA vitamin A doses required (blue for standard 1, red for 2 and 3)
 * @param basicImmunisation antigens of complete basic immunisation, before the 1st birthday [interpretation]
 * @param badutaBooster antigens of the baduta booster, in the standard-2 window [interpretation]
 */
public record BalitaParameters(int[] minWeighings, int[] minWeighingsPerHalf, int[] minLengthHeight,
        int[] minHeadCircumference, int[] minDevelopment, int[] minVitaminA, Set<String> basicImmunisation,
        Set<String> badutaBooster) {

    public static final BalitaParameters DEFAULT = new BalitaParameters(
            new int[] { 8, 8, 8 }, new int[] { 0, 4, 4 }, new int[] { 2, 2, 2 }, new int[] { 2, 2, 1 },
            new int[] { 4, 2, 1 }, new int[] { 1, 2, 2 },
            Set.of("HB0", "BCG", "OPV1", "OPV2", "OPV3", "OPV4", "DPT-HB-HIB1", "DPT-HB-HIB2", "DPT-HB-HIB3", "IPV1",
                    "MR1"),
            Set.of("DPT-HB-HIB4", "MR2"));

    public BalitaParameters {
        for (int[] a : new int[][] { minWeighings, minWeighingsPerHalf, minLengthHeight, minHeadCircumference,
                minDevelopment, minVitaminA }) {
            if (a.length != 3) {
                throw new IllegalArgumentException("balita thresholds have one value per standard (3)");
            }
        }
        minWeighings = minWeighings.clone();
        minWeighingsPerHalf = minWeighingsPerHalf.clone();
        minLengthHeight = minLengthHeight.clone();
        minHeadCircumference = minHeadCircumference.clone();
        minDevelopment = minDevelopment.clone();
        minVitaminA = minVitaminA.clone();
        basicImmunisation = Set.copyOf(basicImmunisation);
        badutaBooster = Set.copyOf(badutaBooster);
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("balita.minWeighings", join(minWeighings),
                        "Weighings required per standard 1/2/3 (standard 1: OCR reads 'minimal I kali')", true),
                new Parameter("balita.minWeighingsPerHalf", join(minWeighingsPerHalf),
                        "Weighings required in each half of the window per standard", false),
                new Parameter("balita.minLengthHeight", join(minLengthHeight), "Length/height measurements", false),
                new Parameter("balita.minHeadCircumference", join(minHeadCircumference),
                        "Head circumference measurements", false),
                new Parameter("balita.minDevelopment", join(minDevelopment), "Development monitorings", false),
                new Parameter("balita.minVitaminA", join(minVitaminA),
                        "Vitamin A doses (blue at 6–11 months; red)", false),
                new Parameter("balita.basicImmunisation", String.join(",", new java.util.TreeSet<>(basicImmunisation)),
                        "Antigens of complete basic immunisation before the 1st birthday", true),
                new Parameter("balita.badutaBooster", String.join(",", new java.util.TreeSet<>(badutaBooster)),
                        "Antigens of the baduta booster in the second year", true));
    }

    private static String join(int[] a) {
        return a[0] + "/" + a[1] + "/" + a[2];
    }
}
