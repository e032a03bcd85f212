package id.spm.rules.count;

/**
 * Where a Puskesmas' numerator for a service comes from (digest §9 "General"): by-name and aggregate
 * data are never added.
 */
public enum NumeratorSource {
    /** A by-name record of the service's layouts is dated in the window: counted decisions. */
    BY_NAME,
    /** No by-name record in the window: the sum of the monthly aggregate counts up to E. */
    AGGREGATE,
    /** Neither by-name records in the window nor monthly counts: the numerator is 0. */
    NONE
}
