package id.spm.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import id.spm.rules.SpmService;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Examiner;
import id.spm.rules.model.GlucoseTest;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.SchoolPlace;
import id.spm.rules.model.Screening;
import id.spm.rules.model.ScreeningPlace;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;
import id.spm.rules.model.TenTItem;

/**
 * Draws one generation unit: a person with the events of every service they take part in, and, when
 * a woman delivers, her baby right after her. The rates below give a realistic mix: most recipients
 * served per standard, each typical shortfall present (a missing trimester visit, no doctor with USG,
 * a late KN1, missed weighings, missed months of hypertension care, no TB examination …), the
 * exclusions (abortion, premature delivery, death in pregnancy) and the pending cases (pregnancies
 * running at year end, babies whose 28th day falls in the next year).
 */
final class PersonSynthesizer {

    /** Where a unit lives: its desa and the Puskesmas that serves it. */
    record Home(String desa, String puskesmas, String neighbour, boolean remote, int posyanduDay, int slot,
            boolean hivByName, boolean tbByName, boolean mentalByName) {
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** The antenatal plan of a pregnancy running over a year's end: the same in both years. */
    private static final long ANC_STREAM = 11;
    /**
     * A child's lapses and the dates of its schedule (development checks, immunisations): its own
     * streams, so the years of a history draw them alike.
     */
    private static final long CHILD_STREAM = 12;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // Share of recipients reached by the programme at all (the rest have no by-name record).
    private static final double BALITA_REGISTERED = 0.92;
    private static final double SCHOOL_REACHED = 0.93;
    private static final double PRODUCTIVE_SCREENED = 0.55;
    private static final double ELDERLY_SCREENED = 0.60;
    private static final double HYPERTENSION_IN_CARE = 1.0 / 3;
    private static final double DIABETES_IN_CARE = 0.6;
    private static final double ODGJ_ADULT = 0.0026;
    private static final double ODGJ_FOUND = 0.85;
    private static final double TB_PRESUMED_ADULT = 0.0058;
    private static final double TB_PRESUMED_CHILD = 0.0025;

    private static final String[] SCHOOL_NUTRITION = { "Normal", "Normal", "Normal", "Normal", "Normal", "Normal",
            "Gizi Kurang", "Gizi Lebih", "Obesitas", "Pendek" };
    private static final String[] MALE_RISK = { "Merokok", "Merokok", "Merokok", "Konsumsi Alkohol",
            "Kurang Aktivitas Fisik", "Kurang Makan Sayur dan Buah", "Tidak Ada", "Tidak Ada" };
    private static final String[] FEMALE_RISK = { "Kurang Aktivitas Fisik", "Kurang Makan Sayur dan Buah",
            "Tidak Ada", "Tidak Ada", "Tidak Ada", "Merokok" };
    private static final String[] SKILAS = { "Normal", "Normal", "Normal", "Normal", "Normal", "Normal", "Normal",
            "Penurunan Kognitif", "Keterbatasan Mobilitas", "Malnutrisi", "Gangguan Penglihatan", "Gejala Depresi" };
    private static final TenTItem[] TEN_T_OFTEN_MISSED = { TenTItem.LILA, TenTItem.TETANUS_SCREENING,
            TenTItem.LABORATORY, TenTItem.CASE_MANAGEMENT, TenTItem.FETAL_PRESENTATION_HEART_RATE };

    private static final BigDecimal[] TENTHS = new BigDecimal[3001];
    private static final BigDecimal[] WHOLE = new BigDecimal[1001];
    static {
        for (int i = 0; i < TENTHS.length; i++) {
            TENTHS[i] = BigDecimal.valueOf(i, 1);
        }
        for (int i = 0; i < WHOLE.length; i++) {
            WHOLE[i] = BigDecimal.valueOf(i);
        }
    }

    /**
     * A care episode's chance to go on into the next year (hypertension, diabetes, ODGJ berat): chronic
     * patients stay patients; the entry of new ones keeps the share in care at its (drifting) level.
     */
    static final double CARE_RETENTION = 0.9;
    /**
     * Of the deliveries of a year, the share conceived in that same year (HPHT after 1 January): a
     * term pregnancy lasts about 276 days, so about (365 − 276) / 365. The others were running at the
     * previous year's end and are carried over ({@link Life#pendingHpht}).
     */
    static final double IN_YEAR_CONCEPTION = 0.25;
    /** Pregnancies running at a year's end, per delivery of the year (the running branch of pregnancy()). */
    static final double RUNNING_SHARE = 0.75;

    /**
     * What a person carries from one year into the next in a {@link PopulationHistory}: who they are,
     * where they live, their chronic conditions and whether they are in care, a pregnancy running at the
     * year's end.
     */
    static final class Life {
        final Person person;
        final Home home;
        final long index;
        final String motherId;
        /** Events before 1 January come from the earlier years' generation, not from this year's. */
        boolean clip;
        /** Died (in pregnancy, or stillborn): not carried on. */
        boolean gone;
        boolean adult;
        boolean hypertensive;
        boolean diabetic;
        boolean hypertensionCare;
        boolean diabetesCare;
        boolean odgj;
        boolean odgjCare;
        LocalDate pendingHpht;
        /** Registered at the Posyandu: a balita's register goes on from year to year. */
        Boolean balitaRegistered;

        Life(Person person, Home home, long index, String motherId) {
            this.person = person;
            this.home = home;
            this.index = index;
            this.motherId = motherId;
        }
    }

    /** The records of one unit's year and the lives they continue (a baby born in the year starts one). */
    record Unit(List<PersonRecord> records, List<Life> lives) {
    }

    private final long seed;
    private final int year;
    private final LocalDate jan1;
    private final LocalDate dec31;
    private final LocalDate march31;
    /** Per service (ordinal), the programme's quality factor of the year: 1 = as the rates below. */
    private final double[] quality;
    private final boolean followed;
    private Life life;
    private Life born;

    PersonSynthesizer(long seed, int year) {
        this(seed, year, null, false);
    }

    /**
     * @param quality per {@link SpmService} ordinal, the year's quality factor q: a chance to be reached p
     *        becomes 1 − (1 − p) ÷ q, a chance of a lapse f becomes f ÷ q; {@code null}: all 1
     * @param followed a year of a {@link PopulationHistory}: pregnancies running at the year's end are all
     *        those delivering next year
     */
    PersonSynthesizer(long seed, int year, double[] quality, boolean followed) {
        this.followed = followed;
        this.seed = seed;
        this.year = year;
        this.jan1 = LocalDate.of(year, 1, 1);
        this.dec31 = LocalDate.of(year, 12, 31);
        this.march31 = LocalDate.of(year, 3, 31);
        this.quality = quality;
    }

    private double q(SpmService s) {
        return quality == null ? 1 : quality[s.ordinal()];
    }

    /** A chance to be reached by the programme, under the year's quality. */
    private double reach(SpmService s, double p) {
        double q = q(s);
        return q == 1 ? p : 1 - (1 - p) / q;
    }

    /** A chance of a lapse, under the year's quality. */
    private double miss(SpmService s, double f) {
        double q = q(s);
        return q == 1 ? f : f / q;
    }

    /** The chance of a condition starting between two ages, from the prevalences at both. */
    private static double onset(double now, double before) {
        return now <= before ? 0 : (now - before) / (1 - before);
    }

    /** The entry chance that keeps a share s in care when {@link #CARE_RETENTION} of it stays. */
    private static double entry(double s) {
        return s >= 1 ? 1 : s * (1 - CARE_RETENTION) / (1 - s);
    }

    /**
     * A pseudonymous key of 32 hex digits, unique per index: the 16 nibbles of a bijection of the index
     * fill fixed places, and every fourth character is a letter, so no run of four decimal digits, let
     * alone a 16-digit NIK, can appear.
     */
    static String personId(long seed, long index) {
        long a = Rng.mix(seed + index * GOLDEN);
        long b = Rng.mix(a ^ Rng.mix(seed ^ GOLDEN));
        char[] c = new char[32];
        int ai = 0;
        int bi = 0;
        for (int i = 0; i < 32; i++) {
            if (i % 4 == 3) {
                c[i] = HEX[10 + (int) ((b >>> (4 * bi++)) & 0xF) % 6];
            } else if (ai < 16) {
                c[i] = HEX[(int) (a >>> (60 - 4 * ai++)) & 0xF];
            } else {
                c[i] = HEX[(int) (b >>> (4 * bi++)) & 0xF];
            }
        }
        return new String(c);
    }

    /**
     * One unit: one person, plus her baby when she delivers in the year and room allows.
     *
     * @param room persons still allowed in the desa (at least 1)
     * @param index the person index of the first person; the baby takes the next
     */
    List<PersonRecord> unit(Rng r, Home home, int room, long index) {
        return draw(r, home, room, index, false).records();
    }

    /**
     * A new unit: its person drawn, with this year's events.
     *
     * @param arriving a person moving in during a history's later year: no records before 1 January
     */
    Unit draw(Rng r, Home home, int room, long index, boolean arriving) {
        int group = 1 + r.weighted(Demography.UNIT_GROUP_CUMULATIVE);
        Sex sex = r.chance(Demography.MALE_SHARE) ? Sex.MALE : Sex.FEMALE;
        LocalDate birth = r.date(LocalDate.of(year - Demography.AGE_HIGH[group], 1, 1),
                LocalDate.of(year - Demography.AGE_LOW[group], 12, 31));
        Person person = new Person(personId(seed, index), birth, sex, home.desa(), home.puskesmas());
        Life l = new Life(person, home, index, null);
        l.clip = arriving;
        return year(r, l, room > 1 ? index + 1 : -1);
    }

    /**
     * The events of this year of a person, drawn anew or carried on from last year; a baby delivered in
     * the year (when {@code babyIndex} ≥ 0) follows in the records and starts a life of its own.
     */
    Unit year(Rng r, Life l, long babyIndex) {
        this.life = l;
        this.born = null;
        Person person = l.person;
        Home home = l.home;
        LocalDate birth = person.birthDate();
        Sex sex = person.sex();
        PersonRecord.Builder b = PersonRecord.builder(person);
        int age = year - birth.getYear();
        LocalDate carried = l.pendingHpht;
        l.pendingHpht = null;

        if (!birth.isBefore(LocalDate.of(year - 1, 12, 1))) {
            // Born in December of last year: the 28th day may fall in this year (§9.3). Carried on, the
            // register row of last year is completed with this year's visits (same row, same key).
            b.add(newborn(r, birth, l.motherId, home, true, false));
        }
        if (age <= 4) {
            l.balitaRegistered = balita(r, b, birth, home, l.balitaRegistered, l.index);
        }
        if (age >= 6 && age <= 16) {
            school(r, b, person, home);
        }
        if (age >= 15) {
            boolean hypertensionKnown = l.hypertensionCare;
            boolean diabetesKnown = l.diabetesCare;
            boolean odgjKnown = l.odgjCare;
            if (!l.adult) {
                l.hypertensive = r.chance(Demography.hypertension(age));
                l.diabetic = r.chance(Demography.diabetes(age));
            } else {
                l.hypertensive = l.hypertensive
                        || r.chance(onset(Demography.hypertension(age), Demography.hypertension(age - 1)));
                l.diabetic = l.diabetic || r.chance(onset(Demography.diabetes(age), Demography.diabetes(age - 1)));
            }
            screening(r, b, person, home, l.hypertensive, l.diabetic);
            if (!l.adult) {
                l.hypertensionCare = l.hypertensive
                        && r.chance(reach(SpmService.HYPERTENSION, HYPERTENSION_IN_CARE));
                if (l.hypertensionCare) {
                    ptm(r, b, person, home, false, null);
                }
                l.diabetesCare = l.diabetic && r.chance(reach(SpmService.DIABETES, DIABETES_IN_CARE));
                if (l.diabetesCare) {
                    ptm(r, b, person, home, true, null);
                }
                l.odgj = r.chance(ODGJ_ADULT);
                l.odgjCare = l.odgj && r.chance(reach(SpmService.SEVERE_MENTAL_DISORDER, ODGJ_FOUND));
                if (l.odgjCare && home.mentalByName()) {
                    mental(r, b, person, home, null);
                }
            } else {
                // Chronic patients stay patients; in care last year = known before this year.
                l.hypertensionCare = l.hypertensive && r.chance(l.hypertensionCare ? CARE_RETENTION
                        : entry(reach(SpmService.HYPERTENSION, HYPERTENSION_IN_CARE)));
                if (l.hypertensionCare) {
                    ptm(r, b, person, home, false, hypertensionKnown);
                }
                l.diabetesCare = l.diabetic && r.chance(
                        l.diabetesCare ? CARE_RETENTION : entry(reach(SpmService.DIABETES, DIABETES_IN_CARE)));
                if (l.diabetesCare) {
                    ptm(r, b, person, home, true, diabetesKnown);
                }
                l.odgjCare = l.odgj && r.chance(l.odgjCare ? CARE_RETENTION
                        : entry(reach(SpmService.SEVERE_MENTAL_DISORDER, ODGJ_FOUND)));
                if (l.odgjCare && home.mentalByName()) {
                    mental(r, b, person, home, odgjKnown);
                }
            }
            l.adult = true;
        }
        if (r.chance(age >= 15 ? TB_PRESUMED_ADULT : TB_PRESUMED_CHILD) && home.tbByName()) {
            tb(r, b, person, home);
        }
        if (age >= 15 && age <= 49) {
            keyPopulation(r, b, person, home);
        }
        PersonRecord baby = null;
        if (carried != null) {
            baby = delivery(r, b, person, home, babyIndex, carried, false);
        } else if (sex == Sex.FEMALE && age >= 15 && age <= 49) {
            baby = pregnancy(r, b, person, home, age, babyIndex);
        }
        PersonRecord mother = b.build();
        List<Life> lives = born == null ? List.of(l) : List.of(l, born);
        this.life = null;
        this.born = null;
        return new Unit(baby == null ? List.of(mother) : List.of(mother, baby), lives);
    }

    // ---------------------------------------------------------------- services 1–3

    /** Returns the baby when a delivery in the year gives one and there is room for it. */
    private PersonRecord pregnancy(Rng r, PersonRecord.Builder b, Person mother, Home home, int age, long babyIndex) {
        double pd = Demography.ASFR[(age - 15) / 5] * Demography.FERTILITY_SCALE;
        double u = r.nextDouble();
        if (life.clip) {
            // A later year of a history: the pregnancies running at last year's end were carried over
            // (Life.pendingHpht); the new deliveries are the ones conceived this year. A woman not carrying
            // one is a little more likely to conceive than the average woman of her age, of whom a share
            // 0.75 × pd was carrying: pd ÷ (1 − 0.75 pd).
            pd = pd / (1 - RUNNING_SHARE * pd);
            if (u < pd * IN_YEAR_CONCEPTION) {
                return delivery(r, b, mother, home, babyIndex, null, true);
            }
            u += pd * (1 - IN_YEAR_CONCEPTION);
        }
        if (u < pd) {
            return delivery(r, b, mother, home, babyIndex, null, false);
        }
        if (u < pd * 1.12) {
            // Abortion, about 12 per 100 deliveries: excluded from service 1 (§9.1).
            LocalDate date = r.date(jan1, dec31);
            LocalDate hpht = date.minusDays(r.between(42, 139));
            List<AncVisit> visits = r.chance(0.5) ? ancVisits(r, hpht, date, home, false) : List.of();
            b.addAll(visits);
            b.add(new PregnancyOutcome(date, home.puskesmas(), hpht, PregnancyOutcomeKind.ABORTION,
                    r.chance(0.6) ? DeliveryPlace.HOSPITAL : DeliveryPlace.PUSKESMAS, 1, 1, r.nextInt(2), false,
                    false));
            pregnantWomanHiv(r, b, home, visits, date);
            return null;
        }
        if (u < pd * 1.123) {
            // Death during pregnancy: excluded (§9.1).
            LocalDate date = r.date(jan1, dec31);
            LocalDate hpht = date.minusDays(r.between(84, 266));
            List<AncVisit> visits = ancVisits(r, hpht, date.minusDays(1), home, true);
            b.addAll(visits);
            b.add(new PregnancyOutcome(date, home.puskesmas(), hpht, PregnancyOutcomeKind.MATERNAL_DEATH_IN_PREGNANCY,
                    null, 0, 0, 0, true, false));
            life.gone = true;
            pregnantWomanHiv(r, b, home, visits, date);
            return null;
        }
        if (u < pd * 1.873) {
            // Still running at year end: no outcome yet, pending for service 1 (§9.1). A single year shows
            // the pregnancies seen by then (HPHT April to 20 November); a followed population carries every
            // one that delivers next year (HPHT from about 28 March, 278 days before the year's end), so
            // next year's deliveries spread evenly over its months.
            LocalDate hpht = followed ? r.date(LocalDate.of(year, 3, 28), dec31)
                    : r.date(LocalDate.of(year, 4, 1), LocalDate.of(year, 11, 20));
            List<AncVisit> visits = ancVisits(runningPlan(hpht), hpht, dec31, home, true);
            b.addAll(visits);
            pregnantWomanHiv(r, b, home, visits, null);
            life.pendingHpht = hpht;
        }
        return null;
    }

    /**
     * @param carriedHpht the HPHT of a pregnancy running at last year's end (its earlier visits and HIV
     *        record are last year's), or {@code null}
     * @param inYear conceived this year, after last year's running pregnancies were carried over
     */
    private PersonRecord delivery(Rng r, PersonRecord.Builder b, Person mother, Home home, long babyIndex,
            LocalDate carriedHpht, boolean inYear) {
        double k = r.nextDouble();
        PregnancyOutcomeKind kind = k < 0.05 ? PregnancyOutcomeKind.PREMATURE
                : k < 0.065 ? PregnancyOutcomeKind.STILL_BIRTH : PregnancyOutcomeKind.LIVE_BIRTH;
        boolean premature = kind == PregnancyOutcomeKind.PREMATURE;
        LocalDate date;
        LocalDate hpht;
        if (carriedHpht != null) {
            hpht = carriedHpht;
            date = hpht.plusDays(premature ? r.between(196, 258) : r.between(259, 293));
            if (date.isBefore(jan1)) {
                date = jan1.plusDays(r.between(0, 20));
            }
        } else {
            if (inYear) {
                // Conceived this year (the pregnancies of last year were carried over): HPHT after 1 January.
                int term = premature ? r.between(196, 258) : r.between(259, 293);
                date = r.date(jan1.plusDays(term), dec31);
                hpht = date.minusDays(term);
            } else {
                date = r.date(jan1, dec31);
                // Term 37–41 weeks; premature 28–36 weeks. HPHT often lies in the previous year.
                hpht = date.minusDays(premature ? r.between(196, 258) : r.between(259, 293));
            }
        }
        // A carried pregnancy goes on with the plan it had last year (its own random stream).
        List<AncVisit> visits = carriedHpht != null ? ancVisits(runningPlan(hpht), hpht, date, home, true)
                : r.chance(miss(SpmService.ANTENATAL, 0.03)) ? List.of() : ancVisits(r, hpht, date, home, true);
        b.addAll(visits);
        b.add(deliveryOutcome(r, date, hpht, kind, home));
        // A carried pregnancy was recorded at risk last year at its first visit, if that was last year.
        if (carriedHpht == null || !visits.isEmpty() && visits.get(0).visitCode() != null
                && visits.get(0).visitCode().startsWith("K1")) {
            pregnantWomanHiv(r, b, home, visits, date);
        }
        if (babyIndex < 0) {
            return null;
        }
        Sex sex = r.chance(0.512) ? Sex.MALE : Sex.FEMALE;
        Person baby = new Person(personId(seed, babyIndex), date, sex, home.desa(), home.puskesmas());
        PersonRecord.Builder bb = PersonRecord.builder(baby);
        boolean live = kind != PregnancyOutcomeKind.STILL_BIRTH;
        bb.add(newborn(r, date, mother.id(), home, live, premature));
        boolean registered = live && balita(r, bb, date, home, null, babyIndex);
        born = new Life(baby, home, babyIndex, mother.id());
        born.gone = !live;
        born.balitaRegistered = live ? registered : null;
        return bb.build();
    }

    /** §9.2: facility and team; limited access allows two health workers without a doctor. */
    private PregnancyOutcome deliveryOutcome(Rng r, LocalDate date, LocalDate hpht, PregnancyOutcomeKind kind,
            Home home) {
        boolean complication = r.chance(kind == PregnancyOutcomeKind.PREMATURE ? 0.35 : 0.08);
        boolean limited = home.remote() && r.chance(0.7);
        DeliveryPlace place;
        if (complication && r.chance(0.85)) {
            place = DeliveryPlace.HOSPITAL;
        } else {
            double u = r.nextDouble();
            double atHome = home.remote() ? 0.15 : 0.08;
            place = u < atHome ? DeliveryPlace.HOME
                    : u < atHome + 0.02 ? DeliveryPlace.OTHER
                            : u < atHome + 0.24 ? DeliveryPlace.HOSPITAL
                                    : u < atHome + 0.32 ? DeliveryPlace.CLINIC
                                            : u < atHome + (home.remote() ? 0.50 : 0.57) ? DeliveryPlace.MIDWIFE_PRACTICE
                                                    : DeliveryPlace.PUSKESMAS;
        }
        int doctors;
        int midwives;
        int nurses;
        if (!place.isFacility()) {
            doctors = 0;
            midwives = r.chance(0.6) ? 1 : 0;
            nurses = 0;
        } else if (place == DeliveryPlace.HOSPITAL) {
            doctors = complication ? 2 : 1;
            midwives = r.between(1, 2);
            nurses = midwives == 2 ? 0 : 1;
        } else if (limited && !complication && r.chance(0.7)) {
            doctors = 0;
            midwives = r.chance(0.5) ? 2 : 1;
            nurses = midwives == 2 ? 0 : 1;
        } else {
            doctors = 1;
            midwives = r.chance(0.5) ? 2 : 1;
            nurses = midwives == 2 ? 0 : 1;
            double f = r.nextDouble() * q(SpmService.DELIVERY);
            if (f < 0.05) {
                // A single midwife: not a team.
                doctors = 0;
                midwives = 1;
                nurses = 0;
            } else if (f < 0.07) {
                // A doctor with two nurses and no midwife: not counted (§9.2).
                midwives = 0;
                nurses = 2;
            } else if (f < 0.10 && !limited) {
                // Two health workers without a doctor where access is not limited.
                doctors = 0;
                midwives = 1;
                nurses = 1;
            } else if (complication && limited && f < 0.25) {
                // A complicated delivery without a doctor.
                doctors = 0;
                midwives = 2;
                nurses = 0;
            }
        }
        return new PregnancyOutcome(date, home.puskesmas(), hpht, kind, place, doctors, midwives, nurses, complication,
                limited);
    }

    /**
     * The antenatal visits of one pregnancy up to {@code last}, after Buku KIA's schedule (§9.1:
     * T1 if w ≤ 12, T2 if 13 ≤ w ≤ 24, T3 if w ≥ 25), with each typical shortfall at a few percent.
     */
    private List<AncVisit> ancVisits(Rng r, LocalDate hpht, LocalDate last, Home home, boolean full) {
        SpmService anc = SpmService.ANTENATAL;
        boolean noT1 = r.chance(miss(anc, 0.05));
        boolean shortT2 = r.chance(miss(anc, 0.04));
        boolean shortT3 = r.chance(miss(anc, 0.04));
        boolean noDoctorT1 = r.chance(miss(anc, 0.05));
        boolean noDoctorT3 = r.chance(miss(anc, 0.04));
        boolean tenTGap = r.chance(miss(anc, 0.03));
        boolean tenTNotRecorded = r.chance(miss(anc, 0.03));
        TenTItem missing = tenTGap ? r.pick(TEN_T_OFTEN_MISSED) : null;
        LocalDate rowHpht = r.chance(0.1) ? null : r.chance(0.05) ? hpht.plusDays(7) : hpht;

        List<int[]> plan = new ArrayList<>(); // day offset, examiner ordinal, usg
        if (!noT1) {
            Examiner ex = noDoctorT1 ? Examiner.MIDWIFE : r.chance(0.3) ? Examiner.OBGYN : Examiner.DOCTOR;
            plan.add(new int[] { r.between(42, 90), ex.ordinal(), noDoctorT1 ? 0 : 1 });
            if (r.chance(0.2)) {
                plan.add(new int[] { r.between(56, 90), Examiner.MIDWIFE.ordinal(), 0 });
            }
        } else {
            // First contact only in trimester 2 (K1 akses).
            plan.add(new int[] { r.between(91, 110), Examiner.MIDWIFE.ordinal(), 0 });
        }
        if (full) {
            if (!shortT2) {
                plan.add(new int[] { r.between(111, 132), Examiner.MIDWIFE.ordinal(), 0 });
            }
            plan.add(new int[] { r.between(133, 174), midwifeOrNurse(r), 0 });
            if (!shortT3) {
                plan.add(new int[] { r.between(175, 217), Examiner.MIDWIFE.ordinal(), 0 });
            }
            Examiner ex3 = noDoctorT3 ? Examiner.MIDWIFE : r.chance(0.4) ? Examiner.OBGYN : Examiner.DOCTOR;
            plan.add(new int[] { r.between(224, 252), ex3.ordinal(), noDoctorT3 ? 0 : 1 });
            plan.add(new int[] { r.between(253, 258), Examiner.MIDWIFE.ordinal(), 0 });
        }
        plan.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<AncVisit> visits = new ArrayList<>(plan.size());
        for (int[] p : plan) {
            LocalDate date = hpht.plusDays(p[0]);
            if (date.isAfter(last) || date.isAfter(dec31)) {
                break;
            }
            int i = visits.size();
            int week = p[0] / 7;
            String code = i == 0 ? (week <= 12 ? "K1M" : "K1A") : i < 6 ? "K" + (i + 1) : null;
            Set<TenTItem> tenT = null;
            if (!tenTNotRecorded) {
                EnumSet<TenTItem> s = EnumSet.of(TenTItem.WEIGHT_HEIGHT, TenTItem.BLOOD_PRESSURE,
                        TenTItem.IRON_TABLETS, TenTItem.COUNSELLING);
                if (i == 0) {
                    s.add(TenTItem.LILA);
                    s.add(TenTItem.TETANUS_SCREENING);
                    s.add(TenTItem.LABORATORY);
                    s.add(TenTItem.CASE_MANAGEMENT);
                }
                if (week >= 13) {
                    s.add(TenTItem.FUNDAL_HEIGHT);
                }
                if (week >= 16) {
                    s.add(TenTItem.FETAL_PRESENTATION_HEART_RATE);
                }
                if (p[2] == 1 && week >= 25) {
                    s.add(TenTItem.LABORATORY);
                }
                if (missing != null) {
                    s.remove(missing);
                }
                tenT = s;
            }
            visits.add(new AncVisit(date, home.puskesmas(), rowHpht, code, Examiner.values()[p[1]], p[2] == 1, tenT));
        }
        if (life != null && life.clip) {
            // The visits before 1 January are last year's records.
            visits.removeIf(v -> v.date().isBefore(jan1));
        }
        return visits;
    }

    /** The random stream of the antenatal plan of a pregnancy that runs over the year's end. */
    private Rng runningPlan(LocalDate hpht) {
        return Rng.of(seed, ANC_STREAM, life.index * 400_000L + hpht.toEpochDay());
    }

    private static int midwifeOrNurse(Rng r) {
        return (r.chance(0.92) ? Examiner.MIDWIFE : Examiner.NURSE).ordinal();
    }

    /** §9.3: essential care, KN1 at 6–48 h, KN2 day 3–7, KN3 day 8–28, with the usual lapses. */
    private Newborn newborn(Rng r, LocalDate birth, String motherId, Home home, boolean live, boolean premature) {
        int weight = premature ? r.between(1500, 2499) : r.chance(0.06) ? r.between(2000, 2499) : r.between(2500, 4000);
        boolean timesKnown = r.chance(0.9);
        LocalTime birthTime = timesKnown ? LocalTime.of(r.nextInt(24), r.nextInt(60)) : null;
        if (!live) {
            return new Newborn(birth, birthTime, home.puskesmas(), motherId, weight, false, Set.of(), null, null, null,
                    null);
        }
        EnumSet<EssentialCare> care = EnumSet.allOf(EssentialCare.class);
        if (r.chance(miss(SpmService.NEWBORN, 0.07))) {
            care.remove(r.pick(EssentialCare.values()));
        }
        double u = r.nextDouble() * q(SpmService.NEWBORN);
        int kn1Minutes = u < 0.03 ? -1
                : u < 0.05 ? r.between(60, 359)
                        : u < 0.11 ? r.between(2881, 5760)
                                : r.between(360, 2880);
        LocalDate kn1Date = null;
        LocalTime kn1Time = null;
        if (kn1Minutes >= 0) {
            LocalDateTime at = birth.atTime(birthTime != null ? birthTime : LocalTime.of(r.nextInt(24), 0))
                    .plusMinutes(kn1Minutes);
            kn1Date = at.toLocalDate();
            kn1Time = timesKnown ? at.toLocalTime() : null;
        }
        double v = r.nextDouble() * q(SpmService.NEWBORN);
        LocalDate kn2 = v < 0.04 ? null : birth.plusDays(v < 0.07 ? r.between(8, 10) : r.between(3, 7));
        double w = r.nextDouble() * q(SpmService.NEWBORN);
        LocalDate kn3 = w < 0.07 ? null : birth.plusDays(w < 0.10 ? r.between(29, 35) : r.between(8, 28));
        // Nothing is recorded after the year's end: a December baby's later visits are not known yet.
        if (kn1Date != null && kn1Date.isAfter(dec31)) {
            kn1Date = null;
            kn1Time = null;
        }
        return new Newborn(birth, birthTime, home.puskesmas(), motherId, weight, true, care, kn1Date, kn1Time,
                kn2 == null || kn2.isAfter(dec31) ? null : kn2, kn3 == null || kn3.isAfter(dec31) ? null : kn3);
    }

    // ---------------------------------------------------------------- service 4

    /**
     * Monthly Posyandu weighings; length, head circumference and vitamin A in February and August (bulan
     * vitamin A); development at 3, 6, 9, 11, 15, 21, 30, 42 and 54 months; the immunisation schedule.
     * The records reach back to the start of the earliest window any quarter of the year judges the child
     * on (§9.4: standard 1 over [birth, 1st birthday), 2 over [1st, 2nd birthday), 3 over the calendar
     * year), as a cohort register holds them. Each shortfall is drawn per window and drops the first such
     * service inside it, so a child can meet one standard and miss the next.
     */
    private boolean balita(Rng r, PersonRecord.Builder b, LocalDate birth, Home home, Boolean registered,
            long child) {
        SpmService s = SpmService.BALITA;
        if (!(registered != null ? registered : r.chance(reach(s, BALITA_REGISTERED)))) {
            return false;
        }
        // The window judged at 31 March starts earliest: later quarters judge the same or a later one.
        int monthsAtQ1 = ageMonths(birth, march31);
        LocalDate from = monthsAtQ1 < 24 ? birth : monthsAtQ1 < 36 ? birth.plusYears(1) : jan1;
        if (life != null && life.clip && from.isBefore(jan1)) {
            // Carried on: the earlier part of the window is last year's records.
            from = jan1;
        }
        Rng c = Rng.of(seed, CHILD_STREAM, child);
        boolean poorAttendance = c.chance(miss(s, 0.12));
        // drop[w][type]: the first such service in window w (0: standard 1, 1: standard 2, 2: the later
        // years) is missed.
        boolean[][] drop = new boolean[3][ChildServiceType.values().length];
        for (boolean[] w : drop) {
            w[ChildServiceType.LENGTH_HEIGHT.ordinal()] = c.chance(miss(s, 0.04));
            w[ChildServiceType.HEAD_CIRCUMFERENCE.ordinal()] = c.chance(miss(s, 0.04));
            w[ChildServiceType.DEVELOPMENT.ordinal()] = c.chance(miss(s, 0.05));
            w[ChildServiceType.VITAMIN_A_BLUE.ordinal()] = c.chance(miss(s, 0.07));
            w[ChildServiceType.VITAMIN_A_RED.ordinal()] = w[ChildServiceType.VITAMIN_A_BLUE.ordinal()];
        }
        String basicMissed = c.chance(miss(s, 0.10)) ? c.pick(BASIC_OFTEN_MISSED) : null;
        String boosterMissed = c.chance(miss(s, 0.10)) ? c.pick(BOOSTER_OFTEN_MISSED) : null;
        if (life != null && life.clip) {
            // A window begun last year had its lapse drawn there.
            if (birth.isBefore(jan1)) {
                java.util.Arrays.fill(drop[0], false);
            }
            if (birth.plusYears(1).isBefore(jan1)) {
                java.util.Arrays.fill(drop[1], false);
            }
        }
        String pkm = home.puskesmas();
        LocalDate birthday1 = birth.plusYears(1);
        LocalDate birthday2 = birth.plusYears(2);

        if (from.equals(birth)) {
            b.add(new ChildService(birth, pkm, ChildServiceType.WEIGHING, null, tenths(3.2 + r.gaussian(0, 0.4))));
        }
        int posyanduDay = home.posyanduDay();
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(dec31); month = month.plusMonths(1)) {
            // Posyandu days are 5–25: every month has them.
            LocalDate d = month.withDayOfMonth(posyanduDay);
            if (d.isBefore(from) || !d.isAfter(birth)) {
                continue;
            }
            int m = ageMonths(birth, d);
            if (poorAttendance ? r.chance(0.45) : r.chance(0.97)) {
                b.add(new ChildService(d, pkm, ChildServiceType.WEIGHING, null,
                        tenths(weightKg(m) * (1 + r.gaussian(0, 0.07)))));
                if (r.chance(0.04)) {
                    b.add(new ChildService(d, pkm, ChildServiceType.MTBS, null, null));
                }
            }
            int mv = month.getMonthValue();
            if (mv == 2 || mv == 8) {
                campaign(r, b, d, m, drop[window(d, birthday1, birthday2)], pkm);
            }
        }
        Rng dev = Rng.of(seed, CHILD_STREAM + 1, child);
        for (int m : DEVELOPMENT_MONTHS) {
            LocalDate d = birth.plusMonths(m).plusDays(dev.between(0, 14));
            if (d.isBefore(from) || d.isAfter(dec31)) {
                continue;
            }
            boolean[] w = drop[window(d, birthday1, birthday2)];
            if (w[ChildServiceType.DEVELOPMENT.ordinal()]) {
                w[ChildServiceType.DEVELOPMENT.ordinal()] = false;
                continue;
            }
            b.add(new ChildService(d, pkm, ChildServiceType.DEVELOPMENT, null, null));
        }
        if (monthsAtQ1 < 36) {
            immunisations(Rng.of(seed, CHILD_STREAM + 2, child), b, birth, from, pkm, basicMissed, boosterMissed);
        }
        return true;
    }

