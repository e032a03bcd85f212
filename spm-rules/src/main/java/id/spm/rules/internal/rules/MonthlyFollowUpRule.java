package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Assumption;
import id.spm.rules.ChronicCareParameters;
import id.spm.rules.Decision;
import id.spm.rules.MonitoringPolicy;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Ages;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PtmVisit;

/**
 * Services 8 and 9, judged over the calendar months up to E (digest §2.8, §2.9, §9.8, §9.9). A
 * qualifying visit needs two parts (systolic and diastolic; clinical examination and glucose), which
 * may come from two rows of the same date: several records on one date are one visit (§9 General).
 * Nothing is pending: §9 judges these services on the months up to E, so a patient counted in one
 * quarter may drop out in the next.
 */
abstract class MonthlyFollowUpRule implements ServiceRule {

    /** Whether the visit carries this service's diagnosis (I10–I15, E10–E14). */
    abstract boolean diagnosed(PtmVisit v);

    abstract boolean firstPart(PtmVisit v);

    abstract boolean secondPart(PtmVisit v);

    /** Reason code prefix, e.g. {@code HYPERTENSION}. */
    abstract String prefix();

    /** Digest section, e.g. {@code §9.8}. */
    abstract String section();

    /** What a qualifying visit records, for messages: "systolic and diastolic pressure". */
    abstract String qualifyingText();

    /** §9.8: hypertension also needs drug therapy once a systolic above the threshold is recorded. */
    abstract boolean drugTherapyRule();

