package id.spm.api.security;

/** The roles a token names in its {@code groups} claim. */
public final class Roles {

    /** Aggregate figures of the caller's areas. */
    public static final String VIEWER = "viewer";
    /** Also person-level data (who is not counted and why). */
    public static final String ANALYST = "analyst";
    /** Uploads data and sets targets. */
    public static final String IMPORTER = "importer";
    /** Everything, including minting tokens and freezing submissions. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
