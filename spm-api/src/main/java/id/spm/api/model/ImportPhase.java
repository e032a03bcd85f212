package id.spm.api.model;

/** Where an import job is: queued, running (reading, merging) or ended (done, failed, refused). */
public enum ImportPhase {
    QUEUED,
    READING,
    MERGING,
    DONE,
    FAILED,
    REFUSED;

    /** Whether the job has ended. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == REFUSED;
    }
}
