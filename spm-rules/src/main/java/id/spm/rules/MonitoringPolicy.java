package id.spm.rules;

/** How "at least once a month" is judged for hypertension and diabetes (digest §2.8, §9.8). */
public enum MonitoringPolicy {
    /** Every calendar month from the first required month through the month of E (the default). */
    MONTHLY,
    /** At least one qualifying visit in the period: the looser alternative some regions use. */
    ONCE_IN_PERIOD
}
