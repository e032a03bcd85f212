package id.spm.rules.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.ScreeningParameters;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.Event;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.Screening;
import id.spm.rules.model.ScreeningPlace;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

/** Persons and events for the tests of services 6–12. */
final class AdultFixtures {

    static final String P1 = "P3273110201";
    static final String P2 = "P3273110202";
    static final Period Y2025 = Period.ofYear(2025);
    static final Period Q1 = Period.ofQuarter(2025, 1);
    static final Period Q2 = Period.ofQuarter(2025, 2);
    static final Period Q3 = Period.ofQuarter(2025, 3);

    private AdultFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Person person(String birth, Sex sex) {
        return new Person("k-" + birth + "-" + sex, d(birth), sex, null, null);
    }

    static PersonRecord record(Person p, List<? extends Event> events) {
        return PersonRecord.builder(p).addAll(events).build();
    }

    static PersonRecord record(Person p, Event... events) {
        return record(p, List.of(events));
    }

    static Context ctx(Period period) {
        return new Context(period, RuleSets.PMK_6_2024);
    }

    static Context ctx(Period period, RuleSet ruleSet) {
        return new Context(period, ruleSet);
    }

    /** The default rule set with other screening parameters (RuleSet has no wither for them). */
    static RuleSet withScreening(ScreeningParameters s) {
        RuleSet r = RuleSets.PMK_6_2024;
        return new RuleSet(r.id(), r.regulation(), r.effectiveFromYear(), r.antenatal(), r.delivery(), r.newborn(),
                r.balita(), r.schoolAge(), s, r.chronicCare(), r.index());
    }

    /** The single decision of a rule, or {@code null} when the person is not a recipient. */
    static Decision decide(ServiceRule rule, PersonRecord p, Context ctx) {
        List<Decision> ds = rule.decide(p, ctx);
        if (ds.isEmpty()) {
            return null;
        }
        if (ds.size() != 1) {
            throw new AssertionError("one decision per person expected, got " + ds);
        }
        return ds.get(0);
    }

    static List<String> codes(Decision d) {
        List<String> out = new ArrayList<>();
        d.reasons().forEach(r -> out.add(r.code()));
        return out;
    }

    static List<String> assumptionCodes(Decision d) {
        List<String> out = new ArrayList<>();
        d.assumptions().forEach(a -> out.add(a.code()));
        return out;
    }

    // ---- asik-skrining ----

    /** A screening row under construction; starts empty. */
    static final class Scr {
        LocalDate date;
        String puskesmas = P1;
        BigDecimal weight;
        BigDecimal height;
        BigDecimal waist;
        BigDecimal lila;
        Integer systolic;
        Integer diastolic;
        BigDecimal glucose;
        BigDecimal cholesterol;
        Integer puma;
        String sight;
        String hearing;
        String mental;
        String risky;
        String iva;
        String sadanis;
        String tetanus;
        String skilas;
        Integer adl;
        Boolean familyDm;
        Boolean catin;
        Boolean education;

        static Scr on(String date) {
            Scr s = new Scr();
            s.date = d(date);
            return s;
        }

        /** Everything service 6 requires of every recipient, with a normal BMI and blood pressure. */
        static Scr productive(String date) {
            Scr s = on(date);
            s.weight = new BigDecimal("60");
            s.height = new BigDecimal("165");
            s.waist = new BigDecimal("80");
            s.systolic = 120;
            s.diastolic = 80;
            s.risky = "Tidak merokok";
            s.mental = "Normal";
            s.sight = "Normal";
            s.hearing = "Normal";
            s.education = true;
            return s;
        }

        /** Everything service 7 requires. */
        static Scr elderly(String date) {
            Scr s = productive(date);
            s.lila = new BigDecimal("25");
            s.glucose = new BigDecimal("110");
            s.cholesterol = new BigDecimal("190");
            s.skilas = "Normal";
            s.adl = 20;
            return s;
        }

        Scr at(String p) {
            puskesmas = p;
            return this;
        }

        Scr weightHeight(String w, String h) {
            weight = w == null ? null : new BigDecimal(w);
            height = h == null ? null : new BigDecimal(h);
            return this;
        }

        Scr bp(Integer sys, Integer dia) {
            systolic = sys;
            diastolic = dia;
            return this;
        }

        Scr glucose(String g) {
            glucose = new BigDecimal(g);
            return this;
        }

        Scr cholesterol(String c) {
            cholesterol = new BigDecimal(c);
            return this;
        }

        Scr puma(int score) {
            puma = score;
            return this;
        }

        Scr tetanus(String t) {
            tetanus = t;
            return this;
        }

        Scr lila(String l) {
            lila = new BigDecimal(l);
            return this;
        }

