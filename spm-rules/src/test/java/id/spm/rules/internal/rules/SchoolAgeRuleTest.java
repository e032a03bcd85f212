package id.spm.rules.internal.rules;

import static id.spm.rules.internal.rules.ChildFixtures.PKM;
import static id.spm.rules.internal.rules.ChildFixtures.PKM_OTHER;
import static id.spm.rules.internal.rules.ChildFixtures.bias;
import static id.spm.rules.internal.rules.ChildFixtures.child;
import static id.spm.rules.internal.rules.ChildFixtures.d;
import static id.spm.rules.internal.rules.ChildFixtures.screening;
import static id.spm.rules.internal.rules.ChildFixtures.screeningOutside;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Parameter;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SchoolAgeParameters;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.internal.Context;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.Sex;

class SchoolAgeRuleTest {

    private static final SchoolAgeRule RULE = new SchoolAgeRule();
    /** Report year 2025: the school year [2024-06-01, 2025-05-31]. */
    private static final Period YEAR = Period.ofYear(2025);
    private static final LocalDate BORN = d("2016-03-10");

    private static List<Decision> decide(ChildFixtures.Child c, Period p) {
        return RULE.decide(c.record(), new Context(p, RuleSets.PMK_6_2024));
    }

    /** Born so as to be {@code age} completed years old on {@code date}. */
    private static LocalDate bornAged(int age, String date) {
        return d(date).minusYears(age).minusMonths(1);
    }

    private static ChildFixtures.Child pupil(Sex sex) {
        return child(BORN, sex);
    }

    private static ChildFixtures.Child pupil() {
        return pupil(Sex.MALE);
    }

