package id.spm.rules.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.rules.SpmService;

class GoodsStandardsTest {

    @ParameterizedTest(name = "{0} {1} for {2} recipients: {3}")
    @CsvSource({
            "ANTENATAL, Tablet tambah darah, 10, 1800", // 180 × pregnant women
            "ANTENATAL, Vaksin Td, 11, 9", // 80 % of 11 = 8.8, a whole dose up
            "ANTENATAL, Tes protein urin, 20, 3", // 15 %
            "ANTENATAL, Gel USG, 31, 3", // 1 per 15: 2.07 → 3
            "ANTENATAL, Gel USG, 30, 2",
            "NEWBORN, Vaksin HB0, 7, 7",
            "NEWBORN, Vitamin K1 injeksi, 7, 7",
            "NEWBORN, Salep mata, 7, 7",
            "NEWBORN, Formulir MTBM, 7, 21", // 3 × newborns
            "SCHOOL_AGE, Tablet tambah darah, 3, 156", // 52 × girls in grades 7–9
            "ANTENATAL, Tablet tambah darah, 0, 0" })
    void needFollowsTheDigestStandards(SpmService service, String item, long recipients, long need) {
        GoodsStandard g = GoodsStandards.forService(service).stream().filter(s -> s.item().equals(item)).findFirst()
                .orElseThrow();
        assertThat(g.need(recipients)).isEqualByComparingTo(Long.toString(need));
    }

    @Test
    void tableHoldsEveryStandardTheDigestGives() {
        assertThat(GoodsStandards.TABLE).hasSize(9);
        assertThat(GoodsStandards.forService(SpmService.ANTENATAL)).hasSize(4)
                .allMatch(g -> g.base() == RecipientBase.PREGNANT_WOMEN);
        assertThat(GoodsStandards.forService(SpmService.SCHOOL_AGE)).singleElement()
                .satisfies(g -> assertThat(g.describe()).isEqualTo("52 tablet per remaja putri kelas 7–9"));
        assertThat(GoodsStandards.forService(SpmService.HIV_RISK)).isEmpty();
    }
}
