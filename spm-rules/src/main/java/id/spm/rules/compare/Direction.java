package id.spm.rules.compare;

/** How a service's figure moved between two periods (issue 11; the Kediri "4 of 12 improved"). */
public enum Direction {
    /** The compared figure rose by more than the tolerance. */
    IMPROVED,
    /** The compared figure fell by more than the tolerance. */
    DECLINED,
    /** The compared figure moved by at most the tolerance. */
    UNCHANGED,
    /** The two figures cannot be compared: the reasons say why. */
    NOT_COMPARABLE
}
