package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.spm.rules.BalitaParameters;
import id.spm.rules.BalitaStandard;
import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Ages;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;

/**
 * Service 4, balita (digest §2.4, §9.4). A child aged 12–59 completed months at E is judged once, on
 * the standard of the age band just completed: 12–23 months on standard 1 over [birth, 1st birthday),
 * 24–35 on standard 2 over [1st, 2nd birthday), 36–59 on standard 3 over the calendar year of E.
 */
public final class BalitaRule implements ServiceRule {

    private static final String[] SUBJECTS = { "standard-1", "standard-2", "standard-3" };
    private static final int WEIGHING = ChildServiceType.WEIGHING.ordinal();
    private static final int LENGTH_HEIGHT = ChildServiceType.LENGTH_HEIGHT.ordinal();
    private static final int HEAD = ChildServiceType.HEAD_CIRCUMFERENCE.ordinal();
    private static final int DEVELOPMENT = ChildServiceType.DEVELOPMENT.ordinal();
    private static final int TYPES = ChildServiceType.values().length;
    /** Keys are type ordinal × 2^32 + days since the window start, so one sort groups by type and date. */
    private static final int TYPE_SHIFT = 32;

    @Override
    public SpmService service() {
        return SpmService.BALITA;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<ChildService> services = person.childServices();
        if (services.isEmpty()) {
            return List.of();
        }
        LocalDate end = ctx.end();
        LocalDate birth = person.person().birthDate();
        int months = Ages.months(birth, end);
        // §9.4: under 12 or over 59 months at E, not a recipient.
        if (months < 12 || months > 59) {
            return List.of();
        }
        int standard = months < 24 ? 1 : months < 36 ? 2 : 3;
        String subject = SUBJECTS[standard - 1];
        BalitaParameters params = ctx.ruleSet().balita();
        BalitaStandard std = params.standard(standard);

        // Window [from, to) and the start of its second half.
        LocalDate from;
        LocalDate to;
        LocalDate mid;
        if (standard == 1) {
            // §9.4: standard 1 over [birth, 1st birthday); halves at the 6-month birthday.
            from = birth;
            to = Ages.birthday(birth, 1);
            mid = Ages.monthBirthday(birth, 6);
        } else if (standard == 2) {
            // §9.4: standard 2 over [1st, 2nd birthday); halves at the 18-month birthday.
            from = Ages.birthday(birth, 1);
            to = Ages.birthday(birth, 2);
            mid = Ages.monthBirthday(birth, 18);
        } else {
            // §9.4: standard 3 over the calendar year of E, pending before 31 December.
            LocalDate yearEnd = LocalDate.of(end.getYear(), 12, 31);
            if (end.isBefore(yearEnd)) {
                // §9.4: children are known from any balita record dated on or before E.
                String puskesmas = Attribution.latest(end, services);
                if (puskesmas == null) {
                    return List.of();
                }
                return List.of(new Decision.Pending(SpmService.BALITA, subject, puskesmas, yearEnd,
                        new Reason("BALITA_STANDARD3_PENDING",
                                "Standard 3 is judged over calendar year " + end.getYear() + ", which closes on "
                                        + yearEnd + " (aged " + months + " months at " + end + ")",
                                ctx.clause("§9.4")),
                        List.of()));
            }
            from = LocalDate.of(end.getYear(), 1, 1);
            to = yearEnd.plusDays(1);
            mid = LocalDate.of(end.getYear(), 7, 1);
        }
        Decision d = judge(person, ctx, params, std, standard, subject, from, to, mid);
        return d == null ? List.of() : List.of(d);
    }

