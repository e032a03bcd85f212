package id.spm.ingest.report;

/**
 * What the title rows above the header say, when they say it.
 *
 * @param puskesmas a Puskesmas code ({@code P} + 10 digits) found in the title rows
 * @param year a year found there
 * @param month a month (1–12) named there
 */
public record TitleInfo(String puskesmas, Integer year, Integer month) {

    public static final TitleInfo NONE = new TitleInfo(null, null, null);
}
