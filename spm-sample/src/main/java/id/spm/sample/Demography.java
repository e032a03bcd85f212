package id.spm.sample;

import java.math.BigDecimal;

/**
 * The demographic and epidemiological rates of the generated population. Sources: BPS population
 * projection for Indonesia (age structure, crude birth rate), SKI 2023 (hypertension, diabetes), the
 * Permenkes example for ODGJ berat, WHO Global TB Report 2023 (TB incidence).
 */
final class Demography {

    private Demography() {
    }

    /** Age groups of the {@code penduduk} layout; ages are completed years at 31 December of the year. */
    static final String[] AGE_GROUPS = { "0", "1-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
            "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75+" };
    static final int[] AGE_LOW = { 0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75 };
    static final int[] AGE_HIGH = { 0, 4, 9, 14, 19, 24, 29, 34, 39, 44, 49, 54, 59, 64, 69, 74, 94 };

    /**
     * Percent of the population per age group: balita (0–4) 8 %, 5–14 16.2 %, 15–59 64.8 %, 60+ 11 %;
     * group 0 (born in the year) equals the crude birth rate.
     */
    static final double[] AGE_PERCENT = { 1.6, 6.4, 8.1, 8.1, 8.2, 8.0, 7.9, 7.7, 7.5, 7.2, 6.7, 6.1, 5.5, 4.4, 3.2,
            1.9, 1.5 };

    static final double MALE_SHARE = 0.505;

    /** Crude birth rate: 1.6 % of the population is born in a year. */
    static final double BIRTH_RATE = 0.016;

    /** Age-specific fertility of the 5-year groups 15–19 … 45–49 (TFR about 2.1), scaled by {@link #FERTILITY_SCALE}. */
    static final double[] ASFR = { 0.026, 0.100, 0.120, 0.100, 0.060, 0.020, 0.004 };

    /** Persons other than the year's babies are drawn from groups 1–16; babies come from their mothers. */
    static final double[] UNIT_GROUP_CUMULATIVE = cumulativeWithoutNewborns();

    /**
     * Scales {@link #ASFR} so that deliveries per drawn person give babies the {@link #BIRTH_RATE} share of
     * the whole population: b / (1 + b) = 1.6 %.
     */
    static final double FERTILITY_SCALE = fertilityScale();

    static final BigDecimal HYPERTENSION_PREVALENCE = new BigDecimal("0.308");
    static final BigDecimal DIABETES_PREVALENCE = new BigDecimal("0.022");
    static final BigDecimal ODGJ_PREVALENCE = new BigDecimal("0.0021");
    static final BigDecimal TB_INCIDENCE = new BigDecimal("0.00385");

    /** Latent hypertension by age (SKI 2023: about 30 % of adults, rising with age). */
    static double hypertension(int age) {
        if (age < 25) {
            return 0.07;
        }
        if (age < 35) {
            return 0.15;
        }
        if (age < 45) {
            return 0.28;
        }
        if (age < 55) {
            return 0.42;
        }
        if (age < 65) {
            return 0.53;
        }
        return 0.62;
    }

    /** Latent (diagnosable) diabetes by age: about 2 % of persons aged 15 and over. */
    static double diabetes(int age) {
        if (age < 35) {
            return 0.004;
        }
        if (age < 45) {
            return 0.018;
        }
        if (age < 55) {
            return 0.040;
        }
        return 0.055;
    }

    /**
     * Yearly death rate by age (completed years at the year's end), after the Indonesian life table
     * (crude death rate about 6.5 per 1,000): infants 2 %, rising steeply from 60.
     */
    static double mortality(int age) {
        if (age <= 1) {
            return 0.02;
        }
        if (age < 5) {
            return 0.002;
        }
        if (age < 40) {
            return 0.0012;
        }
        if (age < 60) {
            return 0.005;
        }
        if (age < 70) {
            return 0.02;
        }
        if (age < 75) {
            return 0.04;
        }
        return 0.09;
    }

    static int group(int age) {
        for (int g = AGE_HIGH.length - 1; g >= 0; g--) {
            if (age >= AGE_LOW[g]) {
                return g;
            }
        }
        return 0;
    }

    private static double[] cumulativeWithoutNewborns() {
        double[] c = new double[AGE_PERCENT.length - 1];
        double s = 0;
        for (int g = 1; g < AGE_PERCENT.length; g++) {
            s += AGE_PERCENT[g];
            c[g - 1] = s;
        }
        return c;
    }

    private static double fertilityScale() {
        double others = 100 - AGE_PERCENT[0];
        double perUnit = 0;
        for (int i = 0; i < ASFR.length; i++) {
            perUnit += AGE_PERCENT[4 + i] / others * (1 - MALE_SHARE) * ASFR[i];
        }
        double wanted = BIRTH_RATE / (1 - BIRTH_RATE);
        return wanted / perUnit;
    }
}
