package id.spm.rules.internal.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.NewbornParameters;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;

/**
 * Service 3, bayi baru lahir (digest §2.3, §9.3): the baby is the person; a live-born baby is judged
 * once its 28th day of life (birth date + 28 days) falls in [1 Jan, E], and is pending before that.
 */
public final class NewbornRule implements ServiceRule {

    static final String CLAUSE = "§9.3";

    /** Not every essential-care item recorded "yes". */
    public static final String ESSENTIAL_CARE = "NEWBORN_ESSENTIAL_CARE";
    /** No KN1 recorded. */
    public static final String KN1_MISSING = "KN1_MISSING";
    /** KN1 earlier than 6 hours after birth (or dated before birth). */
    public static final String KN1_EARLY = "KN1_EARLY";
    /** KN1 later than 48 hours after birth (or, judged by day, after day 2). */
    public static final String KN1_LATE = "KN1_LATE";
    /** No KN2 recorded. */
    public static final String KN2_MISSING = "KN2_MISSING";
    /** KN2 before day 3. */
    public static final String KN2_EARLY = "KN2_EARLY";
    /** KN2 after day 7. */
    public static final String KN2_LATE = "KN2_LATE";
    /** No KN3 recorded. */
    public static final String KN3_MISSING = "KN3_MISSING";
    /** KN3 before day 8. */
    public static final String KN3_EARLY = "KN3_EARLY";
    /** KN3 after day 28. */
    public static final String KN3_LATE = "KN3_LATE";
    /** Pending: the 28th day of life is after E. */
    public static final String UNDER_28_DAYS = "NEWBORN_UNDER_28_DAYS";
    /** Assumption: KN1 judged by its day because the time of birth or of KN1 is not recorded. */
    public static final String KN1_BY_DAY = "KN1_JUDGED_BY_DAY";

    /** Birth date + 28 days: the 28th day of life, the day of birth being day 0. */
    private static final int NEONATAL_DAYS = 28;

    private static final EssentialCare[] ESSENTIAL = EssentialCare.values();

    @Override
    public SpmService service() {
        return SpmService.NEWBORN;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<Newborn> rows = person.newborns();
        if (rows.isEmpty()) {
            return List.of();
        }
        Newborn b = rows.get(0);
        LocalDate end = ctx.end();
        // §9.3: still births are not recipients; a birth after E is ignored
        if (!b.liveBorn() || b.birthDate().isAfter(end)) {
            return List.of();
        }
        LocalDate day28 = b.birthDate().plusDays(NEONATAL_DAYS);
        if (day28.isAfter(end)) {
            // §9 "When a person is judged": a newborn once its 28th day has passed; pending if born in the period
            if (!ctx.inPeriod(b.birthDate())) {
                return List.of();
            }
            return List.of(new Decision.Pending(SpmService.NEWBORN, "", b.puskesmas(), day28,
                    new Reason(UNDER_28_DAYS,
                            "born " + b.birthDate() + ": day 28 of life is " + day28 + ", after " + end
                                    + "; judged once the neonatal period has passed",
                            ctx.clause(CLAUSE)),
                    List.of()));
        }
        // §9.3: the 28th day of life falls in [1 Jan, E] (a late-December birth is judged the next year)
        if (!ctx.inPeriod(day28)) {
            return List.of();
        }
        // The baby is born once (one row), so its own row is its latest record of the service.
        return List.of(judge(b, ctx.ruleSet().newborn(), ctx));
    }