    static Stream<Arguments> inSchool() {
        return Stream.of(
                Arguments.of("grade 3, full screening", pupil().exam(screening("2024-08-10", 3)), List.of()),
                Arguments.of("no status gizi", pupil().exam(screening("2024-08-10", 3).set(e -> e.nutrition = null)),
                        List.of("SCHOOL_NUTRITION")),
                Arguments.of("no tanda vital",
                        pupil().exam(screening("2024-08-10", 3).set(e -> e.vitalSigns = null)),
                        List.of("SCHOOL_VITAL_SIGNS")),
                Arguments.of("no gigi dan mulut",
                        pupil().exam(screening("2024-08-10", 3).set(e -> e.oralDental = null)),
                        List.of("SCHOOL_ORAL_DENTAL")),
                Arguments.of("no penglihatan", pupil().exam(screening("2024-08-10", 3).set(e -> e.sight = null)),
                        List.of("SCHOOL_SIGHT")),
                Arguments.of("no pendengaran", pupil().exam(screening("2024-08-10", 3).set(e -> e.hearing = null)),
                        List.of("SCHOOL_HEARING")),
                Arguments.of("every item missing but a BIAS record",
                        pupil().exam(bias("2024-08-10", 3, BiasAntigen.MR).set(e -> e.followUp = "Rujuk")),
                        List.of("SCHOOL_NUTRITION", "SCHOOL_VITAL_SIGNS", "SCHOOL_ORAL_DENTAL", "SCHOOL_SIGHT",
                                "SCHOOL_HEARING")),
                Arguments.of("items over two examinations",
                        pupil().exam(screening("2024-08-10", 3).set(e -> {
                            e.sight = null;
                            e.hearing = null;
                        })).exam(screening("2025-02-10", 3).set(e -> {
                            e.nutrition = null;
                            e.vitalSigns = null;
                            e.oralDental = null;
                        })),
                        List.of()),
                Arguments.of("an item recorded only on 1 June of the next school year",
                        pupil().exam(screening("2024-08-10", 3).set(e -> e.sight = null))
                                .exam(screening("2025-06-01", 4)),
                        List.of("SCHOOL_SIGHT")),
                Arguments.of("grade 1 with MR and DT",
                        pupil().exam(screening("2024-08-10", 1)).exam(bias("2024-08-20", 1, BiasAntigen.MR))
                                .exam(bias("2024-11-12", 1, BiasAntigen.DT)),
                        List.of()),
                Arguments.of("grade 1 without DT",
                        pupil().exam(screening("2024-08-10", 1)).exam(bias("2024-08-20", 1, BiasAntigen.MR)),
                        List.of("SCHOOL_BIAS")),
                Arguments.of("grade 1 with MR and DT on one record each, same date",
                        pupil().exam(screening("2024-08-10", 1).set(e -> e.bias = BiasAntigen.MR))
                                .exam(bias("2024-08-10", 1, BiasAntigen.DT)),
                        List.of()),
                Arguments.of("grade 2 with Td",
                        pupil().exam(screening("2024-08-10", 2)).exam(bias("2024-11-12", 2, BiasAntigen.TD)),
                        List.of()),
                Arguments.of("grade 2 without Td", pupil().exam(screening("2024-08-10", 2)), List.of("SCHOOL_BIAS")),
                Arguments.of("grade 2, Td of the previous school year",
                        pupil().exam(screening("2024-08-10", 2)).exam(bias("2024-05-31", 1, BiasAntigen.TD)),
                        List.of("SCHOOL_BIAS")),
                Arguments.of("grade 5 without Td", pupil().exam(screening("2024-08-10", 5)), List.of("SCHOOL_BIAS")),
                Arguments.of("grade 5 with DT instead of Td",
                        pupil().exam(screening("2024-08-10", 5)).exam(bias("2024-11-12", 5, BiasAntigen.DT)),
                        List.of("SCHOOL_BIAS")),
                Arguments.of("girl in grade 7 without anaemia", pupil(Sex.FEMALE).exam(screening("2024-08-10", 7)),
                        List.of("SCHOOL_ANAEMIA")),
                Arguments.of("girl in grade 7 with anaemia",
                        pupil(Sex.FEMALE).exam(screening("2024-08-10", 7).set(e -> e.anaemia = "Hb 12,1")), List.of()),
                Arguments.of("boy in grade 7 without anaemia", pupil(Sex.MALE).exam(screening("2024-08-10", 7)),
                        List.of()),
                Arguments.of("girl in grade 8 without anaemia", pupil(Sex.FEMALE).exam(screening("2024-08-10", 8)),
                        List.of()),
                Arguments.of("exam on 31 May, the last day", pupil().exam(screening("2025-05-31", 3)), List.of()),
                Arguments.of("exam on 1 June, the first day", pupil().exam(screening("2024-06-01", 3)), List.of()),
                Arguments.of("grade 9", pupil().exam(screening("2024-08-10", 9)), List.of()),
                Arguments.of("the latest graded record decides: grade 10, then 9",
                        pupil().exam(screening("2024-07-10", 10)).exam(screening("2024-08-10", 9)), List.of()),
                Arguments.of("a graded record decides over an outside-school record",
                        child(bornAged(16, "2025-01-10")).exam(screening("2024-08-10", 9))
                                .exam(screeningOutside("2025-01-10")),
                        List.of()),
                Arguments.of("every missing item is a reason",
                        pupil(Sex.FEMALE).exam(screening("2024-08-10", 7).set(e -> {
                            e.vitalSigns = null;
                            e.hearing = null;
                        })).exam(bias("2025-03-01", 7, BiasAntigen.TD)),
                        List.of("SCHOOL_VITAL_SIGNS", "SCHOOL_HEARING", "SCHOOL_ANAEMIA")));
    }

    @ParameterizedTest(name = "in school: {0}")
    @MethodSource("inSchool")
    void inSchool(String name, ChildFixtures.Child child, List<String> codes) {
        assertJudged(decide(child, YEAR), codes);
    }

