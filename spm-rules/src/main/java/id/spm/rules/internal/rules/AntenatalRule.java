package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.AntenatalParameters;
import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.TenTItem;

/**
 * Service 1, ibu hamil (digest §2.1, §9.1): one decision per pregnancy of the mother that ended in
 * [1 Jan, E], and one pending decision for a pregnancy still running at E.
 */
public final class AntenatalRule implements ServiceRule {

    static final String CLAUSE = "§9.1";

    /** Fewer visits in trimester 1 than required. */
    public static final String T1_VISITS = "ANC_T1_VISITS";
    /** Fewer visits in trimester 2 than required. */
    public static final String T2_VISITS = "ANC_T2_VISITS";
    /** Fewer visits in trimester 3 than required. */
    public static final String T3_VISITS = "ANC_T3_VISITS";
    /** No doctor visit with USG in trimester 1. */
    public static final String DOCTOR_USG_T1 = "ANC_DOCTOR_USG_T1";
    /** No doctor visit with USG in trimester 3. */
    public static final String DOCTOR_USG_T3 = "ANC_DOCTOR_USG_T3";
    /** Some 10T items never recorded "yes" over the visits that carry 10T columns. */
    public static final String TEN_T_INCOMPLETE = "ANC_10T_INCOMPLETE";
    /** No visit of the pregnancy carries 10T columns, and 10T is not assumed. */
    public static final String TEN_T_NOT_RECORDED = "ANC_10T_NOT_RECORDED";
    /** Excluded: the pregnancy ended in abortion. */
    public static final String EXCLUDED_ABORTION = "ANC_EXCLUDED_ABORTION";
    /** Excluded: the pregnancy ended in premature delivery. */
    public static final String EXCLUDED_PREMATURE = "ANC_EXCLUDED_PREMATURE";
    /** Excluded: the mother died during pregnancy. */
    public static final String EXCLUDED_MATERNAL_DEATH = "ANC_EXCLUDED_MATERNAL_DEATH";
    /** Pending: antenatal visits and no outcome by E. */
    public static final String PREGNANCY_RUNNING = "ANC_PREGNANCY_RUNNING";
    /** Assumption: 10T counted as done because no visit carries 10T columns. */
    public static final String ASSUMED_10T = "ANC_10T_ASSUMED";

    /** Naegele's rule: the expected date of delivery is HPHT + 280 days. */
    private static final int TERM_DAYS = 280;

    private static final TenTItem[] TEN_T = TenTItem.values();
    private static final int ALL_TEN_T = (1 << TEN_T.length) - 1;

    @Override
    public SpmService service() {
        return SpmService.ANTENATAL;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<PregnancyOutcome> outcomes = person.pregnancyOutcomes();
        List<AncVisit> visits = person.ancVisits();
        if (outcomes.isEmpty() && visits.isEmpty()) {
            return List.of();
        }
        LocalDate end = ctx.end();
        AntenatalParameters p = ctx.ruleSet().antenatal();
        List<Decision> out = null;
        String puskesmas = null;
        LocalDate lastOutcome = null;
        for (int i = 0, n = outcomes.size(); i < n; i++) {
            PregnancyOutcome row = outcomes.get(i);
            if (row.date().isAfter(end)) {
                continue; // §9 General: events after E are ignored
            }
            if (lastOutcome == null || row.date().isAfter(lastOutcome)) {
                lastOutcome = row.date();
            }
            // §9.1: counted in the year it ends, outcome date in [1 Jan, E]
            if (!ctx.inPeriod(row.date()) || !Pregnancies.isRepresentative(outcomes, i, end)) {
                continue;
            }
            if (puskesmas == null) {
                puskesmas = Attribution.latest(end, visits, outcomes);
            }
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(judge(Pregnancies.merged(outcomes, i), visits, puskesmas, p, ctx));
        }
        Decision running = running(visits, outcomes, lastOutcome, p, ctx);
        if (running != null) {
            if (out == null) {
                return List.of(running);
            }
            out.add(running);
        }
        return out == null ? List.of() : out;
    }

