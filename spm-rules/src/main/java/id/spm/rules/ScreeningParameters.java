package id.spm.rules;

import java.math.BigDecimal;
import java.util.List;

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
 */
public record ScreeningParameters(int glucoseMinAge, BigDecimal glucoseBmiThreshold, int glucoseSystolicThreshold,
        int glucoseDiastolicThreshold, int pumaMinAge, int tetanusWomenMaxAge, boolean ivaDecides) {

    public static final ScreeningParameters DEFAULT = new ScreeningParameters(40, new BigDecimal("27"), 140, 90, 41,
            39, false);

    public List<Parameter> describe() {
        return List.of(
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
                        true));
    }
}