    private static final int[] DEVELOPMENT_MONTHS = { 3, 6, 9, 11, 15, 21, 30, 42, 54 };
    private static final String[] BASIC_OFTEN_MISSED = { "MR1", "DPT-HB-HIB3", "BCG" };
    private static final String[] BOOSTER_OFTEN_MISSED = { "MR2", "DPT-HB-HIB4" };

    /** 0 before the 1st birthday (standard 1), 1 before the 2nd (standard 2), else 2. */
    private static int window(LocalDate d, LocalDate birthday1, LocalDate birthday2) {
        return d.isBefore(birthday1) ? 0 : d.isBefore(birthday2) ? 1 : 2;
    }

    /** February and August: length, head circumference (from 24 months in August only) and vitamin A. */
    private void campaign(Rng r, PersonRecord.Builder b, LocalDate d, int m, boolean[] drop, String pkm) {
        for (ChildServiceType t : MEASURED) {
            if (t == ChildServiceType.HEAD_CIRCUMFERENCE && m >= 24 && d.getMonthValue() != 8) {
                continue;
            }
            if (drop[t.ordinal()]) {
                drop[t.ordinal()] = false;
                continue;
            }
            double cm = t == ChildServiceType.LENGTH_HEIGHT ? lengthCm(m) : headCm(m);
            b.add(new ChildService(d, pkm, t, null, tenths(cm + r.gaussian(0, 1.2))));
        }
        if (m >= 6 && m <= 59) {
            ChildServiceType vitaminA = m <= 11 ? ChildServiceType.VITAMIN_A_BLUE : ChildServiceType.VITAMIN_A_RED;
            if (drop[vitaminA.ordinal()]) {
                drop[vitaminA.ordinal()] = false;
            } else {
                b.add(new ChildService(d, pkm, vitaminA, null, null));
            }
        }
    }

