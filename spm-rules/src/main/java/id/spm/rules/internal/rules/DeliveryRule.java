package id.spm.rules.internal.rules;

import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.DeliveryParameters;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;

/**
 * Service 2, ibu bersalin (digest §2.2, §9.2): one decision per delivery (live birth, still birth,
 * premature) dated in [1 Jan, E]. Judged at delivery, so never pending.
 */
public final class DeliveryRule implements ServiceRule {

    static final String CLAUSE = "§9.2";

    /** The place of delivery is not a health facility (RS, Puskesmas, Klinik, PMB) or is not recorded. */
    public static final String NOT_IN_FACILITY = "DELIVERY_NOT_IN_FACILITY";
    /** The attending team meets neither the standard team nor, where it applies, the limited-access one. */
    public static final String TEAM_INCOMPLETE = "DELIVERY_TEAM_INCOMPLETE";
    /** A complicated delivery attended without a doctor: the limited-access exception never applies. */
    public static final String COMPLICATED_WITHOUT_DOCTOR = "DELIVERY_COMPLICATED_WITHOUT_DOCTOR";
    /** Excluded: the pregnancy ended in abortion, not a delivery. */
    public static final String EXCLUDED_ABORTION = "DELIVERY_EXCLUDED_ABORTION";
    /** Excluded: the mother died during pregnancy, no delivery. */
    public static final String EXCLUDED_MATERNAL_DEATH = "DELIVERY_EXCLUDED_MATERNAL_DEATH";
    /** Assumption: the team met the limited-access exception, on the strength of the recorded Akses Terbatas. */
    public static final String LIMITED_ACCESS_EXCEPTION = "DELIVERY_LIMITED_ACCESS_EXCEPTION";

    @Override
    public SpmService service() {
        return SpmService.DELIVERY;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<PregnancyOutcome> outcomes = person.pregnancyOutcomes();
        if (outcomes.isEmpty()) {
            return List.of();
        }
        DeliveryParameters p = ctx.ruleSet().delivery();
        List<Decision> out = null;
        String puskesmas = null;
        for (int i = 0, n = outcomes.size(); i < n; i++) {
            PregnancyOutcome row = outcomes.get(i);
            // §9.2: recipients are deliveries dated in [1 Jan, E]
            if (!ctx.inPeriod(row.date()) || !Pregnancies.isRepresentative(outcomes, i, ctx.end())) {
                continue;
            }
            PregnancyOutcome o = Pregnancies.merged(outcomes, i);
            if (!o.outcome().isDelivery() && !p.nonDeliveryExcluded()) {
                continue;
            }
            if (puskesmas == null) {
                puskesmas = Attribution.latest(ctx.end(), outcomes);
            }
            if (out == null) {
                out = new ArrayList<>(1);
            }
            out.add(judge(o, puskesmas, p, ctx));
        }
        return out == null ? List.of() : out;
    }

    private Decision judge(PregnancyOutcome o, String puskesmas, DeliveryParameters p, Context ctx) {
        String subject = Pregnancies.subject(o.hpht());
        String exclusion = switch (o.outcome()) {
            case LIVE_BIRTH, STILL_BIRTH, PREMATURE -> null;
            case ABORTION -> EXCLUDED_ABORTION;
            case MATERNAL_DEATH_IN_PREGNANCY -> EXCLUDED_MATERNAL_DEATH;
        };
        if (exclusion != null) {
            String what = exclusion.equals(EXCLUDED_ABORTION) ? "pregnancy ended in abortion"
                    : "mother died during pregnancy";
            return new Decision.Excluded(SpmService.DELIVERY, subject, puskesmas, new Reason(exclusion,
                    what + " on " + o.date() + ": no delivery, not a recipient of delivery care", ctx.clause(CLAUSE)));
        }

        List<Reason> reasons = new ArrayList<>(2);
        List<Assumption> assumptions = List.of();
        // §9.2: the place is a facility (RS, Puskesmas, Klinik, PMB) in every case
        if (o.place() == null || !o.place().isFacility()) {
            reasons.add(new Reason(NOT_IN_FACILITY,
                    o.place() == null ? "place of delivery not recorded; a health facility is required"
                            : "delivered at " + placeLabel(o) + ", not a health facility (RS, Puskesmas, Klinik, PMB)",
                    ctx.clause(CLAUSE)));
        }
        int d = o.doctors(), m = o.midwives(), n = o.nurses();
        // §9.2: doctor ≥ 1 and midwife ≥ 1 and (nurse ≥ 1 or midwife ≥ 2)
        boolean standardTeam = d >= 1 && m >= 1 && (n >= 1 || m >= 2);
        if (!standardTeam) {
            // §9.2: only with limited access and no complication, (midwife ≥ 1 and nurse ≥ 1) or midwife ≥ 2
            boolean exceptionApplies = p.allowLimitedAccessException() && o.limitedAccess() && !o.complication();
            boolean exceptionTeam = (m >= 1 && n >= 1) || m >= 2;
            if (exceptionApplies && exceptionTeam) {
                assumptions = List.of(new Assumption(LIMITED_ACCESS_EXCEPTION,
                        "team judged by the limited-access exception: uncomplicated delivery with access recorded"
                                + " as limited, attended by " + team(o)));
            } else if (o.complication() && d == 0) {
                reasons.add(new Reason(COMPLICATED_WITHOUT_DOCTOR, "complicated delivery attended by " + team(o)
                        + " without a doctor; the limited-access exception covers only uncomplicated deliveries",
                        ctx.clause(CLAUSE)));
            } else {
                String required = "a doctor with a midwife and a nurse, or a doctor with 2 midwives, required";
                if (exceptionApplies) {
                    required += " (with limited access: a midwife with a nurse, or 2 midwives)";
                }
                reasons.add(new Reason(TEAM_INCOMPLETE, "attended by " + team(o) + "; " + required,
                        ctx.clause(CLAUSE)));
            }
        }
        if (reasons.isEmpty()) {
            return new Decision.Counted(SpmService.DELIVERY, subject, puskesmas, assumptions);
        }
        return new Decision.NotCounted(SpmService.DELIVERY, subject, puskesmas, reasons, assumptions);
    }

    private static String placeLabel(PregnancyOutcome o) {
        return switch (o.place()) {
            case HOSPITAL -> "RS";
            case PUSKESMAS -> "Puskesmas";
            case CLINIC -> "Klinik";
            case MIDWIFE_PRACTICE -> "PMB";
            case HOME -> "home (Rumah)";
            case OTHER -> "another place (Lainnya)";
        };
    }

    private static String team(PregnancyOutcome o) {
        return count(o.doctors(), "doctor", "doctors") + ", " + count(o.midwives(), "midwife", "midwives") + " and "
                + count(o.nurses(), "nurse", "nurses");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