    private Decision judge(Newborn b, NewbornParameters p, Context ctx) {
        List<Reason> reasons = null;
        List<Assumption> assumptions = List.of();
        String clause = ctx.clause(CLAUSE);

        // §9.3: all five essential-care items "yes"
        Set<EssentialCare> care = b.essentialCare();
        if (care.size() < ESSENTIAL.length) {
            StringBuilder sb = new StringBuilder("essential care not recorded: ");
            int missing = 0;
            for (EssentialCare e : ESSENTIAL) {
                if (!care.contains(e)) {
                    if (missing++ > 0) {
                        sb.append(", ");
                    }
                    sb.append(e.label());
                }
            }
            sb.append(" (").append(missing).append(" of ").append(ESSENTIAL.length).append(" missing)");
            reasons = add(reasons, new Reason(ESSENTIAL_CARE, sb.toString(), clause));
        }

        // §9.3: KN1 at least 6 and at most 48 hours after birth, exact duration
        if (b.kn1Date() == null) {
            reasons = add(reasons, new Reason(KN1_MISSING, "no KN1 recorded", clause));
        } else {
            LocalDateTime born = b.birthDateTime();
            LocalDateTime kn1 = b.kn1DateTime();
            if (born != null && kn1 != null) {
                Duration after = Duration.between(born, kn1);
                if (after.compareTo(Duration.ofHours(p.kn1MinHours())) < 0) {
                    reasons = add(reasons, new Reason(KN1_EARLY,
                            "KN1 " + hours(after) + " after birth, at least " + p.kn1MinHours() + " h required",
                            clause));
                } else if (after.compareTo(Duration.ofHours(p.kn1MaxHours())) > 0) {
                    reasons = add(reasons, new Reason(KN1_LATE,
                            "KN1 " + hours(after) + " after birth, at most " + p.kn1MaxHours() + " h required",
                            clause));
                }
            } else {
                // §9.3: with no time of birth or of KN1, KN1 on day 0, 1 or 2 counts, and the result says so
                assumptions = List.of(new Assumption(KN1_BY_DAY, "time of "
                        + (born == null ? "birth" : "KN1") + " not recorded: KN1 judged by its day, day 0 to "
                        + p.kn1FallbackMaxDay() + " counting as " + p.kn1MinHours() + " to " + p.kn1MaxHours()
                        + " hours"));
                long day = dayOfLife(b, b.kn1Date());
                if (day < 0) {
                    reasons = add(reasons, new Reason(KN1_EARLY, "KN1 dated " + b.kn1Date() + ", before birth", clause));
                } else if (day > p.kn1FallbackMaxDay()) {
                    reasons = add(reasons, new Reason(KN1_LATE,
                            "KN1 on day " + day + ", day 0 to " + p.kn1FallbackMaxDay() + " required", clause));
                }
            }
        }
        // §9.3: KN2 on day 3 to 7, KN3 on day 8 to 28, the day of birth being day 0
        reasons = window(reasons, b, b.kn2(), "KN2", p.kn2FirstDay(), p.kn2LastDay(), KN2_MISSING, KN2_EARLY, KN2_LATE,
                clause);
        reasons = window(reasons, b, b.kn3(), "KN3", p.kn3FirstDay(), p.kn3LastDay(), KN3_MISSING, KN3_EARLY, KN3_LATE,
                clause);

        if (reasons == null) {
            return new Decision.Counted(SpmService.NEWBORN, "", b.puskesmas(), assumptions);
        }
        return new Decision.NotCounted(SpmService.NEWBORN, "", b.puskesmas(), reasons, assumptions);
    }

    private static List<Reason> window(List<Reason> reasons, Newborn b, LocalDate visit, String name, int first,
            int last, String missingCode, String earlyCode, String lateCode, String clause) {
        if (visit == null) {
            return add(reasons, new Reason(missingCode, "no " + name + " recorded", clause));
        }
        long day = dayOfLife(b, visit);
        if (day < first) {
            return add(reasons, new Reason(earlyCode,
                    name + " on day " + day + ", day " + first + " to " + last + " required", clause));
        }
        if (day > last) {
            return add(reasons, new Reason(lateCode,
                    name + " on day " + day + ", day " + first + " to " + last + " required", clause));
        }
        return reasons;
    }

    private static long dayOfLife(Newborn b, LocalDate d) {
        return d.toEpochDay() - b.birthDate().toEpochDay();
    }

    /** A duration as hours and minutes, e.g. {@code 48 h 01 min}. */
    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        String sign = minutes < 0 ? "-" : "";
        minutes = Math.abs(minutes);
        long m = minutes % 60;
        return sign + (minutes / 60) + " h " + (m < 10 ? "0" : "") + m + " min";
    }

    private static List<Reason> add(List<Reason> reasons, Reason r) {
        List<Reason> l = reasons == null ? new ArrayList<>(4) : reasons;
        l.add(r);
        return l;
    }
}
