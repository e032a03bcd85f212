package id.spm.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.model.Screening;

/**
 * Independence level from the modified Barthel ADL index, total 0–20 (digest §2.7), for showing beside
 * a service 7 decision. It is reported, not a counting criterion: §9.7 asks only that a score is
 * recorded.
 */
public enum BarthelBand {
    /** 20: mandiri. */
    INDEPENDENT(20, 20, "independent (A)"),
    /** 12–19: ketergantungan ringan. */
    MILD(12, 19, "mild dependence"),
    /** 9–11: ketergantungan sedang. */
    MODERATE(9, 11, "moderate dependence"),
    /** 5–8: ketergantungan berat. */
    SEVERE(5, 8, "severe dependence"),
    /** 0–4: ketergantungan total. */
    TOTAL(0, 4, "total dependence");

    private final int min;
    private final int max;
    private final String label;

    BarthelBand(int min, int max, String label) {
        this.min = min;
        this.max = max;
        this.label = label;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String label() {
        return label;
    }

    /** The band of a total score 0–20. */
    public static BarthelBand of(int score) {
        if (score < 0 || score > 20) {
            throw new IllegalArgumentException("ADL Barthel score " + score + " is outside 0–20");
        }
        if (score == 20) {
            return INDEPENDENT;
        }
        if (score >= 12) {
            return MILD;
        }
        if (score >= 9) {
            return MODERATE;
        }
        return score >= 5 ? SEVERE : TOTAL;
    }

    /**
     * The band of the latest Barthel score recorded on or before {@code end} (several scores on that
     * date: the lowest, the more dependent reading), or {@code null} when none is recorded.
     */
    public static BarthelBand latest(List<Screening> screenings, LocalDate end) {
        LocalDate best = null;
        int score = -1;
        for (Screening s : screenings) {
            Integer adl = s.adlBarthel();
            if (adl == null || s.date().isAfter(end)) {
                continue;
            }
            int c = best == null ? 1 : s.date().compareTo(best);
            if (c > 0 || (c == 0 && adl < score)) {
                best = s.date();
                score = adl;
            }
        }
        return best == null ? null : of(score);
    }
}
