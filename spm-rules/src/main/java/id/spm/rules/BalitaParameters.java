package id.spm.rules;

import java.util.List;
import java.util.Objects;

import id.spm.rules.model.ChildServiceType;

/**
 * Service 4, balita (digest §2.4, §9.4): one {@link BalitaStandard} per cohort.
 *
 * @param standard1 standard 1 (0–11 months), judged for children aged 12–23 months at E
 * @param standard2 standard 2 (12–23 months), judged for children aged 24–35 months at E
 * @param standard3 standard 3 (24–59 months), judged for children aged 36–59 months at E
 * @param hb0FromNewbornRegister an HB0 "yes" in the child's newborn register row counts as the HB0 dose
 */
public record BalitaParameters(BalitaStandard standard1, BalitaStandard standard2, BalitaStandard standard3,
        boolean hb0FromNewbornRegister) {

    /** The canonical name of the hepatitis B birth dose, also read from the newborn register. */
    public static final String HB0 = "HB0";

    public static final BalitaParameters DEFAULT = new BalitaParameters(
            // §9.4 standard 1: weighing 8 (OCR "minimal I kali"), length 2, head 2, development 4,
            // blue vitamin A once at 6–11 months, complete basic immunisation.
            new BalitaStandard(8, 0, 2, 2, 4, ChildServiceType.VITAMIN_A_BLUE, 1, 6,
                    List.of(HB0, "BCG", "OPV1", "OPV2", "OPV3", "OPV4", "DPT-HB-HIB1", "DPT-HB-HIB2", "DPT-HB-HIB3",
                            "IPV1", "MR1")),
            // §9.4 standard 2: weighing 8 with 4 per half, length 2, head 2, development 2, red twice, booster.
            new BalitaStandard(8, 4, 2, 2, 2, ChildServiceType.VITAMIN_A_RED, 2, 0, List.of("DPT-HB-HIB4", "MR2")),
            // §9.4 standard 3: weighing 8 with 4 per half, height 2, head 1, development 1, red twice.
            new BalitaStandard(8, 4, 2, 1, 1, ChildServiceType.VITAMIN_A_RED, 2, 0, List.of()),
            true);

    public BalitaParameters {
        Objects.requireNonNull(standard1, "standard1");
        Objects.requireNonNull(standard2, "standard2");
        Objects.requireNonNull(standard3, "standard3");
    }

    /** Standard 1, 2 or 3. */
    public BalitaStandard standard(int n) {
        if (n == 1) {
            return standard1;
        }
        if (n == 2) {
            return standard2;
        }
        if (n == 3) {
            return standard3;
        }
        throw new IllegalArgumentException("balita standard " + n + " is outside 1–3");
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("balita.minWeighings",
                        standard1.minWeighings() + "/" + standard2.minWeighings() + "/" + standard3.minWeighings(),
                        "Weighings (distinct dates) required per standard 1/2/3 (standard 1: OCR reads 'minimal I kali')",
                        true),
                new Parameter("balita.minWeighingsPerHalf",
                        standard1.minWeighingsPerHalf() + "/" + standard2.minWeighingsPerHalf() + "/"
                                + standard3.minWeighingsPerHalf(),
                        "Weighings required in each half of the window per standard (halves of the age window; "
                                + "Jan–Jun and Jul–Dec for standard 3)",
                        false),
                new Parameter("balita.minLengthHeight",
                        standard1.minLengthHeight() + "/" + standard2.minLengthHeight() + "/"
                                + standard3.minLengthHeight(),
                        "Length/height measurements", false),
                new Parameter("balita.minHeadCircumference",
                        standard1.minHeadCircumference() + "/" + standard2.minHeadCircumference() + "/"
                                + standard3.minHeadCircumference(),
                        "Head circumference measurements", false),
                new Parameter("balita.minDevelopment",
                        standard1.minDevelopment() + "/" + standard2.minDevelopment() + "/"
                                + standard3.minDevelopment(),
                        "Development monitorings", false),
                new Parameter("balita.vitaminA",
                        standard1.describeVitaminA() + "/" + standard2.describeVitaminA() + "/"
                                + standard3.describeVitaminA(),
                        "Vitamin A doses per standard (blue at 6–11 months; red)", false),
                new Parameter("balita.basicImmunisation", standard1.describeImmunisation(),
                        "Antigens of complete basic immunisation, each before the 1st birthday", true),
                new Parameter("balita.badutaBooster", standard2.describeImmunisation(),
                        "Antigens of the baduta booster, each between the 1st and 2nd birthday", true),
                new Parameter("balita.standard3Immunisation", standard3.describeImmunisation(),
                        "Antigens required in the standard-3 window", false),
                new Parameter("balita.hb0FromNewbornRegister", Boolean.toString(hb0FromNewbornRegister),
                        "HB0 recorded in the newborn register counts as the HB0 dose", false),
                new Parameter("balita.windows",
                        "[birth, 1st birthday) / [1st, 2nd birthday) / calendar year of E",
                        "Windows of standards 1/2/3; standard 3 is pending until 31 December", true));
    }
}
