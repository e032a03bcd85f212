package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.P1;
import static id.spm.rules.internal.rules.AdultFixtures.P2;
import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.assumptionCodes;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.person;
import static id.spm.rules.internal.rules.AdultFixtures.record;
import static id.spm.rules.internal.rules.AdultFixtures.withScreening;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Decision;
import id.spm.rules.Period;
import id.spm.rules.ScreeningParameters;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.rules.AdultFixtures.Scr;
import id.spm.rules.model.Person;
import id.spm.rules.model.Sex;

class ProductiveAgeRuleTest {

    private static final ProductiveAgeRule RULE = new ProductiveAgeRule();

    // Birth dates giving the age on a screening dated 2025-06-15.
    private static final String AGE_14 = "2010-06-16";
    private static final String AGE_15 = "2010-06-15";
    private static final String AGE_30 = "1995-01-01";
    private static final String AGE_39 = "1985-06-16";
    private static final String AGE_40 = "1985-06-15";
    private static final String AGE_41 = "1984-06-15";
    private static final String AGE_59 = "1965-06-16";
    private static final String AGE_60 = "1965-06-15";
    private static final String ON = "2025-06-15";

    private static final String GLUCOSE = "PRODUCTIVE_GLUCOSE_MISSING";

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, birth, sex, period, screenings, expected status (null: not a recipient), reason codes
                row("counted: all items at one screening", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        Status.COUNTED),
                row("two screenings, neither with waist or sight", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-02-01").without(ScreeningItem.WAIST, ScreeningItem.SIGHT),
                                Scr.on("2025-09-01").education(true)),
                        Status.NOT_COUNTED, "PRODUCTIVE_WAIST_MISSING", "PRODUCTIVE_SIGHT_MISSING"),
                row("counted: waist and sight at a later screening", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-02-01").without(ScreeningItem.WAIST, ScreeningItem.SIGHT),
                                waistAndSight("2025-09-01")),
                        Status.COUNTED),
                row("not recipient: no screening", AGE_30, Sex.MALE, Y2025, List.of(), null),
                row("not recipient: screened only the year before", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive("2024-12-31")), null),
                row("age 14 at the screening: not a recipient", AGE_14, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        null),
                row("age 15 at the screening: recipient", AGE_15, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        Status.COUNTED),
                row("age 59: recipient", AGE_59, Sex.MALE, Y2025, List.of(Scr.productive(ON).glucose("100").puma(2)),
                        Status.COUNTED),
                row("age 60: service 7, not 6", AGE_60, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).glucose("100").puma(2)), null),
                row("59 then 60 in the year: only the screening at 59 is read", AGE_60, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-06-14").glucose("100").puma(2).without(ScreeningItem.WAIST),
                                Scr.productive("2025-06-15").glucose("100").puma(2)),
                        Status.NOT_COUNTED, "PRODUCTIVE_WAIST_MISSING"),
                // Each item every recipient needs.
                row("weight missing", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).without(ScreeningItem.WEIGHT)),
                        Status.NOT_COUNTED, "PRODUCTIVE_WEIGHT_MISSING"),
                row("height missing", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).without(ScreeningItem.HEIGHT)),
                        Status.NOT_COUNTED, "PRODUCTIVE_HEIGHT_MISSING"),
                row("waist missing", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).without(ScreeningItem.WAIST)),
                        Status.NOT_COUNTED, "PRODUCTIVE_WAIST_MISSING"),
                row("systolic missing", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.SYSTOLIC)), Status.NOT_COUNTED,
                        "PRODUCTIVE_SYSTOLIC_MISSING"),
                row("diastolic missing", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.DIASTOLIC)), Status.NOT_COUNTED,
                        "PRODUCTIVE_DIASTOLIC_MISSING"),
                row("risky behaviour missing", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.RISKY_BEHAVIOUR)), Status.NOT_COUNTED,
                        "PRODUCTIVE_RISKY_BEHAVIOUR_MISSING"),
                row("mental health missing", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.MENTAL_HEALTH)), Status.NOT_COUNTED,
                        "PRODUCTIVE_MENTAL_HEALTH_MISSING"),
                row("sight missing", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).without(ScreeningItem.SIGHT)),
                        Status.NOT_COUNTED, "PRODUCTIVE_SIGHT_MISSING"),
                row("hearing missing", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.HEARING)), Status.NOT_COUNTED,
                        "PRODUCTIVE_HEARING_MISSING"),
                row("education blank", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.EDUCATION)), Status.NOT_COUNTED,
                        "PRODUCTIVE_EDUCATION_MISSING"),
                row("education no", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).education(false)),
                        Status.NOT_COUNTED, "PRODUCTIVE_EDUCATION_MISSING"),
                row("several items missing: each named", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).without(ScreeningItem.WEIGHT, ScreeningItem.HEARING,
                                ScreeningItem.EDUCATION)),
                        Status.NOT_COUNTED, "PRODUCTIVE_WEIGHT_MISSING", "PRODUCTIVE_HEARING_MISSING",
                        "PRODUCTIVE_EDUCATION_MISSING"),
                // Blood glucose: age 39/40.
                row("age 39, no trigger: glucose not required", AGE_39, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        Status.COUNTED),
                row("age 40: glucose required", AGE_40, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        Status.NOT_COUNTED, GLUCOSE),
                row("age 40 with glucose", AGE_40, Sex.MALE, Y2025, List.of(Scr.productive(ON).glucose("100")),
                        Status.COUNTED),
                row("aged 39 then 40: the latest screening's age decides", AGE_40, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-06-14"), Scr.on("2025-06-15").education(true)),
                        Status.NOT_COUNTED, GLUCOSE),
                // PUMA: age 40/41.
                row("age 40: PUMA not required", AGE_40, Sex.MALE, Y2025, List.of(Scr.productive(ON).glucose("90")),
                        Status.COUNTED),
                row("age 41: PUMA required", AGE_41, Sex.MALE, Y2025, List.of(Scr.productive(ON).glucose("90")),
                        Status.NOT_COUNTED, "PRODUCTIVE_PUMA_MISSING"),
                row("age 41 with PUMA", AGE_41, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).glucose("90").puma(3)), Status.COUNTED),
                // BMI 26.99 / 27 (exact, one screening's weight and height).
                row("BMI 26.99: glucose not required", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).weightHeight("107.96", "200")), Status.COUNTED),
                row("BMI 27.00: glucose required", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).weightHeight("108", "200")), Status.NOT_COUNTED, GLUCOSE),
                row("BMI 27 from two rows of one date", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).weightHeight("108", null), Scr.on(ON).weightHeight(null, "200")),
                        Status.NOT_COUNTED, GLUCOSE),
                row("weight and height of different screenings never make a BMI", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-03-01").weightHeight("108", "210"),
                                Scr.on("2025-04-01").weightHeight("60", "200")),
                        Status.COUNTED),
                // Blood pressure 139/140 and 89/90.
                row("systolic 139: glucose not required", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).bp(139, 80)), Status.COUNTED),
                row("systolic 140: glucose required", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).bp(140, 80)),
                        Status.NOT_COUNTED, GLUCOSE),
                row("diastolic 89: glucose not required", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).bp(120, 89)), Status.COUNTED),
                row("diastolic 90: glucose required", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).bp(120, 90)),
                        Status.NOT_COUNTED, GLUCOSE),
                row("family history of diabetes: glucose required", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive(ON).familyDm()), Status.NOT_COUNTED, GLUCOSE),
                // Tetanus status for women 15–39.
                row("woman 39 without tetanus status", AGE_39, Sex.FEMALE, Y2025, List.of(Scr.productive(ON)),
                        Status.NOT_COUNTED, "PRODUCTIVE_TETANUS_MISSING"),
                row("woman 15 without tetanus status", AGE_15, Sex.FEMALE, Y2025, List.of(Scr.productive(ON)),
                        Status.NOT_COUNTED, "PRODUCTIVE_TETANUS_MISSING"),
                row("woman 39 with tetanus status", AGE_39, Sex.FEMALE, Y2025,
                        List.of(Scr.productive(ON).tetanus("T3")), Status.COUNTED),
                row("woman 40: tetanus not required", AGE_40, Sex.FEMALE, Y2025,
                        List.of(Scr.productive(ON).glucose("95")), Status.COUNTED),
                row("man 30: tetanus not required", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON)),
                        Status.COUNTED),
                // Brides and grooms-to-be.
                row("catin without LILA", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).catin()),
                        Status.NOT_COUNTED, "PRODUCTIVE_LILA_MISSING"),
                row("catin with LILA", AGE_30, Sex.MALE, Y2025, List.of(Scr.productive(ON).catin().lila("26")),
                        Status.COUNTED),
                // Period ends: events after E are ignored.
                row("Q1: screening on 31 March counts", AGE_30, Sex.MALE, Q1, List.of(Scr.productive("2025-03-31")),
                        Status.COUNTED),
                row("Q1: screening on 1 April ignored", AGE_30, Sex.MALE, Q1, List.of(Scr.productive("2025-04-01")),
                        null),
                row("Q1: waist recorded after E does not help", AGE_30, Sex.MALE, Q1,
                        List.of(Scr.productive("2025-03-10").without(ScreeningItem.WAIST), waistAndSight("2025-04-02")),
                        Status.NOT_COUNTED, "PRODUCTIVE_WAIST_MISSING"),
                row("year: the same person is counted", AGE_30, Sex.MALE, Y2025,
                        List.of(Scr.productive("2025-03-10").without(ScreeningItem.WAIST), waistAndSight("2025-04-02")),
                        Status.COUNTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String birth, Sex sex, Period period, List<Scr> screenings, Status expected,
            List<String> reasons) {
        Decision d = decide(RULE, record(person(birth, sex), screenings.stream().map(Scr::build).toList()),
                ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.PRODUCTIVE_AGE);
        assertThat(d.subject()).isEmpty();
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.6"));
    }

    @Test
    void messagesNameTheItemAndWhyItWasRequired() {
        Decision d = decide(RULE, record(person(AGE_41, Sex.MALE), Scr.productive(ON).bp(150, 95).build()),
                ctx(Y2025));
        assertThat(d.reasons()).extracting(r -> r.message()).containsExactly(
                "blood glucose not recorded at the screening from 2025-01-01 to 2025-12-31; required from age 40 (aged 41 at the latest screening)",
                "PUMA (COPD) screening not recorded at the screening from 2025-01-01 to 2025-12-31; required from age 41 (aged 41 at the latest screening)");

        Decision bmi = decide(RULE,
                record(person(AGE_30, Sex.MALE), Scr.productive(ON).weightHeight("108", "200").build(),
                        Scr.productive("2025-07-01").build()),
                ctx(Y2025));
        assertThat(bmi.reasons()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo(
                "blood glucose not recorded at any of the 2 screenings from 2025-01-01 to 2025-12-31; required with BMI 27.00 on 2025-06-15 (108 kg, 200 cm; from 27)"));

        Decision bp = decide(RULE, record(person(AGE_30, Sex.MALE), Scr.productive(ON).bp(120, 90).build()),
                ctx(Y2025));
        assertThat(bp.reasons().get(0).message()).endsWith("required with blood pressure 120/90 on 2025-06-15 (from 140/90)");
    }

    @Test
    void sexUnknownSkipsTheWomenOnlyItemsAndSaysSo() {
        Decision d = decide(RULE, record(person(AGE_30, null), Scr.productive(ON).build()), ctx(Y2025));
        assertThat(d.status()).isEqualTo(Status.COUNTED);
        assertThat(assumptionCodes(d)).containsExactly(ProductiveAgeRule.SEX_UNKNOWN);

        Decision older = decide(RULE, record(person("1970-01-01", null), Scr.productive(ON).glucose("90").puma(0)
                .build()), ctx(Y2025));
        assertThat(older.assumptions()).isEmpty();
    }

    @Test
    void ivaIsReportedNotDecidingByDefault() {
        Person woman35 = person("1990-01-01", Sex.FEMALE);
        Decision d = decide(RULE, record(woman35, Scr.productive(ON).tetanus("T5").build()), ctx(Y2025));
        assertThat(d.status()).isEqualTo(Status.COUNTED);
        assertThat(d.assumptions()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(ProductiveAgeRule.IVA_REPORTED);
            assertThat(a.message()).startsWith("IVA/SADANIS not recorded for a woman aged 35");
        });

        Decision withIva = decide(RULE, record(woman35, Scr.productive(ON).tetanus("T5").iva("Negatif").build()), ctx(Y2025));
        assertThat(withIva.assumptions()).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("IVA/SADANIS recorded"));

        Decision man = decide(RULE, record(person("1990-01-01", Sex.MALE), Scr.productive(ON).build()), ctx(Y2025));
        assertThat(man.assumptions()).isEmpty();
    }

    @Test
    void ivaDecidesWhenSwitchedOn() {
        Context on = ctx(Y2025, withScreening(ScreeningParameters.DEFAULT.withIvaDecides(true)));
        Person woman35 = person("1990-01-01", Sex.FEMALE);
        Decision missing = decide(RULE, record(woman35, Scr.productive(ON).tetanus("T5").build()), on);
        assertThat(missing.status()).isEqualTo(Status.NOT_COUNTED);
        assertThat(codes(missing)).containsExactly("PRODUCTIVE_IVA_SADANIS_MISSING");
        assertThat(missing.assumptions()).isEmpty();

        Decision done = decide(RULE, record(woman35, Scr.productive(ON).tetanus("T5").iva("Negatif").build()), on);
        assertThat(done.status()).isEqualTo(Status.COUNTED);

        Decision woman51 = decide(RULE,
                record(person("1974-01-01", Sex.FEMALE), Scr.productive(ON).glucose("90").puma(1).build()), on);
        assertThat(woman51.status()).isEqualTo(Status.COUNTED);
    }

    @Test
    void attributedToTheLatestScreeningByEndTiesToTheSmallestCode() {
        Person p = person(AGE_30, Sex.MALE);
        Decision d = decide(RULE,
                record(p, Scr.productive("2025-02-01").at(P1).build(), Scr.on("2025-03-05").at(P2).build(),
                        Scr.on("2025-05-01").at(P1).build()),
                ctx(Q1));
        assertThat(d.puskesmas()).isEqualTo(P2);

        Decision tie = decide(RULE,
                record(p, Scr.productive("2025-03-05").at(P2).build(), Scr.on("2025-03-05").at(P1).build()),
                ctx(Q1));
        assertThat(tie.puskesmas()).isEqualTo(P1);
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningItem.class, names = { "WEIGHT", "HEIGHT", "WAIST", "SYSTOLIC", "DIASTOLIC",
            "RISKY_BEHAVIOUR", "MENTAL_HEALTH", "SIGHT", "HEARING", "EDUCATION" })
    void everyAlwaysRequiredItemHasItsReason(ScreeningItem item) {
        Decision d = decide(RULE, record(person(AGE_30, Sex.MALE), Scr.productive(ON).without(item).build()),
                ctx(Y2025));
        assertThat(codes(d)).containsExactly("PRODUCTIVE_" + item.name() + "_MISSING");
        assertThat(d.reasons().get(0).message()).contains(item == ScreeningItem.EDUCATION ? "education" : item.label);
    }

    @Test
    void bmiIsExact() {
        java.math.BigDecimal t = new java.math.BigDecimal("27");
        assertThat(ProductiveAgeRule.bmiAtLeast(new java.math.BigDecimal("78.03"), new java.math.BigDecimal("170"), t))
                .isTrue();
        assertThat(ProductiveAgeRule.bmiAtLeast(new java.math.BigDecimal("78.0299"), new java.math.BigDecimal("170"),
                t)).isFalse();
        assertThat(ProductiveAgeRule.bmiAtLeast(new java.math.BigDecimal("80"), java.math.BigDecimal.ZERO, t))
                .isFalse();
    }

    private static Scr waistAndSight(String date) {
        Scr s = Scr.on(date);
        s.waist = new java.math.BigDecimal("82");
        s.sight = "Normal";
        return s;
    }

    private static Arguments row(String name, String birth, Sex sex, Period period, List<Scr> screenings,
            Status expected, String... reasons) {
        return Arguments.of(name, birth, sex, period, screenings, expected, List.of(reasons));
    }
}