    private static final ChildServiceType[] MEASURED = { ChildServiceType.LENGTH_HEIGHT,
            ChildServiceType.HEAD_CIRCUMFERENCE };

    private static final Object[][] SCHEDULE = { { 0, 1, "HB0" }, { 30, 40, "BCG" }, { 30, 40, "OPV1" },
            { 60, 70, "DPT-HB-HIB1", "OPV2", "PCV1" }, { 90, 100, "DPT-HB-HIB2", "OPV3", "PCV2" },
            { 120, 130, "DPT-HB-HIB3", "OPV4", "IPV1" }, { 270, 290, "MR1" }, { 365, 385, "PCV3" },
            { 540, 560, "DPT-HB-HIB4", "MR2" } };

    /** The schedule from birth; doses before {@code from} (outside every judged window) are not listed. */
    private void immunisations(Rng r, PersonRecord.Builder b, LocalDate birth, LocalDate from, String pkm,
            String basicMissed, String boosterMissed) {
        for (Object[] s : SCHEDULE) {
            LocalDate d = birth.plusDays(r.between((Integer) s[0], (Integer) s[1]));
            if (d.isAfter(dec31)) {
                return;
            }
            if (d.isBefore(from)) {
                continue;
            }
            for (int i = 2; i < s.length; i++) {
                if (!s[i].equals(basicMissed) && !s[i].equals(boosterMissed)) {
                    b.add(new ChildService(d, pkm, ChildServiceType.IMMUNISATION, (String) s[i], null));
                }
            }
        }
    }

