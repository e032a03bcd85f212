package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.Reason;
import id.spm.rules.model.Screening;

/**
 * The items of the {@code asik-skrining} layout that services 6 and 7 require "recorded at least
 * once" (digest §9.6, §9.7). Each has a bit so a person's screenings fold into one int.
 */
enum ScreeningItem {
    WEIGHT("weight"),
    HEIGHT("height"),
    WAIST("waist circumference"),
    LILA("upper-arm circumference (LILA)"),
    SYSTOLIC("systolic blood pressure"),
    DIASTOLIC("diastolic blood pressure"),
    GLUCOSE("blood glucose"),
    CHOLESTEROL("cholesterol"),
    PUMA("PUMA (COPD) screening"),
    SIGHT("sight"),
    HEARING("hearing"),
    MENTAL_HEALTH("mental health screening"),
    RISKY_BEHAVIOUR("risky-behaviour anamnesis"),
    TETANUS("tetanus immunisation status"),
    IVA_SADANIS("IVA or SADANIS"),
    SKILAS("SKILAS"),
    ADL_BARTHEL("ADL Barthel score"),
    EDUCATION("education");

    private static final ScreeningItem[] VALUES = values();

    final int bit;
    final String label;

    ScreeningItem(String label) {
        this.bit = 1 << ordinal();
        this.label = label;
    }

    static int mask(ScreeningItem... items) {
        int m = 0;
        for (ScreeningItem i : items) {
            m |= i.bit;
        }
        return m;
    }

    /** The items one screening records; education counts only when "yes". */
    static int recorded(Screening s) {
        int m = 0;
        if (s.weightKg() != null) {
            m |= WEIGHT.bit;
        }
        if (s.heightCm() != null) {
            m |= HEIGHT.bit;
        }
        if (s.waistCm() != null) {
            m |= WAIST.bit;
        }
        if (s.lilaCm() != null) {
            m |= LILA.bit;
        }
        if (s.systolic() != null) {
            m |= SYSTOLIC.bit;
        }
        if (s.diastolic() != null) {
            m |= DIASTOLIC.bit;
        }
        if (s.bloodGlucose() != null) {
            m |= GLUCOSE.bit;
        }
        if (s.cholesterol() != null) {
            m |= CHOLESTEROL.bit;
        }
        if (s.puma() != null) {
            m |= PUMA.bit;
        }
        if (s.sight() != null) {
            m |= SIGHT.bit;
        }
        if (s.hearing() != null) {
            m |= HEARING.bit;
        }
        if (s.mentalHealth() != null) {
            m |= MENTAL_HEALTH.bit;
        }
        if (s.riskyBehaviour() != null) {
            m |= RISKY_BEHAVIOUR.bit;
        }
        if (s.tetanusStatus() != null) {
            m |= TETANUS.bit;
        }
        if (s.iva() != null || s.sadanis() != null) {
            m |= IVA_SADANIS.bit;
        }
        if (s.skilas() != null) {
            m |= SKILAS.bit;
        }
        if (s.adlBarthel() != null) {
            m |= ADL_BARTHEL.bit;
        }
        if (Boolean.TRUE.equals(s.education())) {
            m |= EDUCATION.bit;
        }
        return m;
    }

    /** Stable reason code, e.g. {@code PRODUCTIVE_WAIST_MISSING}. */
    String code(String prefix) {
        return prefix + "_" + name() + "_MISSING";
    }

    /**
     * One reason per missing item, in item order. {@code because} holds, per item ordinal, why a
     * conditional item was required ({@code null} for items every recipient needs).
     */
    static void addMissing(List<Reason> out, int missing, String prefix, String[] because, int screenings,
            LocalDate from, LocalDate to, String clause) {
        String where = screenings == 1 ? "the screening" : "any of the " + screenings + " screenings";
        for (ScreeningItem item : VALUES) {
            if ((missing & item.bit) == 0) {
                continue;
            }
            String why = because == null ? null : because[item.ordinal()];
            String msg = (item == EDUCATION ? "education \"yes\" not recorded" : item.label + " not recorded") + " at "
                    + where + " from " + from + " to " + to + (why == null ? "" : "; required " + why);
            out.add(new Reason(item.code(prefix), msg, clause));
        }
    }

    static int count() {
        return VALUES.length;
    }
}
