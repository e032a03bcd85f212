package id.spm.rules.area;

import static id.spm.rules.AggregateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.model.PuskesmasInfo;

class AreaHierarchyTest {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource({
            "73, 73, PROVINCE",
            "7318, 73.18, DISTRICT",
            "73.18, 73.18, DISTRICT",
            "731801, 73.18.01, KECAMATAN",
            "' 73.18.01 ', 73.18.01, KECAMATAN",
            "P7318010101, P7318010101, PUSKESMAS",
            "p7318010101, P7318010101, PUSKESMAS" })
    void normalizesCodesAndNamesTheirLevel(String raw, String normalized, AreaLevel level) {
        assertThat(AreaCodes.normalize(raw)).isEqualTo(normalized);
        assertThat(AreaCodes.levelOf(normalized)).isEqualTo(level);
    }

    @Test
    void desaCodeIsNormalizedButIsNoLevel() {
        assertThat(AreaCodes.normalize("7318012001")).isEqualTo("73.18.01.2001");
        assertThatThrownBy(() -> AreaCodes.levelOf("73.18.01.2001")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({ "731", "P123", "abc", "73.1", "7.318", "73.18.1", "73..18", "731.8", "P73180101011", "X7318010101" })
    void rejectsCodesThatAreNeither(String raw) {
        assertThatThrownBy(() -> AreaCodes.normalize(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> parents() {
        return Stream.of(
                Arguments.of(P01A, KEC_01, List.of(KEC_01, DISTRICT, PROVINCE)),
                Arguments.of(KEC_02, DISTRICT, List.of(DISTRICT, PROVINCE)),
                Arguments.of(OTHER_DISTRICT, PROVINCE, List.of(PROVINCE)),
                Arguments.of(PROVINCE, null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parents")
    void derivesKecamatanDistrictAndProvinceFromThePuskesmas(String area, String parent, List<String> ancestors) {
        assertThat(HIERARCHY.parent(area)).isEqualTo(parent);
        assertThat(HIERARCHY.ancestors(area)).isEqualTo(ancestors);
    }

    static Stream<Arguments> children() {
        return Stream.of(
                Arguments.of(PROVINCE, List.of(OTHER_DISTRICT, DISTRICT), List.of(P05A, P01A, P01B, P02A, P02B)),
                Arguments.of(DISTRICT, List.of(KEC_01, KEC_02), List.of(P01A, P01B, P02A, P02B)),
                Arguments.of(KEC_02, List.of(P02A, P02B), List.of(P02A, P02B)),
                Arguments.of(P05A, List.of(), List.of(P05A)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("children")
    void listsChildrenAndPuskesmasInCodeOrder(String area, List<String> kids, List<String> puskesmas) {
        assertThat(HIERARCHY.children(area)).isEqualTo(kids);
        assertThat(HIERARCHY.puskesmasUnder(area)).isEqualTo(puskesmas);
    }

    @Test
    void holdsOnlyAreasWithARegisteredPuskesmas() {
        assertThat(HIERARCHY.contains("73.18.03")).isFalse();
        assertThat(HIERARCHY.contains("73.19")).isFalse();
        assertThatThrownBy(() -> HIERARCHY.children("73.18.03")).hasMessageContaining("no registered Puskesmas");
        assertThat(HIERARCHY.topDown()).startsWith(PROVINCE, OTHER_DISTRICT, KEC_05, P05A, DISTRICT).hasSize(11);
        assertThat(HIERARCHY.bottomUp()).endsWith(PROVINCE);
    }

    @Test
    void refusesAPuskesmasRegisteredTwice() {
        PuskesmasInfo p = new PuskesmasInfo(P01A, "x", KEC_01, Set.of(), null);
        assertThatThrownBy(() -> AreaHierarchy.of(List.of(p, p))).hasMessageContaining("registered twice");
    }
}