    private static int ageMonths(LocalDate birth, LocalDate on) {
        int m = (on.getYear() - birth.getYear()) * 12 + on.getMonthValue() - birth.getMonthValue();
        return birth.plusMonths(m).isAfter(on) ? m - 1 : m;
    }

    private static double weightKg(int m) {
        if (m <= 3) {
            return 3.3 + 1.03 * m;
        }
        if (m <= 12) {
            return 6.4 + 0.356 * (m - 3);
        }
        if (m <= 24) {
            return 9.6 + 0.217 * (m - 12);
        }
        return 12.2 + 0.175 * (m - 24);
    }

    private static double lengthCm(int m) {
        if (m <= 12) {
            return 49.9 + 2.15 * m;
        }
        if (m <= 24) {
            return 75.7 + 0.94 * (m - 12);
        }
        return 87 + 0.63 * (m - 24);
    }

    private static double headCm(int m) {
        return m <= 12 ? 34.5 + 0.96 * m : Math.min(51, 46 + 0.1 * (m - 12));
    }

    // ---------------------------------------------------------------- service 5

    /** §9.5: one screening in the school year (June to May) and the BIAS doses of grades 1, 2 and 5. */
    private void school(Rng r, PersonRecord.Builder b, Person p, Home home) {
        int grade = (year - 1) - p.birthDate().getYear() - 5;
        if (grade < 1 || grade > 9 || !r.chance(reach(SpmService.SCHOOL_AGE, SCHOOL_REACHED))) {
            return;
        }
        LocalDate exam = r.chance(0.85) ? r.date(LocalDate.of(year - 1, 7, 15), LocalDate.of(year - 1, 10, 31))
                : r.date(LocalDate.of(year, 1, 10), LocalDate.of(year, 3, 31));
        int ageAtExam = ageYears(p.birthDate(), exam);
        boolean outside = ageAtExam >= 7 && ageAtExam <= 15 && r.chance(0.03);
        SchoolPlace place;
        if (outside) {
            place = ageAtExam >= 14 && p.sex() == Sex.MALE && r.chance(0.2) ? SchoolPlace.LAPAS_LPKA
                    : r.chance(0.45) ? SchoolPlace.PANTI_LKSA : SchoolPlace.POSYANDU_REMAJA;
        } else {
            double u = r.nextDouble();
            place = u < 0.85 ? SchoolPlace.SCHOOL : u < 0.97 ? SchoolPlace.MADRASAH : SchoolPlace.PESANTREN;
        }
        Integer g = outside ? null : grade;
        // The grade-equivalent age outside school (§9.5: grade 1 = age 7, 2 = 8, 5 = 11).
        int level = outside ? ageAtExam - 6 : grade;
        String npsn = outside ? null
                : String.format("%d%07d", place == SchoolPlace.SCHOOL ? 4 : 6, home.slot() * 10 + (grade <= 6 ? 1 : 2));
        SpmService s = SpmService.SCHOOL_AGE;
        boolean missHearing = r.chance(miss(s, 0.05));
        boolean missSight = r.chance(miss(s, 0.04));
        boolean missDental = r.chance(miss(s, 0.03));
        boolean anaemiaDue = p.sex() == Sex.FEMALE && level == 7;
        boolean missAnaemia = r.chance(miss(s, 0.12));
        String nutrition = r.pick(SCHOOL_NUTRITION);
        String dental = r.chance(0.45) ? "Karies" : "Normal";
        String sight = r.chance(0.1) ? "Gangguan Refraksi" : "Normal";
        String anaemia = anaemiaDue && !missAnaemia ? (r.chance(0.25) ? "Anemia" : "Normal") : null;
        boolean finding = !"Normal".equals(nutrition) || "Karies".equals(dental) || !"Normal".equals(sight)
                || "Anemia".equals(anaemia);
        String followUp = finding ? (r.chance(0.6) ? "Konseling" : "Rujuk ke Puskesmas") : null;
        b.add(new SchoolExam(exam, home.puskesmas(), npsn, place, g, nutrition, "Normal",
                missDental ? null : dental, missSight ? null : sight, missHearing ? null : "Normal", anaemia,
                followUp, null));

        boolean missBias = r.chance(miss(s, 0.08));
        List<BiasAntigen> doses = new ArrayList<>();
        if (level == 1) {
            doses.add(BiasAntigen.MR);
            doses.add(BiasAntigen.DT);
        } else if (level == 2 || level == 5) {
            doses.add(BiasAntigen.TD);
        }
        if (missBias && !doses.isEmpty()) {
            doses.remove(r.nextInt(doses.size()));
        }
        for (BiasAntigen a : doses) {
            // BIAS: measles-rubella in August, DT and Td in November.
            LocalDate d = a == BiasAntigen.MR ? r.date(LocalDate.of(year - 1, 8, 1), LocalDate.of(year - 1, 8, 31))
                    : r.date(LocalDate.of(year - 1, 11, 1), LocalDate.of(year - 1, 11, 30));
            b.add(new SchoolExam(d, home.puskesmas(), npsn, place, g, null, null, null, null, null, null, null, a));
        }
    }

