package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.Icd10;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.PersonRecord;

/**
 * Service 10, ODGJ berat (digest §2.10, §9.10). Recipients: a visit diagnosed F20–F29 in [1 Jan, E].
 * Counted when one visit (one date: its rows merge, §9 General) has mental status examination and
 * interview "yes", and education and management "yes" are each recorded at least once in the period.
 * All visits of the layout in [1 Jan, E] are read, whatever their diagnosis.
 */
public final class SevereMentalDisorderRule implements ServiceRule {

    static final String EXAM_MISSING = "ODGJ_MENTAL_EXAM_MISSING";
    static final String EDUCATION_MISSING = "ODGJ_EDUCATION_MISSING";
    static final String MANAGEMENT_MISSING = "ODGJ_MANAGEMENT_MISSING";

    @Override
    public SpmService service() {
        return SpmService.SEVERE_MENTAL_DISORDER;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<MentalHealthVisit> visits = person.mentalHealthVisits();
        if (visits.isEmpty()) {
            return List.of();
        }
        int size = visits.size();
        LocalDate start = ctx.start();
        LocalDate end = ctx.end();
        boolean recipient = false;
        for (int i = 0; i < size && !recipient; i++) {
            MentalHealthVisit v = visits.get(i);
            recipient = !v.date().isBefore(start) && !v.date().isAfter(end)
                    && Icd10.isSevereMentalDisorder(v.diagnosis());
        }
        if (!recipient) {
            return List.of();
        }
        boolean exam = false;
        boolean examOnly = false;
        boolean interviewOnly = false;
        boolean education = false;
        boolean management = false;
        for (int i = 0; i < size; i++) {
            MentalHealthVisit v = visits.get(i);
            if (v.date().isBefore(start) || v.date().isAfter(end)) {
                continue;
            }
            education |= Boolean.TRUE.equals(v.education());
            management |= Boolean.TRUE.equals(v.management());
            boolean status = Boolean.TRUE.equals(v.mentalStatusExam());
            boolean interview = Boolean.TRUE.equals(v.interview());
            if (exam || (!status && !interview)) {
                continue;
            }
            if (status && interview) {
                exam = true;
            } else {
                exam = sameDate(v, visits, status);
                examOnly |= status;
                interviewOnly |= interview;
            }
        }
        String puskesmas = Attribution.latest(end, visits);
        if (exam && education && management) {
            return List.of(new Decision.Counted(SpmService.SEVERE_MENTAL_DISORDER, "", puskesmas, List.of()));
        }
        String clause = ctx.clause("§9.10");
        String span = ctx.span();
        List<Reason> reasons = new ArrayList<>(3);
        if (!exam) {
            String detail = "";
            if (examOnly && interviewOnly) {
                detail = " (mental status examination and interview recorded on different dates)";
            } else if (examOnly) {
                detail = " (mental status examination without interview)";
            } else if (interviewOnly) {
                detail = " (interview without mental status examination)";
            }
            reasons.add(new Reason(EXAM_MISSING,
                    "no visit with both mental status examination and interview \"yes\"" + span + detail, clause));
        }
        if (!education) {
            reasons.add(new Reason(EDUCATION_MISSING, "education \"yes\" not recorded" + span, clause));
        }
        if (!management) {
            reasons.add(new Reason(MANAGEMENT_MISSING, "management (tatalaksana) \"yes\" not recorded" + span, clause));
        }
        return List.of(new Decision.NotCounted(SpmService.SEVERE_MENTAL_DISORDER, "", puskesmas, reasons, List.of()));
    }

    /** Whether another row of the visit's date records the part this row lacks. */
    private static boolean sameDate(MentalHealthVisit v, List<MentalHealthVisit> visits, boolean hasStatus) {
        LocalDate d = v.date();
        for (int j = 0, size = visits.size(); j < size; j++) {
            MentalHealthVisit w = visits.get(j);
            if (w != v && w.date().equals(d)
                    && Boolean.TRUE.equals(hasStatus ? w.interview() : w.mentalStatusExam())) {
                return true;
            }
        }
        return false;
    }
}
