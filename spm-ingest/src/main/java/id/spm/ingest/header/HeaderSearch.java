package id.spm.ingest.header;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.spm.ingest.layout.Layout;
import id.spm.ingest.parse.CellParser;
import id.spm.ingest.read.Cell;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.read.FileRefusedException.Code;
import id.spm.ingest.read.SheetReader;
import id.spm.ingest.read.SheetRow;
import id.spm.ingest.report.TitleInfo;

/**
 * Finds the header: the first of the first {@value #ROWS} non-blank rows in which a layout finds
 * all its required columns (the best-scoring layout when several do), and what the title rows
 * above it say (a Puskesmas code, a year, a month).
 */
public final class HeaderSearch {

    /** Rows examined for the header: real exports put a handful of title rows above it. */
    public static final int ROWS = 50;
    private static final Pattern PUSKESMAS_CODE = Pattern.compile("\\bP\\d{10}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** The header found and the title rows' information. */
    public record Found(HeaderMatch header, TitleInfo title) {
    }

    private HeaderSearch() {
    }

    /**
     * Reads rows until the header; the reader is left just after it.
     *
     * @param candidates the layouts to try
     * @param claimed the layout the caller claims, or {@code null} (only changes the refusal's wording)
     * @throws FileRefusedException {@code NO_HEADER}, or {@code LAYOUT_MISMATCH} for a claimed layout
     */
    public static Found find(SheetReader reader, List<Layout> candidates, Layout claimed) throws IOException {
        List<SheetRow> above = new ArrayList<>();
        HeaderMatch header = null;
        HeaderMatch closest = null;
        TitleInfo title = TitleInfo.NONE;
        SheetRow row;
        while (header == null && above.size() < ROWS && (row = reader.next()) != null) {
            if (row.isBlank()) {
                continue;
            }
            TitleInfo t = titleOf(above);
            for (Layout l : candidates) {
                HeaderMatch m = HeaderMatch.of(l, row, t.puskesmas() != null);
                if (m.fits() && (header == null || m.score() > header.score())) {
                    header = m;
                }
                if (closest == null || m.score() - m.missing().size() > closest.score() - closest.missing().size()) {
                    closest = m;
                }
            }
            if (header == null) {
                above.add(row);
            } else {
                title = t;
            }
        }
        if (header == null) {
            throw noHeader(claimed, closest);
        }
        return new Found(header, title);
    }

    private static FileRefusedException noHeader(Layout claimed, HeaderMatch closest) {
        String hint = closest == null ? ""
                : " The closest is layout '" + closest.layout().name() + "' (row " + closest.row().number()
                        + "), missing: " + String.join(", ", closest.missing()) + ".";
        if (claimed != null) {
            return new FileRefusedException(Code.LAYOUT_MISMATCH, "No row in the first " + ROWS
                    + " is the header of layout '" + claimed.name() + "'." + hint);
        }
        return new FileRefusedException(Code.NO_HEADER,
                "No row in the first " + ROWS + " matches the header of a known layout." + hint);
    }

    private static TitleInfo titleOf(List<SheetRow> rows) {
        String pkm = null;
        Integer year = null;
        Integer month = null;
        for (SheetRow r : rows) {
            for (Cell c : r.cells()) {
                String s = c.text();
                if (pkm == null) {
                    Matcher m = PUSKESMAS_CODE.matcher(s);
                    if (m.find()) {
                        pkm = m.group();
                    }
                }
                if (year == null) {
                    Matcher m = YEAR.matcher(s);
                    if (m.find()) {
                        year = Integer.valueOf(m.group(1));
                    }
                }
                if (month == null) {
                    Matcher m = WORD.matcher(s);
                    while (m.find()) {
                        int mo = CellParser.month(m.group());
                        // Short forms like "mar" or "des" are too ambiguous in free title text.
                        if (mo > 0 && m.group().length() >= 3 && isMonthWord(m.group())) {
                            month = mo;
                            break;
                        }
                    }
                }
            }
        }
        return new TitleInfo(pkm, year, month);
    }

    private static boolean isMonthWord(String w) {
        return w.length() > 4 || w.equalsIgnoreCase("mei") || w.equalsIgnoreCase("juni") || w.equalsIgnoreCase("juli");
    }
}