    private static int ageYears(LocalDate birth, LocalDate on) {
        int y = on.getYear() - birth.getYear();
        return birth.plusYears(y).isAfter(on) ? y - 1 : y;
    }

    // ---------------------------------------------------------------- services 6 and 7

    /** §9.6 and §9.7: one or two screenings in the year, each item recorded unless a lapse drops it. */
    private void screening(Rng r, PersonRecord.Builder b, Person p, Home home, boolean hypertensive,
            boolean diabetic) {
        LocalDate adult = p.birthDate().plusYears(15);
        LocalDate from = adult.isAfter(jan1) ? adult : jan1;
        int ageEnd = year - p.birthDate().getYear();
        boolean elderly = ageEnd >= 60;
        SpmService s = elderly ? SpmService.ELDERLY : SpmService.PRODUCTIVE_AGE;
        if (from.isAfter(dec31) || !r.chance(reach(s, elderly ? ELDERLY_SCREENED : PRODUCTIVE_SCREENED))) {
            return;
        }
        boolean female = p.sex() == Sex.FEMALE;
        boolean missWaist = r.chance(miss(s, elderly ? 0.04 : 0.06));
        boolean missMental = r.chance(miss(s, elderly ? 0.03 : 0.08));
        boolean missSight = r.chance(miss(s, 0.03));
        boolean missHearing = r.chance(miss(s, 0.03));
        boolean missRisky = r.chance(miss(s, 0.04));
        boolean missGlucose = r.chance(miss(s, elderly ? 0.05 : 0.10));
        boolean missPuma = r.chance(miss(s, 0.10));
        boolean missTetanus = r.chance(miss(s, 0.10));
        boolean noEducation = r.chance(miss(s, elderly ? 0.03 : 0.04));
        boolean missLila = r.chance(miss(s, elderly ? 0.05 : 0.25));
        boolean missCholesterol = r.chance(miss(s, 0.12));
        boolean missSkilas = r.chance(miss(s, 0.07));
        boolean missAdl = r.chance(miss(s, 0.06));
        boolean glucoseAnyway = r.chance(0.4);
        Boolean familyDm = r.chance(0.15) ? null : r.chance(diabetic ? 0.4 : 0.1);
        Boolean bride = !elderly && ageEnd >= 18 && ageEnd <= 35 ? (r.chance(0.03) ? Boolean.TRUE : Boolean.FALSE)
                : null;
        double height = female ? r.gaussian(151.5, 6) : r.gaussian(162.5, 6.5);
        double bmi = Math.max(15, Math.min(42, r.gaussian(diabetic ? 26.5 : 23.5, 4.2)));
        String[] risky = female ? FEMALE_RISK : MALE_RISK;
        int count = r.chance(0.15) ? 2 : 1;
        for (int i = 0; i < count; i++) {
            LocalDate date = r.date(from, dec31);
            int age = ageYears(p.birthDate(), date);
            ScreeningPlace place = elderly
                    ? r.pick(new ScreeningPlace[] { ScreeningPlace.POSYANDU, ScreeningPlace.POSYANDU,
                            ScreeningPlace.PUSKESMAS, ScreeningPlace.HOME_VISIT, ScreeningPlace.POSBINDU })
                    : r.pick(new ScreeningPlace[] { ScreeningPlace.POSBINDU, ScreeningPlace.POSBINDU,
                            ScreeningPlace.PUSKESMAS, ScreeningPlace.POSYANDU, ScreeningPlace.OTHER });
            int systolic = hypertensive ? r.gaussianInt(152, 14, 110, 220) : r.gaussianInt(121, 11, 90, 165);
            int diastolic = hypertensive ? r.gaussianInt(95, 9, 70, 130) : r.gaussianInt(78, 7, 55, 105);
            double weight = bmi * height * height / 10_000 * (1 + r.gaussian(0, 0.01));
            BigDecimal weightKg = tenths(weight);
            BigDecimal heightCm = tenths(height);
            // §9.6 judges BMI ≥ 27 exactly on the recorded weight and height, not on the drawn BMI.
            boolean glucoseDue = age >= 40 || Boolean.TRUE.equals(familyDm) || bmiAtLeast27(weightKg, heightCm)
                    || systolic >= 140 || diastolic >= 90;
            BigDecimal glucose = (glucoseDue || glucoseAnyway || elderly) && !missGlucose
                    ? whole(diabetic ? r.gaussianInt(215, 55, 110, 500) : r.gaussianInt(104, 16, 65, 199))
                    : null;
            boolean womanOfTetanusAge = female && age >= 15 && age <= 39;
            boolean womanOfIvaAge = female && age >= 30 && age <= 50;
            b.add(new Screening(date, r.chance(0.02) ? home.neighbour() : home.puskesmas(), home.desa(), place,
                    weightKg, heightCm, missWaist ? null : tenths(40 + 1.9 * bmi + r.gaussian(0, 3)),
                    (elderly || Boolean.TRUE.equals(bride)) && !missLila ? tenths(r.gaussian(27, 3)) : null,
                    systolic, diastolic, glucose,
                    elderly && !missCholesterol ? whole(r.gaussianInt(196, 38, 110, 350)) : null,
                    age >= 40 && !missPuma ? Integer.valueOf(r.gaussianInt(3, 2, 0, 10)) : null,
                    missSight ? null : r.chance(elderly ? 0.35 : 0.12) ? "Gangguan" : "Normal",
                    missHearing ? null : r.chance(elderly ? 0.2 : 0.05) ? "Gangguan" : "Normal",
                    missMental ? null : r.chance(0.9) ? "Normal" : r.chance(0.6) ? "Gejala Depresi" : "Gejala Cemas",
                    missRisky ? null : r.pick(risky),
                    womanOfIvaAge && r.chance(0.3) ? (r.chance(0.97) ? "Negatif" : "Positif") : null,
                    womanOfIvaAge && r.chance(0.25) ? (r.chance(0.98) ? "Normal" : "Benjolan") : null,
                    womanOfTetanusAge && !missTetanus ? "T" + r.between(1, 5) : null,
                    elderly && !missSkilas ? r.pick(SKILAS) : null,
                    elderly && !missAdl ? Integer.valueOf(adl(r)) : null, familyDm, bride,
                    noEducation ? (r.chance(0.5) ? null : Boolean.FALSE) : Boolean.TRUE));
        }
    }