    static Stream<Arguments> outsideSchool() {
        return Stream.of(
                Arguments.of("age 7 with MR and DT",
                        child(bornAged(7, "2024-09-01")).exam(screeningOutside("2024-09-01").set(e -> e.bias = BiasAntigen.MR))
                                .exam(bias("2024-08-20", null, BiasAntigen.DT)),
                        List.of()),
                Arguments.of("age 7 without MR", child(bornAged(7, "2024-09-01")).exam(screeningOutside("2024-09-01"))
                        .exam(bias("2024-08-20", null, BiasAntigen.DT)), List.of("SCHOOL_BIAS")),
                Arguments.of("age 8 without Td", child(bornAged(8, "2024-09-01")).exam(screeningOutside("2024-09-01")),
                        List.of("SCHOOL_BIAS")),
                Arguments.of("age 8 with Td", child(bornAged(8, "2024-09-01")).exam(screeningOutside("2024-09-01")
                        .set(e -> e.bias = BiasAntigen.TD)), List.of()),
                Arguments.of("age 11 without Td", child(bornAged(11, "2024-09-01")).exam(screeningOutside("2024-09-01")),
                        List.of("SCHOOL_BIAS")),
                Arguments.of("girl aged 12 without anaemia",
                        child(bornAged(12, "2024-09-01"), Sex.FEMALE).exam(screeningOutside("2024-09-01")),
                        List.of("SCHOOL_ANAEMIA")),
                Arguments.of("girl aged 12 with anaemia", child(bornAged(12, "2024-09-01"), Sex.FEMALE)
                        .exam(screeningOutside("2024-09-01").set(e -> e.anaemia = "Normal")), List.of()),
                Arguments.of("girl aged 13 without anaemia",
                        child(bornAged(13, "2024-09-01"), Sex.FEMALE).exam(screeningOutside("2024-09-01")),
                        List.of()),
                Arguments.of("age 15", child(bornAged(15, "2024-09-01")).exam(screeningOutside("2024-09-01")),
                        List.of()),
                Arguments.of("16th birthday the day after the latest record",
                        child(d("2009-02-11")).exam(screeningOutside("2025-02-10")), List.of()),
                Arguments.of("age at the latest record decides (15 then, 14 before)",
                        child(d("2009-09-01")).exam(screeningOutside("2024-08-01").set(e -> e.sight = null))
                                .exam(screeningOutside("2025-02-01").set(e -> e.hearing = null)),
                        List.of()));
    }

    @ParameterizedTest(name = "outside school: {0}")
    @MethodSource("outsideSchool")
    void outsideSchool(String name, ChildFixtures.Child child, List<String> codes) {
        assertJudged(decide(child, YEAR), codes);
    }

    static Stream<Arguments> notRecipients() {
        return Stream.of(
                Arguments.of("no school-age records", pupil()),
                Arguments.of("exam on 1 June of the next school year", pupil().exam(screening("2025-06-01", 3))),
                Arguments.of("exam on 31 May of the previous school year", pupil().exam(screening("2024-05-31", 3))),
                Arguments.of("grade 10", pupil().exam(screening("2024-08-10", 10))),
                Arguments.of("the latest graded record decides: grade 9, then 10",
                        pupil().exam(screening("2024-07-10", 9)).exam(screening("2024-08-10", 10))),
                Arguments.of("age 16 outside school", child(d("2009-02-10")).exam(screeningOutside("2025-02-10"))),
                Arguments.of("16 at the latest record, 15 at the earlier one",
                        child(d("2009-02-10")).exam(screeningOutside("2024-08-01"))
                                .exam(screeningOutside("2025-02-10"))),
                Arguments.of("age 6 outside school",
                        child(bornAged(6, "2024-09-01")).exam(screeningOutside("2024-09-01"))));
    }

    @ParameterizedTest(name = "not a recipient: {0}")
    @MethodSource("notRecipients")
    void notRecipient(String name, ChildFixtures.Child child) {
        assertThat(decide(child, YEAR)).isEmpty();
        assertThat(new Evaluator(RuleSets.PMK_6_2024).decide(child.record(), SpmService.SCHOOL_AGE, YEAR))
                .containsExactly(Decision.NotRecipient.of(SpmService.SCHOOL_AGE));
    }

