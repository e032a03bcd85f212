package id.spm.rules.quality;

/** Whether %IP mutu could be computed for an area and service (digest §9 "Quality"). */
public enum MutuStatus {
    /** Rows found and at least one item with a need: %IP mutu is computed. */
    PROVIDED,
    /** No rows for the area, its descendants, the year and the quarter: the index is null. */
    NOT_PROVIDED,
    /** Rows found but every item has need 0, so every item is left out: the index is null. */
    NO_ITEM_WITH_NEED
}
