package id.spm.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Services 6 (usia produktif) and 7 (usia lanjut) (digest §2.6, §2.7, §9.6, §9.7).
 *
 * @param glucoseMinAge blood glucose required from this age
 * @param glucoseBmiThreshold or with BMI at or above this
 * @param glucoseSystolicThreshold or with systolic at or above this
 * @param glucoseDiastolicThreshold or with diastolic at or above this
 * @param pumaMinAge PUMA (COPD) screening required from this age
 * @param tetanusWomenMaxAge tetanus status required for women aged 15 up to this age
 * @param ivaDecides whether IVA/SADANIS decides counting [interpretation] (default no)
 * @param productiveMinAge service 6 recipients are aged at least this at a screening
 * @param elderlyMinAge service 7 recipients are aged at least this at a screening; service 6 ends the
 *        year before
 * @param ivaMinAge IVA/SADANIS concerns women from this age (reported, or required when {@code ivaDecides})
 * @param ivaMaxAge …up to this age
 */
public record ScreeningParameters(int glucoseMinAge, BigDecimal glucoseBmiThreshold, int glucoseSystolicThreshold,
        int glucoseDiastolicThreshold, int pumaMinAge, int tetanusWomenMaxAge, boolean ivaDecides,
        int productiveMinAge, int elderlyMinAge, int ivaMinAge, int ivaMaxAge) {

    public static final ScreeningParameters DEFAULT = new ScreeningParameters(40, new BigDecimal("27"), 140, 90, 41,
            39, false, 15, 60, 30, 50);

    public ScreeningParameters {
        Objects.requireNonNull(glucoseBmiThreshold, "glucoseBmiThreshold");
        if (glucoseBmiThreshold.signum() <= 0) {
            throw new IllegalArgumentException("BMI threshold must be positive");
        }
        if (productiveMinAge < 0 || elderlyMinAge <= productiveMinAge) {
            throw new IllegalArgumentException("age bands must increase: 0 ≤ productiveMinAge < elderlyMinAge");
        }
        if (ivaMinAge > ivaMaxAge) {
            throw new IllegalArgumentException("IVA age band is empty");
        }
    }

    /** The first seven parameters with the section 9 defaults for the rest. */
    public ScreeningParameters(int glucoseMinAge, BigDecimal glucoseBmiThreshold, int glucoseSystolicThreshold,
            int glucoseDiastolicThreshold, int pumaMinAge, int tetanusWomenMaxAge, boolean ivaDecides) {
        this(glucoseMinAge, glucoseBmiThreshold, glucoseSystolicThreshold, glucoseDiastolicThreshold, pumaMinAge,
                tetanusWomenMaxAge, ivaDecides, 15, 60, 30, 50);
    }

    public ScreeningParameters withIvaDecides(boolean decides) {
        return new ScreeningParameters(glucoseMinAge, glucoseBmiThreshold, glucoseSystolicThreshold,
                glucoseDiastolicThreshold, pumaMinAge, tetanusWomenMaxAge, decides, productiveMinAge, elderlyMinAge,
                ivaMinAge, ivaMaxAge);
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("screening.productiveAges", productiveMinAge + "-" + (elderlyMinAge - 1),
                        "Service 6 recipients: aged in this band at a screening in [1 Jan, E]", false),
                new Parameter("screening.elderlyMinAge", Integer.toString(elderlyMinAge),
                        "Service 7 recipients: aged at least this at a screening in [1 Jan, E]", false),
                new Parameter("screening.glucoseMinAge", Integer.toString(glucoseMinAge),
                        "Blood glucose required from this age (15–59)", false),
                new Parameter("screening.glucoseBmiThreshold", glucoseBmiThreshold.toPlainString(),
                        "…or with BMI at or above this (one screening's weight and height)", true),
                new Parameter("screening.glucoseBloodPressure", glucoseSystolicThreshold + "/" + glucoseDiastolicThreshold,
                        "…or with systolic or diastolic at or above these", true),
                new Parameter("screening.pumaMinAge", Integer.toString(pumaMinAge),
                        "PUMA (COPD) screening required from this age ('over 40')", true),
                new Parameter("screening.tetanusWomenMaxAge", Integer.toString(tetanusWomenMaxAge),
                        "Tetanus status required for women aged 15 to this", false),
                new Parameter("screening.ivaDecides", Boolean.toString(ivaDecides),
                        "IVA/SADANIS decides counting (exports show neither sexual history nor the 3-year interval)",
                        true),
                new Parameter("screening.ivaAges", ivaMinAge + "-" + ivaMaxAge,
                        "Women in this age band have IVA/SADANIS reported (required only when screening.ivaDecides)",
                        false));
    }
}
