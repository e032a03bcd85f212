package id.spm.api.model;

import java.util.List;

/** How an import job ends: the one argument of ImportJobs.finish, each case with what it carries. */
public sealed interface JobEnd {

    ImportPhase phase();

    /** The layout used, when known. */
    default String layout() {
        return null;
    }

    /** The district of the rows, when any were merged. */
    default String kabkota() {
        return null;
    }

    /** What the file replaced (a dry run: would replace). */
    default List<ImportJob.ScopeEntry> scope() {
        return null;
    }

    default ImportJob.Summary summary() {
        return null;
    }

    /** Why, for people (refused or failed). */
    default String message() {
        return null;
    }

    /** Read (and merged, unless nothing was accepted or it was a dry run). */
    record Done(String layout, String kabkota, List<ImportJob.ScopeEntry> scope, ImportJob.Summary summary)
            implements
                JobEnd {
        @Override
        public ImportPhase phase() {
            return ImportPhase.DONE;
        }
    }

    /** Refused as a whole: the file, or allOrNothing with rejected rows. Nothing stored. */
    record Refused(String layout, ImportJob.Summary summary, String message) implements JobEnd {
        @Override
        public ImportPhase phase() {
            return ImportPhase.REFUSED;
        }
    }

    /** Failed: nothing stored; the message says what to do. */
    record Failed(String message) implements JobEnd {
        @Override
        public ImportPhase phase() {
            return ImportPhase.FAILED;
        }
    }
}
