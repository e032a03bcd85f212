package id.spm.api.repository;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points of an import's transaction. Does nothing; tests replace it (QuarkusMock) to kill an
 * import at a chosen point (an exception, or the database connection closed) and prove that nothing
 * of it is stored.
 */
@ApplicationScoped
public class ImportProbe {

    /** The points, in the order an import reaches them. */
    public enum Point {
        /** Every accepted row is staged; the fact tables are untouched. */
        STAGED,
        /** Rows of the scope missing from the file are deleted. */
        REMOVED,
        /** Persons are upserted. */
        PERSONS,
        /** Facts are upserted; the data versions are next, then the commit. */
        UPSERTED
    }

    /**
     * @param jobId the import job
     * @param point where the import is
     */
    public void reached(long jobId, Point point) {
        // Production: nothing to do.
    }
}
