package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Event;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.SchoolPlace;
import id.spm.rules.model.Sex;

/** Builders of children and their balita and school-age records, for the service 4 and 5 tests. */
final class ChildFixtures {

    static final String PKM = "P3273110201";
    static final String PKM_OTHER = "P3273110202";

    private ChildFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A child and their records, built fluently; every method returns a modified copy. */
    static final class Child {
        final LocalDate birth;
        final Sex sex;
        final List<Event> events;

        private Child(LocalDate birth, Sex sex, List<Event> events) {
            this.birth = birth;
            this.sex = sex;
            this.events = List.copyOf(events);
        }

        Child with(Event e) {
            List<Event> all = new ArrayList<>(events);
            all.add(e);
            return new Child(birth, sex, all);
        }

        /** Drops the balita records of a type (and, for immunisation, of one antigen when given). */
        Child without(ChildServiceType type, String antigen) {
            List<Event> kept = new ArrayList<>();
            for (Event e : events) {
                if (e instanceof ChildService s && s.type() == type
                        && (antigen == null || antigen.equals(s.antigen()))) {
                    continue;
                }
                kept.add(e);
            }
            return new Child(birth, sex, kept);
        }

        Child without(ChildServiceType type) {
            return without(type, null);
        }

        /** A balita service at an age of {@code months} months and {@code days} days. */
        Child at(int months, int days, ChildServiceType type) {
            return on(birth.plusMonths(months).plusDays(days), type);
        }

        Child on(LocalDate date, ChildServiceType type) {
            return with(new ChildService(date, PKM, type, null, null));
        }

        Child on(LocalDate date, ChildServiceType type, String puskesmas) {
            return with(new ChildService(date, puskesmas, type, null, null));
        }

        Child immunised(LocalDate date, String... antigens) {
            Child c = this;
            for (String a : antigens) {
                c = c.with(new ChildService(date, PKM, ChildServiceType.IMMUNISATION, a, null));
            }
            return c;
        }

        Child immunisedAt(int months, String... antigens) {
            return immunised(birth.plusMonths(months), antigens);
        }

        /** The newborn register row, with HB0 "yes" when asked. */
        Child newborn(boolean hb0) {
            Set<EssentialCare> care = hb0 ? Set.of(EssentialCare.HEPATITIS_B0, EssentialCare.VITAMIN_K1)
                    : Set.of(EssentialCare.VITAMIN_K1);
            return with(new Newborn(birth, null, PKM, null, 3100, true, care, null, null, null, null));
        }

        Child exam(Exam exam) {
            return with(exam.build());
        }

        PersonRecord record() {
            return PersonRecord.builder(new Person("child-" + birth + "-" + sex, birth, sex, null, null))
                    .addAll(events).build();
        }
    }

    static Child child(LocalDate birth) {
        return new Child(birth, Sex.MALE, List.of());
    }

    static Child child(LocalDate birth, Sex sex) {
        return new Child(birth, sex, List.of());
    }

    /**
     * A child born on {@code birth} whose standard-1 window [birth, 1st birthday) is complete under the
     * defaults: 8 weighings, 2 lengths, 2 head circumferences, 4 development checks, blue vitamin A at 7
     * months, and every basic antigen (HB0 on the balita register).
     */
    static Child standard1Complete(LocalDate birth) {
        Child c = child(birth);
        for (int m = 1; m <= 8; m++) {
            c = c.at(m, 0, ChildServiceType.WEIGHING);
        }
        c = c.at(1, 0, ChildServiceType.LENGTH_HEIGHT).at(6, 0, ChildServiceType.LENGTH_HEIGHT);
        c = c.at(1, 0, ChildServiceType.HEAD_CIRCUMFERENCE).at(6, 0, ChildServiceType.HEAD_CIRCUMFERENCE);
        c = c.at(2, 0, ChildServiceType.DEVELOPMENT).at(4, 0, ChildServiceType.DEVELOPMENT)
                .at(6, 0, ChildServiceType.DEVELOPMENT).at(9, 0, ChildServiceType.DEVELOPMENT);
        c = c.at(7, 0, ChildServiceType.VITAMIN_A_BLUE);
        return c.immunisedAt(0, "HB0").immunisedAt(1, "BCG", "OPV1").immunisedAt(2, "DPT-HB-Hib1", "OPV2")
                .immunisedAt(3, "DPT-HB-Hib2", "OPV3").immunisedAt(4, "DPT-HB-Hib3", "OPV4", "IPV1")
                .immunisedAt(9, "MR1");
    }

