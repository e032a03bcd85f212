package id.spm.rules.internal.rules;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import id.spm.rules.Reason;
import id.spm.rules.internal.Context;
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

    /** The reason codes of every item under a prefix, by ordinal: built once per rule, not per person. */
    static String[] codes(String prefix) {
        String[] out = new String[VALUES.length];
        for (ScreeningItem item : VALUES) {
            out[item.ordinal()] = item.code(prefix);
        }
        return out;
    }

    /**
     * One reason per missing item, in item order. {@code codes} are the rule's {@link #codes}; {@code because}
     * holds, per item ordinal, why a conditional item was required ({@code null} for items every recipient
     * needs).
     */
    static void addMissing(List<Reason> out, int missing, String[] codes, String[] because, int screenings,
            Context ctx, String clause) {
        String where = null;
        for (ScreeningItem item : VALUES) {
            if ((missing & item.bit) == 0) {
                continue;
            }
            String why = because == null ? null : because[item.ordinal()];
            if (why == null && screenings <= MEMO_SCREENINGS) {
                // The same item missing at the same number of screenings reads the same for everyone.
                ReasonKey key = new ReasonKey(codes[item.ordinal()], screenings, ctx.span(), clause);
                Reason r = REASONS.get(key);
                if (r == null) {
                    r = new Reason(key.code(), item.message(where(screenings, key.span()), null), clause);
                    REASONS.putIfAbsent(key, r);
                }
                out.add(r);
                continue;
            }
            if (where == null) {
                where = where(screenings, ctx.span());
            }
            out.add(new Reason(codes[item.ordinal()], item.message(where, why), clause));
        }
    }

    /** Reasons are memoised up to this many screenings; more are rare and built each time. */
    private static final int MEMO_SCREENINGS = 4;
    private static final ConcurrentHashMap<ReasonKey, Reason> REASONS = new ConcurrentHashMap<>();

    private record ReasonKey(String code, int screenings, String span, String clause) {
    }

    private static String where(int screenings, String span) {
        return (screenings == 1 ? " at the screening" : " at any of the " + screenings + " screenings") + span;
    }

    private String message(String where, String why) {
        return (this == EDUCATION ? "education \"yes\" not recorded" : label + " not recorded") + where
                + (why == null ? "" : "; required " + why);
    }

    static int count() {
        return VALUES.length;
    }
}
