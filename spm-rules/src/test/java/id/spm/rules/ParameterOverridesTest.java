package id.spm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterOverridesTest {

    private static final RuleSet BASE = RuleSets.PMK_6_2024;

    /** Every published parameter but the fixed ones takes its own rendered value back unchanged. */
    @Test
    void everyPublishedParameterRoundTrips() {
        for (Parameter p : BASE.parameters()) {
            if (ParameterOverrides.FIXED.contains(p.name())) {
                continue;
            }
            RuleSet same = ParameterOverrides.apply(BASE, Map.of(p.name(), p.value()));
            assertThat(same.parameters()).as(p.name()).isEqualTo(BASE.parameters());
        }
    }

    @Test
    void anOverrideChangesThatParameterOnly() {
        RuleSet rs = ParameterOverrides.apply(BASE, Map.of("screening.ivaDecides", "true", "index.categories",
                "BANDS-10", "antenatal.minVisits", "1-1-3"));
        assertThat(rs.screening().ivaDecides()).isTrue();
        assertThat(rs.index().categories()).isEqualTo(CategoryScheme.BANDS_10);
        assertThat(rs.antenatal().minVisitsT2()).isEqualTo(1);
        assertThat(ParameterOverrides.differences(BASE, rs)).containsOnlyKeys("screening.ivaDecides",
                "index.categories", "antenatal.minVisits");
        assertThat(ParameterOverrides.differences(BASE, rs).get("screening.ivaDecides")).containsExactly("false",
                "true");
    }

    @Test
    void errorsNameTheParameter() {
        Map<String, String> cases = new HashMap<>();
        cases.put("screening.ivaDecide", "true");
        cases.put("screening.ivaDecides", "yes");
        cases.put("index.categories", "BANDS-7");
        cases.put("antenatal.minVisits", "1-2");
        cases.put("index.weights", "mutu 0.5, penerima 0.6");
        cases.put("newborn.kn2Days", "7-3");
        cases.put("balita.windows", "x");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            assertThatThrownBy(() -> ParameterOverrides.apply(BASE, Map.of(e.getKey(), e.getValue())))
                    .isInstanceOfSatisfying(ParameterOverrides.InvalidOverride.class,
                            x -> assertThat(x.parameter()).isEqualTo(e.getKey()));
        }
        assertThat(List.copyOf(ParameterOverrides.FIXED)).allSatisfy(
                n -> assertThat(BASE.parameters().stream().map(Parameter::name)).contains(n));
    }
}
