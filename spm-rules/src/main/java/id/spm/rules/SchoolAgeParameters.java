package id.spm.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import id.spm.rules.model.BiasAntigen;

/**
 * Service 5, usia pendidikan dasar (digest §2.5, §9.5). The window is the school year
 * [1 Jun Y−1, 31 May Y] up to E ({@link Period#schoolYearStart()}, {@link Period#schoolYearEnd()}).
 *
 * @param minGrade lowest grade of a recipient in school
 * @param maxGrade highest grade of a recipient in school
 * @param minAgeOutsideSchool youngest age (completed years at the latest record) outside school
 * @param maxAgeOutsideSchool oldest age outside school
 * @param anaemiaGrade girls in this grade also need an anaemia (Hb) screening
 * @param anaemiaAgeOutsideSchool girls of this age outside school also need an anaemia screening
 * @param biasByGrade BIAS antigens required, by grade (grades not listed need none)
 * @param biasByAge BIAS antigens required outside school, by age (ages not listed need none)
 * @param followUpDecides whether follow-up of findings decides counting [interpretation] (default no)
 */
public record SchoolAgeParameters(int minGrade, int maxGrade, int minAgeOutsideSchool, int maxAgeOutsideSchool,
        int anaemiaGrade, int anaemiaAgeOutsideSchool, Map<Integer, Set<BiasAntigen>> biasByGrade,
        Map<Integer, Set<BiasAntigen>> biasByAge, boolean followUpDecides) {

    /**
     * §9.5: grades 1–9, ages 7–15 outside school; anaemia for girls in grade 7 or aged 12; BIAS grade 1
     * (age 7) MR and DT, grade 2 (age 8) Td, grade 5 (age 11) Td; follow-up reported, not deciding.
     */
    public static final SchoolAgeParameters DEFAULT = new SchoolAgeParameters(1, 9, 7, 15, 7, 12,
            Map.of(1, Set.of(BiasAntigen.MR, BiasAntigen.DT), 2, Set.of(BiasAntigen.TD), 5, Set.of(BiasAntigen.TD)),
            Map.of(7, Set.of(BiasAntigen.MR, BiasAntigen.DT), 8, Set.of(BiasAntigen.TD), 11,
                    Set.of(BiasAntigen.TD)),
            false);

    public SchoolAgeParameters {
        if (minGrade < 1 || maxGrade < minGrade) {
            throw new IllegalArgumentException("grades " + minGrade + "-" + maxGrade + " are not a range from 1");
        }
        if (minAgeOutsideSchool < 0 || maxAgeOutsideSchool < minAgeOutsideSchool) {
            throw new IllegalArgumentException(
                    "ages " + minAgeOutsideSchool + "-" + maxAgeOutsideSchool + " are not a range");
        }
        biasByGrade = copy(biasByGrade, "biasByGrade");
        biasByAge = copy(biasByAge, "biasByAge");
    }

    /** BIAS antigens required in a grade; empty when none. */
    public Set<BiasAntigen> biasForGrade(int grade) {
        return biasByGrade.getOrDefault(grade, Set.of());
    }

    /** BIAS antigens required outside school at an age; empty when none. */
    public Set<BiasAntigen> biasForAge(int age) {
        return biasByAge.getOrDefault(age, Set.of());
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("schoolAge.grades", minGrade + "-" + maxGrade,
                        "Grades of children in school who are recipients (the latest graded record decides)", false),
                new Parameter("schoolAge.outsideSchoolAges", minAgeOutsideSchool + "-" + maxAgeOutsideSchool,
                        "Ages of children outside school who are recipients (age at the latest record in the window)",
                        false),
                new Parameter("schoolAge.anaemia", "grade " + anaemiaGrade + " / age " + anaemiaAgeOutsideSchool,
                        "Girls in this grade, or of this age outside school, also need an anaemia screening", false),
                new Parameter("schoolAge.biasByGrade", render(biasByGrade),
                        "BIAS antigens required in the school year, by grade", false),
                new Parameter("schoolAge.biasByAge", render(biasByAge),
                        "BIAS antigens required in the school year outside school, by age", false),
                new Parameter("schoolAge.followUpDecides", Boolean.toString(followUpDecides),
                        "Follow-up of findings decides counting (exports record it only where needed)", true));
    }

    private static Map<Integer, Set<BiasAntigen>> copy(Map<Integer, Set<BiasAntigen>> m, String name) {
        Objects.requireNonNull(m, name);
        for (Map.Entry<Integer, Set<BiasAntigen>> e : m.entrySet()) {
            Objects.requireNonNull(e.getKey(), name + " key");
            Objects.requireNonNull(e.getValue(), name + " value");
        }
        Map<Integer, Set<BiasAntigen>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return Map.copyOf(out);
    }

    /** {@code 1:DT+MR; 2:TD; 5:TD}, in a stable order. */
    private static String render(Map<Integer, Set<BiasAntigen>> m) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(m).forEach((k, v) -> {
            StringBuilder b = new StringBuilder().append(k).append(':');
            String sep = "";
            for (BiasAntigen a : BiasAntigen.values()) {
                if (v.contains(a)) {
                    b.append(sep).append(a.name());
                    sep = "+";
                }
            }
            parts.add(b.toString());
        });
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }
}