    /** weight ÷ (height/100)² ≥ 27, exactly: in tenths, weight × 100 000 ≥ 27 × height². */
    private static boolean bmiAtLeast27(BigDecimal weightKg, BigDecimal heightCm) {
        long w = weightKg.unscaledValue().longValueExact();
        long h = heightCm.unscaledValue().longValueExact();
        return w * 100_000 >= 27 * h * h;
    }

    private static int adl(Rng r) {
        double u = r.nextDouble();
        return u < 0.70 ? 20 : u < 0.92 ? r.between(12, 19) : u < 0.97 ? r.between(9, 11) : r.between(0, 8);
    }

    // ---------------------------------------------------------------- services 8 and 9

    /**
     * §9.8 / §9.9: monthly follow-up from January (diagnosed before the year, with visits last year) or
     * from the month of diagnosis; adherent patients rarely miss a month, the others often do.
     */
    private void ptm(Rng r, PersonRecord.Builder b, Person p, Home home, boolean diabetes, Boolean inCareLastYear) {
        SpmService s = diabetes ? SpmService.DIABETES : SpmService.HYPERTENSION;
        LocalDate adult = p.birthDate().plusYears(15);
        boolean known = (inCareLastYear != null ? inCareLastYear : r.chance(0.75))
                && adult.isBefore(LocalDate.of(year - 1, 10, 1));
        int firstMonth = known ? 1 : r.between(1, 12);
        if (!known && adult.isAfter(LocalDate.of(year, firstMonth, 1))) {
            if (adult.isAfter(LocalDate.of(year, 12, 1))) {
                return;
            }
            firstMonth = adult.getMonthValue() + 1;
            if (firstMonth > 12) {
                return;
            }
        }
        boolean adherent = r.chance(reach(s, 0.45));
        boolean noDrug = r.chance(miss(s, 0.05));
        boolean noEducation = r.chance(miss(s, 0.03));
        boolean pressureMissed = r.chance(miss(s, 0.03));
        String dx = diabetes ? (r.chance(0.85) ? "E11" : "E14") : (r.chance(0.93) ? "I10" : "I11");
        if (known && !life.clip) {
            // Last year's visits of a known patient; carried on, they are last year's own records.
            int before = r.between(1, 3);
            for (int i = 0; i < before; i++) {
                LocalDate d = r.date(LocalDate.of(year - 1, 10, 1), LocalDate.of(year - 1, 12, 31));
                b.add(ptmVisit(r, d, home.puskesmas(), dx, diabetes, true, !noDrug, !noEducation, true));
            }
        }
        boolean educated = false;
        boolean first = true;
        for (int m = firstMonth; m <= 12; m++) {
            if (!(first && !known) && !r.chance(adherent ? 0.99 : 0.65)) {
                continue;
            }
            LocalDate d = LocalDate.of(year, m, r.between(1, 28));
            boolean pressure = !(pressureMissed && first);
            String pkm = r.chance(0.02) ? home.neighbour() : home.puskesmas();
            b.add(ptmVisit(r, d, pkm, dx, diabetes, pressure, !noDrug, !noEducation && !educated, adherent || r.chance(0.8)));
            educated = educated || !noEducation;
            first = false;
        }
    }

