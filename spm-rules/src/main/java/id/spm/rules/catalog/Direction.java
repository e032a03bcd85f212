package id.spm.rules.catalog;

/** Which side of its target an indicator must reach (a Perbup's "≥" or "≤"; seed 003, Lampiran). */
public enum Direction {
    /** The value meets the target when it is at least the target ("≥ 2/100.000", "≥ 71 %"). */
    AT_LEAST,
    /** The value meets the target when it is at most the target ("≤ 120 menit", "≤ 5 % pulang paksa"). */
    AT_MOST
}