        Scr iva(String v) {
            iva = v;
            return this;
        }

        Scr adl(int score) {
            adl = score;
            return this;
        }

        Scr familyDm() {
            familyDm = true;
            return this;
        }

        Scr catin() {
            catin = true;
            return this;
        }

        Scr education(Boolean e) {
            education = e;
            return this;
        }

        /** Clears items, as if the column were blank. */
        Scr without(ScreeningItem... items) {
            for (ScreeningItem i : items) {
                switch (i) {
                    case WEIGHT -> weight = null;
                    case HEIGHT -> height = null;
                    case WAIST -> waist = null;
                    case LILA -> lila = null;
                    case SYSTOLIC -> systolic = null;
                    case DIASTOLIC -> diastolic = null;
                    case GLUCOSE -> glucose = null;
                    case CHOLESTEROL -> cholesterol = null;
                    case PUMA -> puma = null;
                    case SIGHT -> sight = null;
                    case HEARING -> hearing = null;
                    case MENTAL_HEALTH -> mental = null;
                    case RISKY_BEHAVIOUR -> risky = null;
                    case TETANUS -> tetanus = null;
                    case IVA_SADANIS -> {
                        iva = null;
                        sadanis = null;
                    }
                    case SKILAS -> skilas = null;
                    case ADL_BARTHEL -> adl = null;
                    case EDUCATION -> education = null;
                }
            }
            return this;
        }

        Screening build() {
            return new Screening(date, puskesmas, null, ScreeningPlace.POSBINDU, weight, height, waist, lila, systolic,
                    diastolic, glucose, cholesterol, puma, sight, hearing, mental, risky, iva, sadanis, tetanus, skilas,
                    adl, familyDm, catin, education);
        }
    }

    // ---- ptm-kunjungan ----

    static final class Ptm {
        LocalDate date;
        String puskesmas = P1;
        String diagnosis;
        Integer systolic;
        Integer diastolic;
        BigDecimal glucose;
        Boolean clinical;
        Boolean education;
        Boolean drug;

        static Ptm on(String date, String diagnosis) {
            Ptm p = new Ptm();
            p.date = d(date);
            p.diagnosis = diagnosis;
            return p;
        }

        /** A hypertension visit with blood pressure 130/85 and nothing else. */
        static Ptm ht(String date) {
            return on(date, "I10").bp(130, 85);
        }

        /** A diabetes visit with clinical examination and a glucose result. */
        static Ptm dm(String date) {
            return on(date, "E11").clinical(true).glucose("150");
        }

        Ptm at(String p) {
            puskesmas = p;
            return this;
        }

        Ptm bp(Integer sys, Integer dia) {
            systolic = sys;
            diastolic = dia;
            return this;
        }

        Ptm glucose(String g) {
            glucose = g == null ? null : new BigDecimal(g);
            return this;
        }

        Ptm clinical(Boolean c) {
            clinical = c;
            return this;
        }

        Ptm education(Boolean e) {
            education = e;
            return this;
        }

        Ptm drug(Boolean dr) {
            drug = dr;
            return this;
        }

        PtmVisit build() {
            return new PtmVisit(date, puskesmas, diagnosis, systolic, diastolic, null, glucose, clinical, education,
                    drug, null);
        }
    }

    /** One visit on the 10th of each month from {@code from} to {@code to} (1–12) of 2025. */
    static List<PtmVisit> monthly(int from, int to, java.util.function.IntFunction<Ptm> visit) {
        List<PtmVisit> out = new ArrayList<>();
        for (int m = from; m <= to; m++) {
            out.add(visit.apply(m).build());
        }
        return out;
    }

    static String day(int month, int day) {
        return String.format("2025-%02d-%02d", month, day);
    }

    // ---- keswa-kunjungan, tbc-terduga, hiv-tes ----

    static MentalHealthVisit mh(String date, String diagnosis, Boolean status, Boolean interview, Boolean education,
            Boolean management) {
        return new MentalHealthVisit(d(date), P1, diagnosis, status, interview, education, management, null);
    }

    static TbPresumption tb(String presumed, String exam, TbExamType type) {
        return tb(presumed, exam, type, P1);
    }

    static TbPresumption tb(String presumed, String exam, TbExamType type, String puskesmas) {
        return new TbPresumption(d(presumed), puskesmas, exam == null ? null : d(exam), type, null);
    }

    static HivRiskRecord hiv(String recorded, String test, HivTestType type) {
        return hiv(recorded, test, type, P1);
    }

    static HivRiskRecord hiv(String recorded, String test, HivTestType type, String puskesmas) {
        return new HivRiskRecord(d(recorded), puskesmas, RiskGroup.STI_PATIENT, test == null ? null : d(test), type,
                null);
    }
}
