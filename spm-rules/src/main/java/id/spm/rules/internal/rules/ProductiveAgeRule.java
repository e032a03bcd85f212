package id.spm.rules.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.ScreeningParameters;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Ages;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Screening;
import id.spm.rules.model.Sex;

/**
 * Service 6, usia produktif (digest §2.6, §9.6). Recipients are persons with a screening in [1 Jan, E]
 * at which they are aged 15–59; only those screenings are read. A person who turns 60 during the year
 * is a recipient of service 6 for the screenings before the birthday and of service 7 for those after
 * it: each service reads its own screenings, as §9.6 and §9.7 both say "at which they are aged".
 */
public final class ProductiveAgeRule implements ServiceRule {

    static final String PREFIX = "PRODUCTIVE";
    /** Sex not recorded, so the women-only items (tetanus status, IVA/SADANIS) were not required. */
    static final String SEX_UNKNOWN = "PRODUCTIVE_SEX_UNKNOWN";
    /** IVA/SADANIS reported for a woman in its age band, without deciding (screening.ivaDecides off). */
    static final String IVA_REPORTED = "PRODUCTIVE_IVA_NOT_DECIDING";

    private static final BigDecimal CM2_PER_M2 = BigDecimal.valueOf(10_000);

    // §9.6: recorded at least once by every recipient.
    private static final int ALWAYS = ScreeningItem.mask(ScreeningItem.WEIGHT, ScreeningItem.HEIGHT,
            ScreeningItem.WAIST, ScreeningItem.SYSTOLIC, ScreeningItem.DIASTOLIC, ScreeningItem.RISKY_BEHAVIOUR,
            ScreeningItem.MENTAL_HEALTH, ScreeningItem.SIGHT, ScreeningItem.HEARING, ScreeningItem.EDUCATION);

    /** "IVA/SADANIS reported" assumptions by [recorded][age]: the message depends on nothing else. */
    private static final Assumption[][] IVA_NOTES = new Assumption[2][151];
    private static final List<Assumption> SEX_UNKNOWN_NOTE = List.of(new Assumption(SEX_UNKNOWN,
            "sex not recorded: tetanus status and IVA/SADANIS, required or reported for women only, were not considered"));
    private static final String[] CODES = ScreeningItem.codes(PREFIX);

    @Override
    public SpmService service() {
        return SpmService.PRODUCTIVE_AGE;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<Screening> all = person.screenings();
        if (all.isEmpty()) {
            return List.of();
        }
        ScreeningParameters p = ctx.ruleSet().screening();
        LocalDate birth = person.person().birthDate();
        LocalDate start = ctx.start();
        LocalDate end = ctx.end();
        // The screenings at which aged 15–59, and the attribution, in one pass.
        ScreeningPass pass = ScreeningPass.over(all, birth, start, end, p.productiveMinAge(), p.elderlyMinAge());
        int n = pass.screenings();
        if (n == 0) {
            return List.of();
        }
        int recorded = pass.recorded();
        String puskesmas = pass.puskesmas();
        LocalDate latest = pass.latest();
        boolean familyDm = pass.familyHistoryDm();
        boolean catin = pass.brideOrGroom();
        // §9.6: conditional items use the age at the latest of those screenings.
        int age = Ages.years(birth, latest);
        Sex sex = person.person().sex();
        boolean woman = sex == Sex.FEMALE;
        int required = ALWAYS;
        List<Assumption> assumptions = List.of();

        if (age >= p.pumaMinAge()) {
            required |= ScreeningItem.PUMA.bit;
        }
        boolean tetanusAge = age <= p.tetanusWomenMaxAge();
        boolean ivaAge = age >= p.ivaMinAge() && age <= p.ivaMaxAge();
        if (woman && tetanusAge) {
            required |= ScreeningItem.TETANUS.bit;
        }
        if (catin) {
            required |= ScreeningItem.LILA.bit;
        }
        if (woman && ivaAge && p.ivaDecides()) {
            required |= ScreeningItem.IVA_SADANIS.bit;
        }
        String glucoseWhy = null;
        if ((recorded & ScreeningItem.GLUCOSE.bit) == 0) {
            // Only worth working out when glucose is missing: a recorded glucose satisfies it either way.
            glucoseWhy = glucoseTrigger(all, birth, start, end, p, age, familyDm);
            if (glucoseWhy != null) {
                required |= ScreeningItem.GLUCOSE.bit;
            }
        }

        if (sex == null && (tetanusAge || ivaAge)) {
            assumptions = SEX_UNKNOWN_NOTE;
        }
        if (woman && ivaAge && !p.ivaDecides()) {
            assumptions = List.of(ivaNote((recorded & ScreeningItem.IVA_SADANIS.bit) != 0, age));
        }

        int missing = required & ~recorded;
        if (missing == 0) {
            return List.of(new Decision.Counted(SpmService.PRODUCTIVE_AGE, "", puskesmas, assumptions));
        }
        // Why each conditional item was required, built only for the items missing.
        String[] because = new String[ScreeningItem.count()];
        because[ScreeningItem.GLUCOSE.ordinal()] = glucoseWhy;
        if ((missing & ScreeningItem.PUMA.bit) != 0) {
            because[ScreeningItem.PUMA.ordinal()] = "from age " + p.pumaMinAge() + " (aged " + age
                    + " at the latest screening)";
        }
        if ((missing & ScreeningItem.TETANUS.bit) != 0) {
            because[ScreeningItem.TETANUS.ordinal()] = "for women aged " + p.productiveMinAge() + "–"
                    + p.tetanusWomenMaxAge() + " (aged " + age + " at the latest screening)";
        }
        because[ScreeningItem.LILA.ordinal()] = "for a bride or groom-to-be (catin)";
        if ((missing & ScreeningItem.IVA_SADANIS.bit) != 0) {
            because[ScreeningItem.IVA_SADANIS.ordinal()] = "for women aged " + p.ivaMinAge() + "–" + p.ivaMaxAge()
                    + " (screening.ivaDecides=true)";
        }
        List<Reason> reasons = new ArrayList<>(Integer.bitCount(missing));
        ScreeningItem.addMissing(reasons, missing, CODES, because, n, ctx, ctx.clause("§9.6"));
        return List.of(new Decision.NotCounted(SpmService.PRODUCTIVE_AGE, "", puskesmas, reasons, assumptions));
    }