    @Override
    public final List<Decision> decide(PersonRecord person, Context ctx) {
        List<PtmVisit> visits = person.ptmVisits();
        if (visits.isEmpty()) {
            return List.of();
        }
        ChronicCareParameters p = ctx.ruleSet().chronicCare();
        LocalDate birth = person.person().birthDate();
        LocalDate start = ctx.start();
        LocalDate end = ctx.end();
        boolean diagnosedBefore = false;
        boolean recipient = false;
        LocalDate firstDiagnosed = null;
        int size = visits.size();
        // Attribution (§9 General) in the same pass: the latest visit on or before E, any diagnosis.
        LocalDate bestDate = null;
        String puskesmas = null;
        for (int i = 0; i < size; i++) {
            PtmVisit v = visits.get(i);
            LocalDate d = v.date();
            if (!d.isAfter(end)) {
                if (Attribution.wins(d, v.puskesmas(), bestDate, puskesmas)) {
                    bestDate = d;
                    puskesmas = v.puskesmas();
                }
            }
            if (!diagnosed(v)) {
                continue;
            }
            if (d.isBefore(start)) {
                diagnosedBefore = true;
            } else if (!d.isAfter(end)) {
                if (firstDiagnosed == null || d.isBefore(firstDiagnosed)) {
                    firstDiagnosed = d;
                }
                // §9.8/§9.9: a recipient is aged ≥ 15 on the date of a diagnosed visit in [1 Jan, E].
                recipient = recipient || Ages.years(birth, d) >= p.minAge();
            }
        }
        if (!recipient) {
            return List.of();
        }

        // Bit m set (1–12): the month has a qualifying visit.
        int okMonths = 0;
        boolean education = false;
        boolean drugTherapy = false;
        LocalDate highDate = null;
        int highSystolic = 0;
        boolean checkDrug = drugTherapyRule();
        for (int i = 0; i < size; i++) {
            PtmVisit v = visits.get(i);
            LocalDate d = v.date();
            if (d.isBefore(start) || d.isAfter(end)) {
                continue;
            }
            education |= Boolean.TRUE.equals(v.education());
            if (checkDrug) {
                drugTherapy |= Boolean.TRUE.equals(v.drugTherapy());
                Integer sys = v.systolic();
                if (sys != null && sys > p.drugTherapySystolicAbove() && (highDate == null || d.isBefore(highDate)
                        || (d.equals(highDate) && sys > highSystolic))) {
                    highDate = d;
                    highSystolic = sys;
                }
            }
            int bit = 1 << d.getMonthValue();
            if ((okMonths & bit) == 0 && qualifies(v, visits)) {
                okMonths |= bit;
            }
        }

        SpmService service = service();
        String clause = null;
        List<Reason> reasons = null;
        List<Assumption> assumptions = List.of();

        if (p.policy() == MonitoringPolicy.MONTHLY) {
            // §9.8: January when diagnosed before the period, else the month of the first diagnosed visit in it.
            int firstMonth = diagnosedBefore ? 1 : firstDiagnosed.getMonthValue();
            int lastMonth = end.getMonthValue();
            StringBuilder gaps = null;
            for (int m = firstMonth; m <= lastMonth; m++) {
                if ((okMonths & (1 << m)) != 0) {
                    continue;
                }
                if (gaps == null) {
                    gaps = new StringBuilder(64);
                } else {
                    gaps.append(", ");
                }
                appendYearMonth(gaps, end.getYear(), m);
            }
            if (gaps != null) {
                clause = ctx.clause(section());
                reasons = new ArrayList<>(3);
                reasons.add(new Reason(prefix() + "_MONTHS_MISSING",
                        "no qualifying visit in " + gaps + ": " + qualifyingText() + " required every month from "
                                + yearMonth(end.getYear(), firstMonth)
                                + (diagnosedBefore ? " (diagnosed before " + end.getYear() + ")"
                                        : " (first diagnosed " + firstDiagnosed + ")")
                                + " to " + yearMonth(end.getYear(), lastMonth),
                        clause));
            }
        } else {
            assumptions = List.of(new Assumption(prefix() + "_ONCE_IN_PERIOD",
                    "judged on at least one qualifying visit in the period, not every month (chronicCare.policy=ONCE_IN_PERIOD)"));
            if (okMonths == 0) {
                clause = ctx.clause(section());
                reasons = new ArrayList<>(3);
                reasons.add(new Reason(prefix() + "_NO_QUALIFYING_VISIT",
                        "no visit with " + qualifyingText() + ctx.span(), clause));
            }
        }
        if (!education) {
            if (reasons == null) {
                clause = ctx.clause(section());
                reasons = new ArrayList<>(2);
            }
            reasons.add(new Reason(prefix() + "_EDUCATION_MISSING",
                    "education \"yes\" not recorded at any visit" + ctx.span(), clause));
        }
        if (checkDrug && highDate != null && !drugTherapy) {
            if (reasons == null) {
                clause = ctx.clause(section());
                reasons = new ArrayList<>(1);
            }
            reasons.add(new Reason(prefix() + "_DRUG_THERAPY_MISSING",
                    "systolic " + highSystolic + " on " + highDate + " is above " + p.drugTherapySystolicAbove()
                            + " but drug therapy \"yes\" is not recorded" + ctx.span(),
                    clause));
        }
        if (reasons == null) {
            return List.of(new Decision.Counted(service, "", puskesmas, assumptions));
        }
        return List.of(new Decision.NotCounted(service, "", puskesmas, reasons, assumptions));
    }

    /** Both parts on the visit's date, from this row or another row of that date. */
    private boolean qualifies(PtmVisit v, List<PtmVisit> visits) {
        boolean a = firstPart(v);
        boolean b = secondPart(v);
        if (a && b) {
            return true;
        }
        if (!a && !b) {
            return false;
        }
        for (int j = 0, size = visits.size(); j < size; j++) {
            PtmVisit w = visits.get(j);
            if (w != v && w.date().equals(v.date()) && (a ? secondPart(w) : firstPart(w))) {
                return true;
            }
        }
        return false;
    }

    private static String yearMonth(int year, int month) {
        return appendYearMonth(new StringBuilder(7), year, month).toString();
    }

    private static StringBuilder appendYearMonth(StringBuilder sb, int year, int month) {
        return sb.append(year).append(month < 10 ? "-0" : "-").append(month);
    }
}
