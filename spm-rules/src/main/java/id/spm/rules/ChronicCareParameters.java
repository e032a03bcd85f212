package id.spm.rules;

import java.util.List;

/**
 * Services 8 (hipertensi) and 9 (diabetes melitus) (digest §2.8, §2.9, §9.8, §9.9).
 *
 * @param policy monthly (default) or once in the period [interpretation]
 * @param minAge recipients aged at least this on the diagnosed visit
 * @param drugTherapySystolicAbove drug therapy required if any systolic above this was recorded
 */
public record ChronicCareParameters(MonitoringPolicy policy, int minAge, int drugTherapySystolicAbove) {

    public static final ChronicCareParameters DEFAULT = new ChronicCareParameters(MonitoringPolicy.MONTHLY, 15, 140);

    public ChronicCareParameters {
        java.util.Objects.requireNonNull(policy, "policy");
        if (minAge < 0) {
            throw new IllegalArgumentException("minimum age must not be negative");
        }
    }

    public ChronicCareParameters withPolicy(MonitoringPolicy p) {
        return new ChronicCareParameters(p, minAge, drugTherapySystolicAbove);
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("chronicCare.policy", policy.name(),
                        "MONTHLY: every month from the first required month to E; ONCE_IN_PERIOD: the looser alternative",
                        true),
                new Parameter("chronicCare.minAge", Integer.toString(minAge), "Minimum age on the diagnosed visit",
                        false),
                new Parameter("chronicCare.drugTherapySystolicAbove", Integer.toString(drugTherapySystolicAbove),
                        "Hypertension: drug therapy required once a systolic above this was recorded", false));
    }
}