    private static Assumption ivaNote(boolean recorded, int age) {
        int r = recorded ? 1 : 0;
        Assumption a = age >= 0 && age < IVA_NOTES[r].length ? IVA_NOTES[r][age] : null;
        if (a == null) {
            a = new Assumption(IVA_REPORTED, "IVA/SADANIS " + (recorded ? "recorded" : "not recorded")
                    + " for a woman aged " + age
                    + "; reported, not deciding (screening.ivaDecides=false: the exports show neither sexual history nor the 3-year interval)");
            if (age >= 0 && age < IVA_NOTES[r].length) {
                IVA_NOTES[r][age] = a; // immutable: a racy cache is safe
            }
        }
        return a;
    }

    private static boolean inBand(int age, ScreeningParameters p) {
        return age >= p.productiveMinAge() && age < p.elderlyMinAge();
    }

    private static boolean inBand(Screening s, LocalDate birth, LocalDate start, LocalDate end,
            ScreeningParameters p) {
        LocalDate d = s.date();
        if (d.isBefore(start) || d.isAfter(end)) {
            return false;
        }
        return inBand(Ages.years(birth, d), p);
    }

    /**
     * Why blood glucose is required (§9.6), or {@code null} when it is not: aged ≥ 40 at the latest
     * screening, a family history of diabetes, BMI ≥ 27 from one screening's weight and height, or a
     * systolic ≥ 140 or diastolic ≥ 90 at any of the recipient's screenings.
     */
    private static String glucoseTrigger(List<Screening> all, LocalDate birth, LocalDate start, LocalDate end,
            ScreeningParameters p, int age, boolean familyDm) {
        if (age >= p.glucoseMinAge()) {
            return "from age " + p.glucoseMinAge() + " (aged " + age + " at the latest screening)";
        }
        if (familyDm) {
            return "with a family history of diabetes";
        }
        for (int i = 0, size = all.size(); i < size; i++) {
            Screening s = all.get(i);
            if (!inBand(s, birth, start, end, p)) {
                continue;
            }
            Integer sys = s.systolic();
            Integer dia = s.diastolic();
            if ((sys != null && sys >= p.glucoseSystolicThreshold())
                    || (dia != null && dia >= p.glucoseDiastolicThreshold())) {
                return "with blood pressure " + (sys == null ? "-" : sys) + "/" + (dia == null ? "-" : dia) + " on "
                        + s.date() + " (from " + p.glucoseSystolicThreshold() + "/" + p.glucoseDiastolicThreshold()
                        + ")";
            }
            if (s.weightKg() == null) {
                continue;
            }
            // One screening is one date: weight and height may come from two rows of that date (§9 General).
            for (int j = 0; j < size; j++) {
                Screening h = all.get(j);
                if (h.heightCm() == null || !h.date().equals(s.date())) {
                    continue;
                }
                if (bmiAtLeast(s.weightKg(), h.heightCm(), p.glucoseBmiThreshold())) {
                    return "with BMI " + bmi(s.weightKg(), h.heightCm()) + " on " + s.date() + " (" + s.weightKg()
                            .stripTrailingZeros().toPlainString() + " kg, "
                            + h.heightCm().stripTrailingZeros().toPlainString() + " cm; from "
                            + p.glucoseBmiThreshold().toPlainString() + ")";
                }
            }
        }
        return null;
    }

    /** Exact: weight ÷ (height/100)² ≥ threshold, as weight × 10 000 ≥ threshold × height², no division. */
    static boolean bmiAtLeast(BigDecimal weightKg, BigDecimal heightCm, BigDecimal threshold) {
        if (heightCm.signum() <= 0) {
            return false;
        }
        return weightKg.multiply(CM2_PER_M2).compareTo(threshold.multiply(heightCm).multiply(heightCm)) >= 0;
    }

    /** BMI for messages, truncated to 2 decimals so a value just under the threshold never reads as equal. */
    private static String bmi(BigDecimal weightKg, BigDecimal heightCm) {
        return weightKg.multiply(CM2_PER_M2).divide(heightCm.multiply(heightCm), 2, RoundingMode.DOWN).toPlainString();
    }
}