    private PtmVisit ptmVisit(Rng r, LocalDate d, String pkm, String dx, boolean diabetes, boolean pressure,
            boolean drugs, boolean education, boolean glucoseDone) {
        Integer sys = null;
        Integer dia = null;
        if (pressure) {
            sys = diabetes ? r.gaussianInt(132, 15, 95, 200) : r.gaussianInt(146, 14, 105, 210);
            dia = diabetes ? r.gaussianInt(82, 8, 55, 120) : r.gaussianInt(90, 8, 60, 125);
        }
        GlucoseTest test = null;
        BigDecimal glucose = null;
        if (diabetes && glucoseDone) {
            double u = r.nextDouble();
            test = u < 0.6 ? GlucoseTest.RANDOM_GDS : u < 0.9 ? GlucoseTest.FASTING_GDP : GlucoseTest.HBA1C;
            glucose = test == GlucoseTest.HBA1C ? tenths(r.gaussian(8.1, 1.4) < 5 ? 5 : r.gaussian(8.1, 1.4))
                    : whole(r.gaussianInt(test == GlucoseTest.FASTING_GDP ? 150 : 205, 45, 80, 480));
        }
        Boolean clinical = diabetes ? (r.chance(0.98) ? Boolean.TRUE : null) : Boolean.TRUE;
        Boolean therapy = drugs ? Boolean.TRUE : Boolean.FALSE;
        return new PtmVisit(d, pkm, dx, sys, dia, test, glucose, clinical, education ? Boolean.TRUE : null, therapy,
                r.chance(0.01));
    }