    private Decision judge(PregnancyOutcome o, List<AncVisit> visits, String puskesmas, AntenatalParameters p,
            Context ctx) {
        String subject = Pregnancies.subject(o.hpht());
        // §9.1: abortion, premature delivery and death in pregnancy are excluded
        String exclusion = switch (o.outcome()) {
            case LIVE_BIRTH, STILL_BIRTH -> null;
            case ABORTION -> EXCLUDED_ABORTION;
            case PREMATURE -> EXCLUDED_PREMATURE;
            case MATERNAL_DEATH_IN_PREGNANCY -> EXCLUDED_MATERNAL_DEATH;
        };
        if (exclusion != null) {
            return new Decision.Excluded(SpmService.ANTENATAL, subject, puskesmas,
                    new Reason(exclusion, exclusionMessage(o), ctx.clause(CLAUSE)));
        }
        LocalDate hpht = o.hpht();
        long hphtDay = hpht.toEpochDay();
        int t1 = 0, t2 = 0, t3 = 0;
        boolean doctorUsgT1 = false, doctorUsgT3 = false, tenTColumns = false;
        int tenT = 0;
        for (int i = 0, n = visits.size(); i < n; i++) {
            AncVisit v = visits.get(i);
            LocalDate d = v.date();
            // §9.1: the pregnancy's visits are dated after its HPHT and on or before its outcome date
            if (!d.isAfter(hpht) || d.isAfter(o.date())) {
                continue;
            }
            if (v.tenT() != null) {
                tenTColumns = true;
                for (TenTItem t : v.tenT()) {
                    tenT |= 1 << t.ordinal();
                }
            }
            // §9 General: rows of one date are one visit, counted at its first row, carrying what any row records
            if (seenEarlier(visits, i, d)) {
                continue;
            }
            boolean doctorUsg = doctorWithUsg(visits, i, d);
            int w = (int) ((d.toEpochDay() - hphtDay) / 7); // §9.1: completed weeks since HPHT
            if (w <= p.trimester1MaxWeek()) { // §9.1: T1 if w ≤ 12
                t1++;
                doctorUsgT1 |= doctorUsg;
            } else if (w <= p.trimester2MaxWeek()) { // §9.1: T2 if 13 ≤ w ≤ 24
                t2++;
            } else { // §9.1: T3 if w ≥ 25
                t3++;
                doctorUsgT3 |= doctorUsg;
            }
        }

        List<Reason> reasons = null;
        List<Assumption> assumptions = List.of();
        if (t1 < p.minVisitsT1()) {
            reasons = add(reasons, new Reason(T1_VISITS, visits(t1, 1, p.minVisitsT1()), ctx.clause(CLAUSE)));
        }
        if (t2 < p.minVisitsT2()) {
            reasons = add(reasons, new Reason(T2_VISITS, visits(t2, 2, p.minVisitsT2()), ctx.clause(CLAUSE)));
        }
        if (t3 < p.minVisitsT3()) {
            reasons = add(reasons, new Reason(T3_VISITS, visits(t3, 3, p.minVisitsT3()), ctx.clause(CLAUSE)));
        }
        if (!doctorUsgT1) {
            reasons = add(reasons, new Reason(DOCTOR_USG_T1,
                    "no visit by a doctor (dokter or Sp.OG) with USG in trimester 1, 1 required", ctx.clause(CLAUSE)));
        }
        if (!doctorUsgT3) {
            reasons = add(reasons, new Reason(DOCTOR_USG_T3,
                    "no visit by a doctor (dokter or Sp.OG) with USG in trimester 3, 1 required", ctx.clause(CLAUSE)));
        }
        if (!tenTColumns) {
            // §9.1: with no 10T columns the rule cannot see 10T; the switch decides, and is stated
            if (p.assumeTenTWhenNotRecorded()) {
                assumptions = List.of(new Assumption(ASSUMED_10T,
                        "no visit of the pregnancy carries 10T columns; the 10T items are assumed done"));
            } else {
                reasons = add(reasons, new Reason(TEN_T_NOT_RECORDED,
                        "10T not recorded: no visit of the pregnancy carries 10T columns", ctx.clause(CLAUSE)));
            }
        } else if (tenT != ALL_TEN_T) {
            reasons = add(reasons, new Reason(TEN_T_INCOMPLETE, missingTenT(tenT), ctx.clause(CLAUSE)));
        }
        if (reasons == null) {
            return new Decision.Counted(SpmService.ANTENATAL, subject, puskesmas, assumptions);
        }
        return new Decision.NotCounted(SpmService.ANTENATAL, subject, puskesmas, reasons, assumptions);
    }

