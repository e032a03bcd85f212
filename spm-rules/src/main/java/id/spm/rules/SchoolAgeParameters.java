package id.spm.rules;

import java.util.List;

/**
 * Service 5, usia pendidikan dasar (digest §2.5, §9.5).
 *
 * @param minAgeOutsideSchool youngest age outside school
 * @param maxAgeOutsideSchool oldest age outside school
 * @param followUpDecides whether follow-up of findings decides counting [interpretation] (default no)
 */
public record SchoolAgeParameters(int minAgeOutsideSchool, int maxAgeOutsideSchool, boolean followUpDecides) {

    public static final SchoolAgeParameters DEFAULT = new SchoolAgeParameters(7, 15, false);

    public List<Parameter> describe() {
        return List.of(
                new Parameter("schoolAge.outsideSchoolAges", minAgeOutsideSchool + "-" + maxAgeOutsideSchool,
                        "Ages of children outside school who are recipients", false),
                new Parameter("schoolAge.followUpDecides", Boolean.toString(followUpDecides),
                        "Follow-up of findings decides counting (exports record it only where needed)", true));
    }
}
