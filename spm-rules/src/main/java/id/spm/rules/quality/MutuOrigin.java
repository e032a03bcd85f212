package id.spm.rules.quality;

/** Whose rows an area's mutu comes from (digest §9 "Quality"). */
public enum MutuOrigin {
    /** The area's own rows. */
    OWN,
    /** Per-item sums of its descendants' rows (each child's own, else its descendants'). */
    DESCENDANTS,
    /** None. */
    NONE
}