    /** The decision over the closed window [from, to), or {@code null} when no balita record is dated by E. */
    private static Decision judge(PersonRecord person, Context ctx, BalitaParameters params, BalitaStandard std,
            int standard, String subject, LocalDate from, LocalDate to, LocalDate mid) {
        List<ChildService> services = person.childServices();
        LocalDate end = ctx.end();
        long endDay = end.toEpochDay();
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        long midDay = mid.toEpochDay();
        LocalDate birth = person.person().birthDate();
        LocalDate vitaminAFrom = Ages.monthBirthday(birth, std.vitaminAFromMonth());
        int vitaminA = std.vitaminA().ordinal();
        List<String> antigens = std.immunisation();
        boolean[] given = new boolean[antigens.size()];

        long vitaminAFromDay = vitaminAFrom.toEpochDay();
        // Attribution (§9 General) is folded into the counting pass: latest record ≤ E, ties the smallest code.
        long latestDay = Long.MIN_VALUE;
        String puskesmas = null;
        long[] keys = new long[services.size()];
        int n = 0;
        for (int i = 0, size = services.size(); i < size; i++) {
            ChildService s = services.get(i);
            long day = s.date().toEpochDay();
            if (day > endDay) {
                continue;
            }
            if (day > latestDay || (day == latestDay && s.puskesmas().compareTo(puskesmas) < 0)) {
                latestDay = day;
                puskesmas = s.puskesmas();
            }
            // Only events in the window and on or before E count (§9 General).
            if (day < fromDay || day >= toDay) {
                continue;
            }
            ChildServiceType type = s.type();
            if (type == ChildServiceType.IMMUNISATION) {
                int a = antigens.indexOf(s.antigen());
                if (a >= 0) {
                    given[a] = true;
                }
                continue;
            }
            // §9.4: blue vitamin A counts only at age 6–11 months (vitaminAFromMonth).
            if (type.ordinal() == vitaminA && day < vitaminAFromDay) {
                continue;
            }
            keys[n++] = ((long) type.ordinal() << TYPE_SHIFT) + (day - fromDay);
        }
        // §9.4: children are known from any balita record dated on or before E.
        if (puskesmas == null) {
            return null;
        }
        // §9 General: several records of one kind on one date are one visit, so count distinct keys.
        Arrays.sort(keys, 0, n);
        int[] visits = new int[TYPES];
        int firstHalf = 0;
        int secondHalf = 0;
        long previous = -1;
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            if (k == previous) {
                continue;
            }
            previous = k;
            int type = (int) (k >>> TYPE_SHIFT);
            visits[type]++;
            if (type == WEIGHING) {
                if (fromDay + (k & 0xFFFF_FFFFL) < midDay) {
                    firstHalf++;
                } else {
                    secondHalf++;
                }
            }
        }
        if (params.hb0FromNewbornRegister()) {
            int hb0 = antigens.indexOf(BalitaParameters.HB0);
            if (hb0 >= 0 && !given[hb0]) {
                // §9.4: HB0 also from the newborn register (given at birth, inside the standard-1 window).
                List<Newborn> newborns = person.newborns();
                for (int i = 0; i < newborns.size(); i++) {
                    Newborn nb = newborns.get(i);
                    if (nb.essentialCare().contains(EssentialCare.HEPATITIS_B0) && !nb.birthDate().isBefore(from)
                            && nb.birthDate().isBefore(to) && !nb.birthDate().isAfter(end)) {
                        given[hb0] = true;
                    }
                }
            }
        }

        boolean immunised = true;
        for (int a = 0; a < given.length; a++) {
            immunised &= given[a];
        }
        int half = std.minWeighingsPerHalf();
        // Fast path: the common counted child builds no message.
        if (immunised && visits[WEIGHING] >= std.minWeighings()
                && (half == 0 || (firstHalf >= half && secondHalf >= half))
                && visits[LENGTH_HEIGHT] >= std.minLengthHeight() && visits[HEAD] >= std.minHeadCircumference()
                && visits[DEVELOPMENT] >= std.minDevelopment() && visits[vitaminA] >= std.minVitaminA()) {
            return new Decision.Counted(SpmService.BALITA, subject, puskesmas, List.of());
        }

