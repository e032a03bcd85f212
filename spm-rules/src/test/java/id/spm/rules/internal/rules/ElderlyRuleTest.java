package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.AdultFixtures.P1;
import static id.spm.rules.internal.rules.AdultFixtures.P2;
import static id.spm.rules.internal.rules.AdultFixtures.Q1;
import static id.spm.rules.internal.rules.AdultFixtures.Q2;
import static id.spm.rules.internal.rules.AdultFixtures.Y2025;
import static id.spm.rules.internal.rules.AdultFixtures.codes;
import static id.spm.rules.internal.rules.AdultFixtures.ctx;
import static id.spm.rules.internal.rules.AdultFixtures.d;
import static id.spm.rules.internal.rules.AdultFixtures.decide;
import static id.spm.rules.internal.rules.AdultFixtures.person;
import static id.spm.rules.internal.rules.AdultFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.BarthelBand;
import id.spm.rules.Decision;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.rules.AdultFixtures.Scr;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Sex;

class ElderlyRuleTest {

    private static final ElderlyRule RULE = new ElderlyRule();
    private static final ProductiveAgeRule PRODUCTIVE = new ProductiveAgeRule();

    private static final String AGE_59 = "1965-06-16"; // on 2025-06-15
    private static final String AGE_60 = "1965-06-15";
    private static final String AGE_75 = "1950-01-01";
    private static final String ON = "2025-06-15";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("counted: every item at one screening", AGE_75, Y2025, List.of(Scr.elderly(ON)), Status.COUNTED),
                row("counted: items over two screenings", AGE_75, Y2025,
                        List.of(Scr.elderly("2025-02-01").without(ScreeningItem.CHOLESTEROL, ScreeningItem.ADL_BARTHEL),
                                Scr.on("2025-08-01").adl(15)
                                        .cholesterol("200")),
                        Status.COUNTED),
                row("not recipient: no screening", AGE_75, Y2025, List.of(), null),
                row("age 59: not a recipient", AGE_59, Y2025, List.of(Scr.elderly(ON)), null),
                row("age 60: recipient", AGE_60, Y2025, List.of(Scr.elderly(ON)), Status.COUNTED),
                row("59 then 60: only the screening at 60 is read", AGE_60, Y2025,
                        List.of(Scr.elderly("2025-06-14"), Scr.elderly("2025-06-15").without(ScreeningItem.SKILAS)),
                        Status.NOT_COUNTED, "ELDERLY_SKILAS_MISSING"),
                row("weight missing", AGE_75, Y2025, missing(ScreeningItem.WEIGHT), Status.NOT_COUNTED,
                        "ELDERLY_WEIGHT_MISSING"),
                row("height missing", AGE_75, Y2025, missing(ScreeningItem.HEIGHT), Status.NOT_COUNTED,
                        "ELDERLY_HEIGHT_MISSING"),
                row("waist missing", AGE_75, Y2025, missing(ScreeningItem.WAIST), Status.NOT_COUNTED,
                        "ELDERLY_WAIST_MISSING"),
                row("LILA missing", AGE_75, Y2025, missing(ScreeningItem.LILA), Status.NOT_COUNTED,
                        "ELDERLY_LILA_MISSING"),
                row("systolic missing", AGE_75, Y2025, missing(ScreeningItem.SYSTOLIC), Status.NOT_COUNTED,
                        "ELDERLY_SYSTOLIC_MISSING"),
                row("diastolic missing", AGE_75, Y2025, missing(ScreeningItem.DIASTOLIC), Status.NOT_COUNTED,
                        "ELDERLY_DIASTOLIC_MISSING"),
                row("glucose missing", AGE_75, Y2025, missing(ScreeningItem.GLUCOSE), Status.NOT_COUNTED,
                        "ELDERLY_GLUCOSE_MISSING"),
                row("cholesterol missing", AGE_75, Y2025, missing(ScreeningItem.CHOLESTEROL), Status.NOT_COUNTED,
                        "ELDERLY_CHOLESTEROL_MISSING"),
                row("SKILAS missing", AGE_75, Y2025, missing(ScreeningItem.SKILAS), Status.NOT_COUNTED,
                        "ELDERLY_SKILAS_MISSING"),
                row("ADL Barthel missing", AGE_75, Y2025, missing(ScreeningItem.ADL_BARTHEL), Status.NOT_COUNTED,
                        "ELDERLY_ADL_BARTHEL_MISSING"),
                row("risky behaviour missing", AGE_75, Y2025, missing(ScreeningItem.RISKY_BEHAVIOUR),
                        Status.NOT_COUNTED, "ELDERLY_RISKY_BEHAVIOUR_MISSING"),
                row("education blank", AGE_75, Y2025, missing(ScreeningItem.EDUCATION), Status.NOT_COUNTED,
                        "ELDERLY_EDUCATION_MISSING"),
                row("education no", AGE_75, Y2025, List.of(Scr.elderly(ON).education(false)), Status.NOT_COUNTED,
                        "ELDERLY_EDUCATION_MISSING"),
                row("items service 6 needs are not required at 60+", AGE_75, Y2025,
                        List.of(Scr.elderly(ON).without(ScreeningItem.SIGHT, ScreeningItem.HEARING,
                                ScreeningItem.MENTAL_HEALTH, ScreeningItem.PUMA)),
                        Status.COUNTED),
                row("several missing, each named", AGE_75, Y2025,
                        List.of(Scr.elderly(ON).without(ScreeningItem.LILA, ScreeningItem.CHOLESTEROL,
                                ScreeningItem.ADL_BARTHEL)),
                        Status.NOT_COUNTED, "ELDERLY_LILA_MISSING", "ELDERLY_CHOLESTEROL_MISSING",
                        "ELDERLY_ADL_BARTHEL_MISSING"),
                row("Q1: screening on 31 March counts", AGE_75, Q1, List.of(Scr.elderly("2025-03-31")),
                        Status.COUNTED),
                row("Q1: screening on 1 April ignored", AGE_75, Q1, List.of(Scr.elderly("2025-04-01")), null),
                row("Q1: cholesterol after E does not help", AGE_75, Q1,
                        List.of(Scr.elderly("2025-03-01").without(ScreeningItem.CHOLESTEROL),
                                Scr.on("2025-04-01").cholesterol("180")),
                        Status.NOT_COUNTED, "ELDERLY_CHOLESTEROL_MISSING"),
                row("Q2: the same person is counted", AGE_75, Q2,
                        List.of(Scr.elderly("2025-03-01").without(ScreeningItem.CHOLESTEROL),
                                Scr.on("2025-04-01").cholesterol("180")),
                        Status.COUNTED),
                row("screening of the previous year ignored", AGE_75, Y2025, List.of(Scr.elderly("2024-12-31")),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, String birth, Period period, List<Scr> screenings, Status expected,
            List<String> reasons) {
        Decision d = decide(RULE, record(person(birth, Sex.FEMALE), screenings.stream().map(Scr::build).toList()),
                ctx(period));
        if (expected == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.status()).isEqualTo(expected);
        assertThat(d.service()).isEqualTo(SpmService.ELDERLY);
        assertThat(codes(d)).containsExactlyElementsOf(reasons);
        assertThat(d.assumptions()).isEmpty();
        d.reasons().forEach(r -> assertThat(r.clause()).isEqualTo("PMK-6-2024 §9.7"));
    }

