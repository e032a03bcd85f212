package id.spm.api.imports;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points of an import's transaction. Does nothing; tests replace it (QuarkusMock) to kill an
 * import at a chosen point (an exception, or the database connection closed) and prove that nothing
 * of it is stored.
 */
@ApplicationScoped
public class ImportProbe {

    /** Every accepted row is staged; the fact tables are untouched. */
    public static final String STAGED = "staged";
    /** Rows of the scope missing from the file are deleted. */
    public static final String REMOVED = "removed";
    /** Persons are upserted. */
    public static final String PERSONS = "persons";
    /** Facts are upserted; the data versions are next, then the commit. */
    public static final String UPSERTED = "upserted";

    /**
     * @param jobId the import job
     * @param point one of the constants
     */
    public void reached(long jobId, String point) {
        // Production: nothing to do.
    }
}
