package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;

/**
 * Pregnancies of a mother as services 1 and 2 see them (digest §9.1, §9.2): a pregnancy is the mother
 * and the HPHT of its outcome record. Outcome rows dated after E are ignored. When several rows share an
 * HPHT, the latest-dated one ends the pregnancy (a later row corrects an earlier one), and rows of that
 * same date are one record carrying everything any of them records (§9 General), e.g. twins written on
 * two rows.
 */
final class Pregnancies {

    private Pregnancies() {
    }

    /**
     * Whether row {@code i} stands for its pregnancy: dated on or before {@code end}, and no other such row
     * with the same HPHT is dated later, or on the same date at a smaller index.
     */
    static boolean isRepresentative(List<PregnancyOutcome> outcomes, int i, LocalDate end) {
        PregnancyOutcome o = outcomes.get(i);
        if (o.date().isAfter(end)) {
            return false;
        }
        for (int j = 0, n = outcomes.size(); j < n; j++) {
            if (j == i) {
                continue;
            }
            PregnancyOutcome other = outcomes.get(j);
            if (other.date().isAfter(end) || !other.hpht().equals(o.hpht())) {
                continue;
            }
            int c = other.date().compareTo(o.date());
            if (c > 0 || (c == 0 && j < i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pregnancy's outcome: row {@code i} (a representative) merged with the other rows of the same
     * HPHT and date. Returns the row itself, without allocating, when it is the only one.
     */
    static PregnancyOutcome merged(List<PregnancyOutcome> outcomes, int i) {
        PregnancyOutcome base = outcomes.get(i);
        PregnancyOutcome m = base;
        for (int j = i + 1, n = outcomes.size(); j < n; j++) {
            PregnancyOutcome o = outcomes.get(j);
            if (!o.date().equals(base.date()) || !o.hpht().equals(base.hpht())) {
                continue;
            }
            m = new PregnancyOutcome(m.date(), m.puskesmas(), m.hpht(), moreAdvanced(m.outcome(), o.outcome()),
                    betterPlace(m.place(), o.place()), Math.max(m.doctors(), o.doctors()),
                    Math.max(m.midwives(), o.midwives()), Math.max(m.nurses(), o.nurses()),
                    m.complication() || o.complication(), m.limitedAccess() || o.limitedAccess());
        }
        return m;
    }

    /**
     * Of two kinds recorded for one pregnancy end on one date, the one a row of twins would carry: live
     * birth, then still birth, premature, abortion, death in pregnancy (a recorded birth outranks the rest).
     */
    private static PregnancyOutcomeKind moreAdvanced(PregnancyOutcomeKind a, PregnancyOutcomeKind b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(PregnancyOutcomeKind k) {
        return switch (k) {
            case LIVE_BIRTH -> 0;
            case STILL_BIRTH -> 1;
            case PREMATURE -> 2;
            case ABORTION -> 3;
            case MATERNAL_DEATH_IN_PREGNANCY -> 4;
        };
    }

    /** A facility recorded on any row is where the delivery took place; else any recorded place. */
    private static DeliveryPlace betterPlace(DeliveryPlace a, DeliveryPlace b) {
        if (a != null && a.isFacility()) {
            return a;
        }
        if (b != null && b.isFacility()) {
            return b;
        }
        return a != null ? a : b;
    }

    /** The subject key of a pregnancy, e.g. {@code hpht=2024-04-02}. */
    static String subject(LocalDate hpht) {
        return "hpht=" + hpht;
    }
}
