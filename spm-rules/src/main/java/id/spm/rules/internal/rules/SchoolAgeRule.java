package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SchoolAgeParameters;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Ages;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.Sex;

/**
 * Service 5, usia pendidikan dasar (digest §2.5, §9.5): children in grades 1–9, or aged 7–15 outside
 * school, with a school-age record in the school year [1 Jun Y−1, 31 May Y] up to E. Screening items
 * are "at least once" standards, so they count as soon as they are met; there is no pending state.
 */
public final class SchoolAgeRule implements ServiceRule {

    private static final BiasAntigen[] ANTIGENS = BiasAntigen.values();
    private static final Assumption FOLLOW_UP_NOT_DECIDING = new Assumption("SCHOOL_FOLLOW_UP_NOT_RECORDED",
            "No follow-up of findings recorded in the school year; follow-up is reported, not deciding "
                    + "(schoolAge.followUpDecides=false)");
    private static final List<Assumption> FOLLOW_UP_ASSUMED = List.of(FOLLOW_UP_NOT_DECIDING);

    @Override
    public SpmService service() {
        return SpmService.SCHOOL_AGE;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<SchoolExam> exams = person.schoolExams();
        if (exams.isEmpty()) {
            return List.of();
        }
        // §9.5: the school year [1 Jun Y−1, 31 May Y], up to E.
        LocalDate from = ctx.period().schoolYearStart();
        LocalDate to = ctx.period().schoolYearEnd();

        LocalDate latest = null;
        String puskesmas = null;
        LocalDate gradeDate = null;
        int grade = 0;
        boolean nutrition = false;
        boolean vitalSigns = false;
        boolean oralDental = false;
        boolean sight = false;
        boolean hearing = false;
        boolean anaemia = false;
        boolean followUp = false;
        int bias = 0;
        for (int i = 0, n = exams.size(); i < n; i++) {
            SchoolExam e = exams.get(i);
            LocalDate d = e.date();
            if (d.isBefore(from) || d.isAfter(to)) {
                continue;
            }
            // §9 General attribution (latest record, ties the smallest code), read within the window as
            // for the by-name/aggregate choice of service 5: a record of the next school year does not move
            // the child.
            int c = latest == null ? 1 : d.compareTo(latest);
            if (c > 0 || (c == 0 && e.puskesmas().compareTo(puskesmas) < 0)) {
                latest = d;
                puskesmas = e.puskesmas();
            }
            Integer g = e.grade();
            if (g != null) {
                // §9.5: the latest graded record decides the grade (same-day records: the higher grade).
                int gc = gradeDate == null ? 1 : d.compareTo(gradeDate);
                if (gc > 0 || (gc == 0 && g > grade)) {
                    gradeDate = d;
                    grade = g;
                }
            }
            nutrition |= e.nutrition() != null;
            vitalSigns |= e.vitalSigns() != null;
            oralDental |= e.oralDental() != null;
            sight |= e.sight() != null;
            hearing |= e.hearing() != null;
            anaemia |= e.anaemia() != null;
            followUp |= e.followUp() != null;
            if (e.bias() != null) {
                bias |= 1 << e.bias().ordinal();
            }
        }
        if (latest == null) {
            return List.of();
        }

        SchoolAgeParameters params = ctx.ruleSet().schoolAge();
        Sex sex = person.person().sex();
        boolean inSchool = grade > 0;
        int age = 0;
        boolean anaemiaCase;
        Set<BiasAntigen> required;
        if (inSchool) {
            // §9.5: recipients in school are in grades 1–9.
            if (grade < params.minGrade() || grade > params.maxGrade()) {
                return List.of();
            }
            anaemiaCase = grade == params.anaemiaGrade();
            required = params.biasForGrade(grade);
        } else {
            // §9.5: outside school (no graded record in the window), aged 7–15 at the latest record.
            age = Ages.years(person.person().birthDate(), latest);
            if (age < params.minAgeOutsideSchool() || age > params.maxAgeOutsideSchool()) {
                return List.of();
            }
            anaemiaCase = age == params.anaemiaAgeOutsideSchool();
            required = params.biasForAge(age);
        }

        int requiredMask = 0;
        for (BiasAntigen a : ANTIGENS) {
            if (required.contains(a)) {
                requiredMask |= 1 << a.ordinal();
            }
        }
        boolean anaemiaDue = anaemiaCase && sex == Sex.FEMALE;
        // Fast path: the common counted child builds no message.
        if (nutrition && vitalSigns && oralDental && sight && hearing && (anaemia || !anaemiaCase)
                && (bias & requiredMask) == requiredMask && (followUp || !params.followUpDecides())) {
            return List.of(new Decision.Counted(SpmService.SCHOOL_AGE, "", puskesmas,
                    followUp ? List.of() : FOLLOW_UP_ASSUMED));
        }

        String group = inSchool ? "grade " + grade : "age " + age + " outside school";
        String clause = ctx.clause("§9.5");
        String window = " in the school year window " + from + " to " + to;
        List<Reason> reasons = null;
        List<Assumption> assumptions = null;
        if (!nutrition) {
            reasons = add(reasons, new Reason("SCHOOL_NUTRITION", "Status gizi not recorded" + window, clause));
        }
        if (!vitalSigns) {
            reasons = add(reasons, new Reason("SCHOOL_VITAL_SIGNS", "Tanda vital not recorded" + window, clause));
        }
        if (!oralDental) {
            reasons = add(reasons,
                    new Reason("SCHOOL_ORAL_DENTAL", "Gigi dan mulut not recorded" + window, clause));
        }
        if (!sight) {
            reasons = add(reasons, new Reason("SCHOOL_SIGHT", "Penglihatan not recorded" + window, clause));
        }
        if (!hearing) {
            reasons = add(reasons, new Reason("SCHOOL_HEARING", "Pendengaran not recorded" + window, clause));
        }
        // §9.5: anaemia also for girls in grade 7 or aged 12 outside school.
        if (anaemiaDue && !anaemia) {
            reasons = add(reasons, new Reason("SCHOOL_ANAEMIA",
                    "Anaemia (Hb) not recorded for a girl in " + group + window, clause));
        } else if (anaemiaCase && sex == null) {
            assumptions = add(assumptions, new Assumption("SCHOOL_SEX_UNKNOWN",
                    "Sex not recorded: the anaemia screening required of girls in " + group + " was not required"));
        }
        // §9.5: BIAS complete for the grade (or the equivalent age outside school).
        StringBuilder missing = null;
        for (BiasAntigen a : ANTIGENS) {
            int bit = 1 << a.ordinal();
            if ((requiredMask & bit) != 0 && (bias & bit) == 0) {
                missing = missing == null ? new StringBuilder() : missing.append(", ");
                missing.append(label(a));
            }
        }
        if (missing != null) {
            reasons = add(reasons, new Reason("SCHOOL_BIAS",
                    "BIAS incomplete for " + group + ": " + missing + " not given" + window, clause));
        }
        // §2.5 [interpretation]: follow-up is reported, and decides only when the rule set says so.
        if (!followUp) {
            if (params.followUpDecides()) {
                reasons = add(reasons,
                        new Reason("SCHOOL_FOLLOW_UP", "No follow-up of findings recorded" + window, clause));
            } else {
                assumptions = add(assumptions, FOLLOW_UP_NOT_DECIDING);
            }
        }
        List<Assumption> assumed = assumptions == null ? List.of() : assumptions;
        if (reasons == null) {
            return List.of(new Decision.Counted(SpmService.SCHOOL_AGE, "", puskesmas, assumed));
        }
        return List.of(new Decision.NotCounted(SpmService.SCHOOL_AGE, "", puskesmas, reasons, assumed));
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> out = list == null ? new ArrayList<>(4) : list;
        out.add(item);
        return out;
    }

    /** The spelling of the export: MR, DT, Td. */
    private static String label(BiasAntigen a) {
        return a == BiasAntigen.TD ? "Td" : a.name();
    }
}
