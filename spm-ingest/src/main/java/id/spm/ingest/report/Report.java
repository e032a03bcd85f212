package id.spm.ingest.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The validation report of one file: what was read, what was accepted, and every rejected cell
 * grouped by error code. When the whole file is refused, {@code refusal} says why and nothing else
 * is filled.
 *
 * @param fileName the name the user gave the file
 * @param layout the layout used (detected or claimed)
 * @param sheet the sheet read
 * @param headerRow the row of the header, as the user sees it
 * @param title what the title rows say
 * @param columns the file's header text of each column read, by column letter
 * @param unknownColumns header text and letter of columns no layout column matched (ignored)
 * @param rowsRead non-blank rows below the header
 * @param rowsAccepted rows that became records
 * @param rowsRejected rows with at least one error (not imported)
 * @param persons distinct persons among the accepted rows
 * @param errorCount rejected cells
 * @param errors rejected cells grouped by code
 * @param warnings notes that did not reject anything
 * @param puskesmas the Puskesmas codes of the accepted rows (the scope a corrected file replaces)
 * @param firstDate earliest event date accepted
 * @param lastDate latest event date accepted
 * @param years the years the accepted rows fall in
 * @param refusal why the whole file was refused, or {@code null}
 */
public record Report(String fileName, String layout, String sheet, Integer headerRow, TitleInfo title,
        Map<String, String> columns, List<String> unknownColumns, long rowsRead, long rowsAccepted, long rowsRejected,
        long persons, long errorCount, List<ErrorGroup> errors, List<String> warnings, SortedSet<String> puskesmas,
        LocalDate firstDate, LocalDate lastDate, SortedSet<Integer> years, Refusal refusal) {

    /** Every text taken from the file (names, headers, notes) is masked ({@link Redaction#mask}). */
    public Report {
        fileName = Redaction.mask(fileName);
        sheet = Redaction.mask(sheet);
        if (columns != null) {
            Map<String, String> masked = new java.util.LinkedHashMap<>();
            columns.forEach((k, v) -> masked.put(k, Redaction.mask(v)));
            columns = java.util.Collections.unmodifiableMap(masked);
        }
        if (unknownColumns != null) {
            unknownColumns = unknownColumns.stream().map(Redaction::mask).toList();
        }
        if (warnings != null) {
            warnings = warnings.stream().map(Redaction::mask).toList();
        }
    }

    /** A whole-file refusal: stable code and a message for the user (masked, {@link Redaction#mask}). */
    public record Refusal(String code, String message) {
        public Refusal {
            message = Redaction.mask(message);
        }
    }

    public static Report refused(String fileName, String code, String message) {
        return new Report(fileName, null, null, null, TitleInfo.NONE, Map.of(), List.of(), 0, 0, 0, 0, 0, List.of(),
                List.of(), new java.util.TreeSet<>(), null, null, new java.util.TreeSet<>(), new Refusal(code, message));
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Nothing refused and no row rejected. */
    public boolean isClean() {
        return refusal == null && rowsRejected == 0;
    }
}