    @Test
    void aPersonTurning60IsARecipientOfBothServicesEachOnItsOwnScreenings() {
        PersonRecord p = record(person(AGE_60, Sex.MALE),
                Scr.productive("2025-03-01").glucose("100").puma(1).at(P1).build(),
                Scr.elderly("2025-09-01").at(P2).build());
        Decision six = decide(PRODUCTIVE, p, ctx(Y2025));
        Decision seven = decide(RULE, p, ctx(Y2025));
        assertThat(six.status()).isEqualTo(Status.COUNTED);
        assertThat(seven.status()).isEqualTo(Status.COUNTED);
        // Attribution follows the layout's latest record by E, for both services (§9 General).
        assertThat(six.puskesmas()).isEqualTo(P2);
        assertThat(seven.puskesmas()).isEqualTo(P2);
        // In Q1 the person was 59 only: service 7 has no recipient yet.
        assertThat(decide(RULE, p, ctx(Q1))).isNull();
        assertThat(decide(PRODUCTIVE, p, ctx(Q1)).puskesmas()).isEqualTo(P1);
    }

    @Test
    void messageNamesTheItem() {
        Decision d = decide(RULE, record(person(AGE_75, Sex.MALE), missing(ScreeningItem.LILA).get(0).build()),
                ctx(Q2));
        assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.message())
                .isEqualTo("upper-arm circumference (LILA) not recorded at the screening from 2025-01-01 to 2025-06-30"));
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({ "20, INDEPENDENT", "19, MILD", "12, MILD", "11, MODERATE", "9, MODERATE", "8, SEVERE", "5, SEVERE",
            "4, TOTAL", "0, TOTAL" })
    void barthelBands(int score, BarthelBand band) {
        assertThat(BarthelBand.of(score)).isEqualTo(band);
        assertThat(score).isBetween(band.min(), band.max());
    }

    @Test
    void barthelOutOfRangeAndLatest() {
        assertThatThrownBy(() -> BarthelBand.of(21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarthelBand.of(-1)).isInstanceOf(IllegalArgumentException.class);
        List<id.spm.rules.model.Screening> s = List.of(Scr.elderly("2025-02-01").adl(20).build(),
                Scr.elderly("2025-05-01").adl(10).build(), Scr.elderly("2025-05-01").adl(14).build(),
                Scr.elderly("2025-08-01").adl(3).build());
        assertThat(BarthelBand.latest(s, d("2025-06-30"))).isEqualTo(BarthelBand.MODERATE);
        assertThat(BarthelBand.latest(s, d("2025-03-31"))).isEqualTo(BarthelBand.INDEPENDENT);
        assertThat(BarthelBand.latest(s, d("2025-12-31"))).isEqualTo(BarthelBand.TOTAL);
        assertThat(BarthelBand.latest(s, d("2025-01-31"))).isNull();
    }

    private static List<Scr> missing(ScreeningItem item) {
        return List.of(Scr.elderly(ON).without(item));
    }

    private static Arguments row(String name, String birth, Period period, List<Scr> screenings, Status expected,
            String... reasons) {
        return Arguments.of(name, birth, period, screenings, expected, List.of(reasons));
    }
}