    static Stream<Arguments> quarters() {
        ChildFixtures.Child april = pupil().exam(screening("2025-04-15", 3));
        ChildFixtures.Child lateItem = pupil().exam(screening("2024-09-01", 3).set(e -> e.hearing = null))
                .exam(screening("2025-04-15", 3));
        return Stream.of(
                Arguments.of("exam in April, Q1 ends 31 March", april, Period.ofQuarter(2025, 1), null),
                Arguments.of("exam in April, Q2", april, Period.ofQuarter(2025, 2), List.of()),
                Arguments.of("exam in April, Q3", april, Period.ofQuarter(2025, 3), List.of()),
                Arguments.of("exam in April, Q4", april, Period.ofQuarter(2025, 4), List.of()),
                Arguments.of("hearing in April, Q1", lateItem, Period.ofQuarter(2025, 1), List.of("SCHOOL_HEARING")),
                Arguments.of("hearing in April, Q2", lateItem, Period.ofQuarter(2025, 2), List.of()),
                Arguments.of("exam in March, Q1", pupil().exam(screening("2025-03-31", 3)), Period.ofQuarter(2025, 1),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quarters")
    void quartersUseTheSchoolYearUpToE(String name, ChildFixtures.Child child, Period period, List<String> codes) {
        List<Decision> out = decide(child, period);
        if (codes == null) {
            assertThat(out).isEmpty();
        } else {
            assertJudged(out, codes);
        }
    }

    static Stream<Arguments> attribution() {
        return Stream.of(
                Arguments.of("latest record in the window",
                        pupil().exam(screening("2024-08-10", 3))
                                .exam(screening("2025-01-10", 3).set(e -> e.puskesmas = PKM_OTHER)),
                        PKM_OTHER),
                Arguments.of("tie on the latest date: smallest code",
                        pupil().exam(screening("2025-01-10", 3).set(e -> e.puskesmas = PKM_OTHER))
                                .exam(bias("2025-01-10", 3, BiasAntigen.TD)),
                        PKM),
                Arguments.of("a record of the next school year does not move the child",
                        pupil().exam(screening("2024-08-10", 3))
                                .exam(screening("2025-08-10", 4).set(e -> e.puskesmas = PKM_OTHER)),
                        PKM));
    }

    @ParameterizedTest(name = "attribution: {0}")
    @MethodSource("attribution")
    void attributedToLatestRecordInWindow(String name, ChildFixtures.Child child, String puskesmas) {
        assertThat(decide(child, YEAR)).singleElement().extracting(Decision::puskesmas).isEqualTo(puskesmas);
    }

    @Test
    void followUpIsReportedNotDecidingByDefault() {
        ChildFixtures.Child c = pupil().exam(screening("2024-08-10", 3).set(e -> e.followUp = null));
        Decision d = decide(c, YEAR).get(0);
        assertThat(d.status()).isEqualTo(Status.COUNTED);
        assertThat(d.assumptions()).extracting(Assumption::code).containsExactly("SCHOOL_FOLLOW_UP_NOT_RECORDED");
        assertThat(decide(pupil().exam(screening("2024-08-10", 3)), YEAR).get(0).assumptions()).isEmpty();
    }

    @Test
    void followUpDecidesWhenTheRuleSetSaysSo() {
        SchoolAgeParameters p = SchoolAgeParameters.DEFAULT;
        SchoolAgeParameters deciding = new SchoolAgeParameters(p.minGrade(), p.maxGrade(), p.minAgeOutsideSchool(),
                p.maxAgeOutsideSchool(), p.anaemiaGrade(), p.anaemiaAgeOutsideSchool(), p.biasByGrade(), p.biasByAge(),
                true);
        RuleSet base = RuleSets.PMK_6_2024;
        RuleSet rs = new RuleSet(base.id(), base.regulation(), base.effectiveFromYear(), base.antenatal(),
                base.delivery(), base.newborn(), base.balita(), deciding, base.screening(), base.chronicCare(),
                base.index());
        Context ctx = new Context(YEAR, rs);
        Decision without = RULE.decide(pupil().exam(screening("2024-08-10", 3).set(e -> e.followUp = null)).record(),
                ctx).get(0);
        assertThat(without.status()).isEqualTo(Status.NOT_COUNTED);
        assertThat(without.reasons()).extracting(Reason::code).containsExactly("SCHOOL_FOLLOW_UP");
        assertThat(without.assumptions()).isEmpty();
        assertThat(RULE.decide(pupil().exam(screening("2024-08-10", 3)).record(), ctx).get(0).status())
                .isEqualTo(Status.COUNTED);
    }

    @Test
    void sexUnknownInGrade7IsStatedAsAnAssumption() {
        Decision d = decide(pupil(null).exam(screening("2024-08-10", 7)), YEAR).get(0);
        assertThat(d.status()).isEqualTo(Status.COUNTED);
        assertThat(d.assumptions()).extracting(Assumption::code).containsExactly("SCHOOL_SEX_UNKNOWN");
    }

    @Test
    void reasonsNameTheItemGroupAndWindow() {
        Decision d = decide(pupil().exam(screening("2024-08-10", 1).set(e -> e.sight = null))
                .exam(bias("2024-08-20", 1, BiasAntigen.DT)), Period.ofQuarter(2025, 1)).get(0);
        assertThat(d.reasons()).extracting(Reason::message).containsExactly(
                "Penglihatan not recorded in the school year window 2024-06-01 to 2025-03-31",
                "BIAS incomplete for grade 1: MR not given in the school year window 2024-06-01 to 2025-03-31");
        assertThat(d.reasons()).extracting(Reason::clause).containsOnly("PMK-6-2024 §9.5");
    }

    @Test
    void parametersAreValuesAndPublished() {
        SchoolAgeParameters p = SchoolAgeParameters.DEFAULT;
        SchoolAgeParameters same = new SchoolAgeParameters(1, 9, 7, 15, 7, 12,
                Map.of(5, Set.of(BiasAntigen.TD), 2, Set.of(BiasAntigen.TD), 1, Set.of(BiasAntigen.DT, BiasAntigen.MR)),
                Map.of(7, Set.of(BiasAntigen.MR, BiasAntigen.DT), 8, Set.of(BiasAntigen.TD), 11, Set.of(BiasAntigen.TD)),
                false);
        assertThat(same).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(p.biasForGrade(3)).isEmpty();
        assertThat(p.biasForAge(7)).containsExactlyInAnyOrder(BiasAntigen.MR, BiasAntigen.DT);
        assertThat(p.describe()).extracting(Parameter::name, Parameter::value).contains(
                tuple("schoolAge.grades", "1-9"),
                tuple("schoolAge.outsideSchoolAges", "7-15"),
                tuple("schoolAge.biasByGrade", "1:MR+DT; 2:TD; 5:TD"),
                tuple("schoolAge.biasByAge", "7:MR+DT; 8:TD; 11:TD"),
                tuple("schoolAge.followUpDecides", "false"));
        assertThatThrownBy(() -> new SchoolAgeParameters(0, 9, 7, 15, 7, 12, Map.of(), Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertJudged(List<Decision> out, List<String> codes) {
        assertThat(out).hasSize(1);
        Decision decision = out.get(0);
        assertThat(decision.service()).isEqualTo(SpmService.SCHOOL_AGE);
        assertThat(decision.subject()).isEmpty();
        assertThat(decision.puskesmas()).isEqualTo(PKM);
        assertThat(decision.status()).isEqualTo(codes.isEmpty() ? Status.COUNTED : Status.NOT_COUNTED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactlyElementsOf(codes);
    }
}