    /**
     * Standard 2 complete over [1st, 2nd birthday): weighings at 12–15 and 18–21 months, length, head
     * and development at 12 and 18, red vitamin A at 12 and 18, booster at 18 months.
     */
    static Child standard2Complete(LocalDate birth) {
        Child c = child(birth);
        for (int m = 12; m <= 15; m++) {
            c = c.at(m, 1, ChildServiceType.WEIGHING).at(m + 6, 1, ChildServiceType.WEIGHING);
        }
        for (ChildServiceType t : List.of(ChildServiceType.LENGTH_HEIGHT, ChildServiceType.HEAD_CIRCUMFERENCE,
                ChildServiceType.DEVELOPMENT, ChildServiceType.VITAMIN_A_RED)) {
            c = c.at(12, 1, t).at(18, 1, t);
        }
        return c.immunised(birth.plusMonths(18).plusDays(1), "DPT-HB-Hib4", "MR2");
    }

    /**
     * Standard 3 complete over calendar year {@code year}: weighings on the 10th of Jan–Apr and Jul–Oct,
     * height in Feb and Aug, head and development in Feb, red vitamin A in Feb and Aug.
     */
    static Child standard3Complete(LocalDate birth, int year) {
        Child c = child(birth);
        for (int m = 1; m <= 4; m++) {
            c = c.on(LocalDate.of(year, m, 10), ChildServiceType.WEIGHING)
                    .on(LocalDate.of(year, m + 6, 10), ChildServiceType.WEIGHING);
        }
        LocalDate feb = LocalDate.of(year, 2, 10);
        LocalDate aug = LocalDate.of(year, 8, 10);
        return c.on(feb, ChildServiceType.LENGTH_HEIGHT).on(aug, ChildServiceType.LENGTH_HEIGHT)
                .on(feb, ChildServiceType.HEAD_CIRCUMFERENCE).on(feb, ChildServiceType.DEVELOPMENT)
                .on(feb, ChildServiceType.VITAMIN_A_RED).on(aug, ChildServiceType.VITAMIN_A_RED);
    }

    /** A school-age examination, every screening item recorded unless removed. */
    static final class Exam {
        LocalDate date;
        String puskesmas = PKM;
        SchoolPlace place = SchoolPlace.SCHOOL;
        Integer grade;
        String nutrition = "Normal";
        String vitalSigns = "Normal";
        String oralDental = "Karies";
        String sight = "Normal";
        String hearing = "Normal";
        String anaemia;
        String followUp;
        BiasAntigen bias;

        /** Adjusts fields, e.g. {@code e -> e.sight = null}. */
        Exam set(Consumer<Exam> change) {
            change.accept(this);
            return this;
        }

        SchoolExam build() {
            return new SchoolExam(date, puskesmas, place.isSchool() ? "20212345" : null, place, grade, nutrition,
                    vitalSigns, oralDental, sight, hearing, anaemia, followUp, bias);
        }
    }

    /** A full screening in school, in {@code grade}, with a follow-up recorded. */
    static Exam screening(String date, int grade) {
        Exam e = new Exam();
        e.date = d(date);
        e.grade = grade;
        e.followUp = "Konseling";
        return e;
    }

    /** A full screening outside school (in a panti), with a follow-up recorded. */
    static Exam screeningOutside(String date) {
        Exam e = new Exam();
        e.date = d(date);
        e.place = SchoolPlace.PANTI_LKSA;
        e.followUp = "Konseling";
        return e;
    }

    /** A record holding only a BIAS dose. */
    static Exam bias(String date, Integer grade, BiasAntigen antigen) {
        Exam e = new Exam();
        e.date = d(date);
        e.grade = grade;
        e.place = grade == null ? SchoolPlace.PANTI_LKSA : SchoolPlace.SCHOOL;
        e.nutrition = null;
        e.vitalSigns = null;
        e.oralDental = null;
        e.sight = null;
        e.hearing = null;
        e.bias = antigen;
        return e;
    }
}