    // ---------------------------------------------------------------- services 10–12

    /** §9.10: a full examination at the first visit, education and management over the year. */
    private void mental(Rng r, PersonRecord.Builder b, Person p, Home home, Boolean inCareLastYear) {
        SpmService s = SpmService.SEVERE_MENTAL_DISORDER;
        String dx = r.chance(0.7) ? "F20" : r.chance(0.5) ? "F23" : r.pick(new String[] { "F25", "F29", "F22" });
        LocalDate adult = p.birthDate().plusYears(15);
        boolean known = (inCareLastYear != null ? inCareLastYear : r.chance(0.7))
                && adult.isBefore(LocalDate.of(year - 1, 7, 1));
        boolean noFullExam = r.chance(miss(s, 0.05));
        boolean noEducation = r.chance(miss(s, 0.08));
        boolean noManagement = r.chance(miss(s, 0.05));
        if (known && !life.clip) {
            b.add(new MentalHealthVisit(r.date(LocalDate.of(year - 1, 7, 1), LocalDate.of(year - 1, 12, 31)),
                    home.puskesmas(), dx, Boolean.TRUE, Boolean.TRUE, Boolean.TRUE, Boolean.TRUE, Boolean.FALSE));
        }
        int month = known ? r.between(1, 3) : r.between(1, 12);
        boolean first = true;
        while (month <= 12) {
            LocalDate d = LocalDate.of(year, month, r.between(1, 28));
            if (d.isBefore(adult)) {
                month++;
                continue;
            }
            b.add(new MentalHealthVisit(d, home.puskesmas(), dx, first || r.chance(0.4) ? Boolean.TRUE : null,
                    noFullExam ? null : first ? Boolean.TRUE : r.chance(0.4) ? Boolean.TRUE : null,
                    noEducation ? Boolean.FALSE : first || r.chance(0.5) ? Boolean.TRUE : null,
                    noManagement ? null : Boolean.TRUE, first && r.chance(0.1)));
            first = false;
            month += r.between(1, 3);
        }
    }

    /** §9.11: presumed in the year; most get a TCM within two weeks, some microscopy or radiology, some none. */
    private void tb(Rng r, PersonRecord.Builder b, Person p, Home home) {
        LocalDate presumed = r.date(p.birthDate().isAfter(jan1) ? p.birthDate() : jan1, dec31);
        // Under the year's quality the share left without examination (u ≥ 0.84) is 0.16 ÷ q.
        double u = r.nextDouble();
        double q = q(SpmService.TB_PRESUMPTIVE);
        if (q != 1) {
            u = 1 - (1 - u) * q;
        }
        TbExamType type = u < 0.70 ? TbExamType.TCM
                : u < 0.80 ? TbExamType.MICROSCOPY
                        : u < 0.84 ? TbExamType.RADIOLOGY : null;
        if (type == null) {
            b.add(new TbPresumption(presumed, home.puskesmas(), null, null, null));
            return;
        }
        LocalDate exam = presumed.plusDays(r.between(0, 14));
        if (exam.isAfter(dec31)) {
            b.add(new TbPresumption(presumed, home.puskesmas(), null, null, null));
            return;
        }
        boolean positive = r.chance(0.12);
        String result = type == TbExamType.TCM ? (positive ? "MTB Detected, Rif Resistance Not Detected" : "MTB Not Detected")
                : type == TbExamType.MICROSCOPY ? (positive ? "BTA Positif" : "BTA Negatif")
                        : (positive ? "Sugestif TB" : "Tidak Sugestif TB");
        b.add(new TbPresumption(presumed, home.puskesmas(), exam, type, result));
        if (!positive && type == TbExamType.TCM && r.chance(0.15)) {
            // Radiology after a negative TCM (§2.11).
            LocalDate xray = exam.plusDays(r.between(3, 20));
            if (!xray.isAfter(dec31)) {
                positive = r.chance(0.3);
                b.add(new TbPresumption(presumed, home.puskesmas(), xray, TbExamType.RADIOLOGY,
                        positive ? "Sugestif TB" : "Tidak Sugestif TB"));
                exam = xray;
            }
        }
        if (positive && home.hivByName()) {
            hiv(r, b, home, RiskGroup.TB_PATIENT, exam.plusDays(r.between(0, 14)), 0.8);
        }
    }

    /** The key populations of §2.12, at most one group per person. */
    private void keyPopulation(Rng r, PersonRecord.Builder b, Person p, Home home) {
        boolean male = p.sex() == Sex.MALE;
        double u = r.nextDouble();
        RiskGroup g = null;
        double c = 0.003;
        if (u < c) {
            g = RiskGroup.STI_PATIENT;
        } else if (u < (c += male ? 0.0005 : 0.0025)) {
            g = RiskGroup.SEX_WORKER;
        } else if (male && u < (c += 0.003)) {
            g = RiskGroup.MSM;
        } else if (male && u < (c += 0.0005)) {
            g = RiskGroup.TRANSGENDER;
        } else if (u < (c += 0.0004)) {
            g = RiskGroup.PEOPLE_WHO_INJECT_DRUGS;
        } else if (male && u < c + 0.002) {
            g = RiskGroup.PRISONER;
        }
        if (g != null && home.hivByName()) {
            hiv(r, b, home, g, r.date(jan1, dec31), 0.65);
        }
    }

    /** Every pregnant woman is at risk (§2.12): recorded at her first antenatal visit, else at the outcome. */
    private void pregnantWomanHiv(Rng r, PersonRecord.Builder b, Home home, List<AncVisit> visits, LocalDate outcome) {
        if (!home.hivByName()) {
            return;
        }
        if (!visits.isEmpty()) {
            hiv(r, b, home, RiskGroup.PREGNANT_WOMAN, visits.get(0).date(), 0.82);
        } else if (outcome != null) {
            hiv(r, b, home, RiskGroup.PREGNANT_WOMAN, outcome, 0.5);
        }
    }

    private void hiv(Rng r, PersonRecord.Builder b, Home home, RiskGroup group, LocalDate recorded, double tested) {
        if (recorded.isAfter(dec31)) {
            return;
        }
        LocalDate test = group == RiskGroup.PREGNANT_WOMAN ? recorded : recorded.plusDays(r.between(0, 30));
        if (!r.chance(reach(SpmService.HIV_RISK, tested)) || test.isAfter(dec31)) {
            b.add(new HivRiskRecord(recorded, home.puskesmas(), group, null, null, null));
            return;
        }
        boolean reactive = r.chance(group == RiskGroup.PREGNANT_WOMAN ? 0.003 : 0.03);
        b.add(new HivRiskRecord(recorded, home.puskesmas(), group, test, HivTestType.R1,
                reactive ? "Reaktif" : "Non Reaktif"));
        if (reactive) {
            b.add(new HivRiskRecord(recorded, home.puskesmas(), group, test, HivTestType.R2, "Reaktif"));
            b.add(new HivRiskRecord(recorded, home.puskesmas(), group, test, HivTestType.R3, "Reaktif"));
        }
    }

    // ---------------------------------------------------------------- values

    /** One decimal, shared instances for the common range so 250,000 persons stay light. */
    static BigDecimal tenths(double v) {
        long t = Math.round(Math.max(0, v) * 10);
        return t < TENTHS.length ? TENTHS[(int) t] : BigDecimal.valueOf(t, 1);
    }

    static BigDecimal whole(int v) {
        return v >= 0 && v < WHOLE.length ? WHOLE[v] : BigDecimal.valueOf(v);
    }
}