    /**
     * §9 "When a person is judged": antenatal care is judged at the end of the pregnancy. Visits after the
     * latest outcome on or before E, within the running window, are a pregnancy still running: pending.
     */
    private Decision running(List<AncVisit> visits, List<PregnancyOutcome> outcomes, LocalDate lastOutcome,
            AntenatalParameters p, Context ctx) {
        if (visits.isEmpty() || p.runningPregnancyMaxWeeks() == 0) {
            return null;
        }
        LocalDate end = ctx.end();
        LocalDate oldest = end.minusDays(7L * p.runningPregnancyMaxWeeks());
        AncVisit first = null;
        AncVisit last = null;
        int count = 0;
        for (int i = 0, n = visits.size(); i < n; i++) {
            AncVisit v = visits.get(i);
            LocalDate d = v.date();
            if (d.isAfter(end) || d.isBefore(oldest) || (lastOutcome != null && !d.isAfter(lastOutcome))) {
                continue;
            }
            if (!seenEarlier(visits, i, d)) { // rows of one date share the range test
                count++;
            }
            if (first == null || d.isBefore(first.date())) {
                first = v;
            }
            if (last == null || d.isAfter(last.date()) || (d.equals(last.date()) && last.hpht() == null)) {
                last = v;
            }
        }
        if (first == null) {
            return null;
        }
        // The HPHT written on visit rows only estimates when the pregnancy will end; it identifies nothing.
        LocalDate expected = last.hpht() != null && last.hpht().isBefore(first.date())
                ? last.hpht().plusDays(TERM_DAYS)
                : first.date().plusDays(TERM_DAYS);
        LocalDate judgedOn = expected.isAfter(end) ? expected : end.plusDays(1);
        String puskesmas = Attribution.latest(end, visits, outcomes);
        String message = count + (count == 1 ? " antenatal visit" : " antenatal visits") + " since " + first.date()
                + " and no pregnancy outcome recorded by " + end
                + ": still running, judged in the year it ends (expected about " + expected + ")";
        return new Decision.Pending(SpmService.ANTENATAL, "running-since=" + first.date(), puskesmas, judgedOn,
                new Reason(PREGNANCY_RUNNING, message, ctx.clause("§2.1")), List.of());
    }

    private static String exclusionMessage(PregnancyOutcome o) {
        String what = switch (o.outcome()) {
            case ABORTION -> "pregnancy ended in abortion";
            case PREMATURE -> "pregnancy ended in premature delivery";
            case MATERNAL_DEATH_IN_PREGNANCY -> "mother died during pregnancy";
            case LIVE_BIRTH, STILL_BIRTH -> "pregnancy ended in delivery";
        };
        return what + " on " + o.date() + ": excluded from numerator and denominator";
    }

    /** Whether a row before {@code i} has the same date (rows of one date are one visit). */
    private static boolean seenEarlier(List<AncVisit> visits, int i, LocalDate d) {
        for (int j = 0; j < i; j++) {
            if (visits.get(j).date().equals(d)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the visit on date {@code d} (rows from {@code i} on) was by a doctor and had USG, merged. */
    private static boolean doctorWithUsg(List<AncVisit> visits, int i, LocalDate d) {
        boolean doctor = false, usg = false;
        for (int j = i, n = visits.size(); j < n; j++) {
            AncVisit v = visits.get(j);
            if (v.date().equals(d)) {
                doctor |= v.examiner().isDoctor();
                usg |= v.usg();
            }
        }
        return doctor && usg;
    }

    private static List<Reason> add(List<Reason> reasons, Reason r) {
        List<Reason> l = reasons == null ? new ArrayList<>(4) : reasons;
        l.add(r);
        return l;
    }

    private static String visits(int count, int trimester, int required) {
        return count + (count == 1 ? " visit" : " visits") + " in trimester " + trimester + ", " + required
                + " required";
    }

    private static String missingTenT(int recorded) {
        StringBuilder sb = new StringBuilder("10T items never recorded yes: ");
        int missing = 0;
        for (TenTItem t : TEN_T) {
            if ((recorded & (1 << t.ordinal())) == 0) {
                if (missing++ > 0) {
                    sb.append(", ");
                }
                sb.append(t.label());
            }
        }
        return sb.append(" (").append(missing).append(" of ").append(TEN_T.length).append(')').toString();
    }
}
