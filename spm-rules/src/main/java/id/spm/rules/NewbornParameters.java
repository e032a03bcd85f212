package id.spm.rules;

import java.util.List;

/**
 * Service 3, bayi baru lahir (digest §2.3, §9.3).
 *
 * @param kn1MinHours KN1 at least this many hours after birth
 * @param kn1MaxHours KN1 at most this many hours after birth (exact duration)
 * @param kn1FallbackMaxDay with no time of birth or of KN1, KN1 on day 0 … this day counts [interpretation]
 * @param kn2FirstDay first day of KN2 (day of birth is day 0) [interpretation]
 * @param kn2LastDay last day of KN2
 * @param kn3FirstDay first day of KN3
 * @param kn3LastDay last day of KN3
 */
public record NewbornParameters(int kn1MinHours, int kn1MaxHours, int kn1FallbackMaxDay, int kn2FirstDay,
        int kn2LastDay, int kn3FirstDay, int kn3LastDay) {

    public static final NewbornParameters DEFAULT = new NewbornParameters(6, 48, 2, 3, 7, 8, 28);

    public NewbornParameters {
        if (kn1MinHours < 0 || kn1MaxHours < kn1MinHours || kn1FallbackMaxDay < 0 || kn2FirstDay < 0
                || kn2LastDay < kn2FirstDay || kn3FirstDay < 0 || kn3LastDay < kn3FirstDay) {
            throw new IllegalArgumentException("newborn visit windows must be non-negative and increasing");
        }
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("newborn.kn1Hours", kn1MinHours + "-" + kn1MaxHours,
                        "KN1 between these hours after birth, exact duration", false),
                new Parameter("newborn.kn1FallbackMaxDay", Integer.toString(kn1FallbackMaxDay),
                        "Without time of birth or of KN1, KN1 on day 0 to this day counts (stated as an assumption)",
                        true),
                new Parameter("newborn.kn2Days", kn2FirstDay + "-" + kn2LastDay,
                        "KN2 on these days of life, the day of birth being day 0", true),
                new Parameter("newborn.kn3Days", kn3FirstDay + "-" + kn3LastDay,
                        "KN3 on these days of life", false));
    }
}