        List<Reason> reasons = null;
        String clause = ctx.clause("§9.4");
        String window = from + " to " + to.minusDays(1);
        if (visits[WEIGHING] < std.minWeighings()) {
            reasons = add(reasons, new Reason("BALITA_WEIGHINGS",
                    count(visits[WEIGHING], "weighing") + " in the window " + window + ", " + std.minWeighings()
                            + " required",
                    clause));
        }
        if (half > 0) {
            if (firstHalf < half) {
                reasons = add(reasons, new Reason("BALITA_WEIGHINGS_FIRST_HALF",
                        count(firstHalf, "weighing") + " in the first half " + from + " to " + mid.minusDays(1)
                                + ", " + half + " required",
                        clause));
            }
            if (secondHalf < half) {
                reasons = add(reasons, new Reason("BALITA_WEIGHINGS_SECOND_HALF",
                        count(secondHalf, "weighing") + " in the second half " + mid + " to " + to.minusDays(1)
                                + ", " + half + " required",
                        clause));
            }
        }
        if (visits[LENGTH_HEIGHT] < std.minLengthHeight()) {
            reasons = add(reasons, new Reason("BALITA_LENGTH_HEIGHT",
                    count(visits[LENGTH_HEIGHT], "length/height measurement") + " in the window " + window + ", "
                            + std.minLengthHeight() + " required",
                    clause));
        }
        if (visits[HEAD] < std.minHeadCircumference()) {
            reasons = add(reasons, new Reason("BALITA_HEAD_CIRCUMFERENCE",
                    count(visits[HEAD], "head circumference measurement") + " in the window " + window + ", "
                            + std.minHeadCircumference() + " required",
                    clause));
        }
        if (visits[DEVELOPMENT] < std.minDevelopment()) {
            reasons = add(reasons, new Reason("BALITA_DEVELOPMENT",
                    count(visits[DEVELOPMENT], "development monitoring") + " in the window " + window + ", "
                            + std.minDevelopment() + " required",
                    clause));
        }
        if (visits[vitaminA] < std.minVitaminA()) {
            String kind = std.vitaminA() == ChildServiceType.VITAMIN_A_BLUE ? "blue" : "red";
            String when = std.vitaminAFromMonth() > 0 && vitaminAFrom.isAfter(from)
                    ? vitaminAFrom + " to " + to.minusDays(1) + " (from " + std.vitaminAFromMonth() + " months)"
                    : window;
            reasons = add(reasons, new Reason("BALITA_VITAMIN_A",
                    count(visits[vitaminA], kind + " vitamin A dose") + " in " + when + ", " + std.minVitaminA()
                            + " required",
                    clause));
        }
        StringBuilder missing = null;
        for (int a = 0; a < given.length; a++) {
            if (!given[a]) {
                missing = missing == null ? new StringBuilder() : missing.append(", ");
                missing.append(antigens.get(a));
            }
        }
        if (missing != null) {
            String code;
            String what;
            if (standard == 1) {
                code = "BALITA_BASIC_IMMUNISATION";
                what = "Basic immunisation incomplete before the 1st birthday (" + to + ")";
            } else if (standard == 2) {
                code = "BALITA_BADUTA_BOOSTER";
                what = "Baduta booster immunisation incomplete in the window " + window;
            } else {
                code = "BALITA_IMMUNISATION";
                what = "Immunisation incomplete in the window " + window;
            }
            reasons = add(reasons, new Reason(code, what + ": missing " + missing, clause));
        }
        return new Decision.NotCounted(SpmService.BALITA, subject, puskesmas, reasons, List.of());
    }

    private static List<Reason> add(List<Reason> reasons, Reason r) {
        List<Reason> out = reasons == null ? new ArrayList<>(4) : reasons;
        out.add(r);
        return out;
    }

    /** "1 weighing", "3 weighings". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
