package id.spm.rules.model;

/** Hasil (column of {@code ekohort-persalinan}): how a pregnancy ended. */
public enum PregnancyOutcomeKind {
    LIVE_BIRTH,
    STILL_BIRTH,
    ABORTION,
    PREMATURE,
    MATERNAL_DEATH_IN_PREGNANCY;

    /** A delivery (live or still birth) ends a pregnancy that service 1 counts (section 9.1). */
    public boolean isTermDelivery() {
        return this == LIVE_BIRTH || this == STILL_BIRTH;
    }

    /** Live birth, still birth and premature delivery are deliveries for service 2 (section 9.2). */
    public boolean isDelivery() {
        return this == LIVE_BIRTH || this == STILL_BIRTH || this == PREMATURE;
    }
}
