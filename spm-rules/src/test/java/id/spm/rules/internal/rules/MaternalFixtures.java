package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import id.spm.rules.Decision;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.internal.Context;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Event;
import id.spm.rules.model.Examiner;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TenTItem;

/** Builders of mothers, pregnancies and newborns for the tests of services 1–3. */
final class MaternalFixtures {

    static final String PKM_A = "P7318010101";
    static final String PKM_B = "P7318010202";
    static final Set<TenTItem> ALL_10T = EnumSet.allOf(TenTItem.class);
    static final Set<EssentialCare> ALL_CARE = EnumSet.allOf(EssentialCare.class);

    private MaternalFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The date at completed week {@code w} (plus {@code extraDays}) of a pregnancy. */
    static LocalDate week(LocalDate hpht, int w, int extraDays) {
        return hpht.plusDays(7L * w + extraDays);
    }

    static Context ctx(Period period) {
        return new Context(period, RuleSets.PMK_6_2024);
    }

    static Context ctx(Period period, RuleSet ruleSet) {
        return new Context(period, ruleSet);
    }

    static PersonRecord person(String id, LocalDate birth, Sex sex, List<? extends Event> events) {
        return PersonRecord.builder(new Person(id, birth, sex, null, null)).addAll(events).build();
    }

    static PersonRecord mother(List<? extends Event> events) {
        return person("mother-1", d("1995-05-05"), Sex.FEMALE, events);
    }

    static PersonRecord mother(Event... events) {
        return mother(List.of(events));
    }

    static AncVisit visit(LocalDate date, Examiner examiner, boolean usg, Set<TenTItem> tenT) {
        return new AncVisit(date, PKM_A, null, null, examiner, usg, tenT);
    }

    static AncVisit midwife(LocalDate date) {
        return visit(date, Examiner.MIDWIFE, false, ALL_10T);
    }

    static AncVisit doctorUsg(LocalDate date) {
        return visit(date, Examiner.DOCTOR, true, ALL_10T);
    }

    /**
     * A complete K6 with doctor + USG contacts: T1 at week {@code t1Week} (doctor, USG), T2 at weeks 16
     * and 20, T3 at weeks 28, 32 and 36 (the last by a doctor with USG); every visit records all 10T.
     */
    static List<AncVisit> k6(LocalDate hpht) {
        List<AncVisit> v = new ArrayList<>();
        v.add(doctorUsg(week(hpht, 8, 0)));
        v.add(midwife(week(hpht, 16, 0)));
        v.add(midwife(week(hpht, 20, 0)));
        v.add(midwife(week(hpht, 28, 0)));
        v.add(midwife(week(hpht, 32, 0)));
        v.add(doctorUsg(week(hpht, 36, 0)));
        return v;
    }

    static PregnancyOutcome outcome(LocalDate hpht, LocalDate date, PregnancyOutcomeKind kind) {
        return new PregnancyOutcome(date, PKM_A, hpht, kind, kind.isDelivery() ? DeliveryPlace.PUSKESMAS : null,
                kind.isDelivery() ? 1 : 0, kind.isDelivery() ? 1 : 0, kind.isDelivery() ? 1 : 0, false, false);
    }

    static PregnancyOutcome liveBirth(LocalDate hpht, LocalDate date) {
        return outcome(hpht, date, PregnancyOutcomeKind.LIVE_BIRTH);
    }

    static PregnancyOutcome delivery(LocalDate date, DeliveryPlace place, int doctors, int midwives, int nurses,
            boolean complication, boolean limitedAccess) {
        return new PregnancyOutcome(date, PKM_A, date.minusDays(275), PregnancyOutcomeKind.LIVE_BIRTH, place, doctors,
                midwives, nurses, complication, limitedAccess);
    }

    static PersonRecord baby(Newborn row) {
        return person("baby-1", row.birthDate(), Sex.MALE, List.of(row));
    }

    static Newborn newborn(LocalDate birth, LocalTime birthTime, boolean liveBorn, Set<EssentialCare> care,
            LocalDate kn1, LocalTime kn1Time, LocalDate kn2, LocalDate kn3) {
        return new Newborn(birth, birthTime, PKM_A, "mother-1", 3100, liveBorn, care, kn1, kn1Time, kn2, kn3);
    }

    /** A live-born baby with full care, KN1 24 h after birth, KN2 on day 5, KN3 on day 14. */
    static Newborn fullCare(LocalDate birth) {
        return newborn(birth, LocalTime.of(8, 0), true, ALL_CARE, birth.plusDays(1), LocalTime.of(8, 0),
                birth.plusDays(5), birth.plusDays(14));
    }

    static List<String> codes(Decision decision) {
        List<String> c = new ArrayList<>();
        for (Reason r : decision.reasons()) {
            c.add(r.code());
        }
        return c;
    }

    static List<String> assumptionCodes(Decision decision) {
        List<String> c = new ArrayList<>();
        decision.assumptions().forEach(a -> c.add(a.code()));
        return c;
    }
}
