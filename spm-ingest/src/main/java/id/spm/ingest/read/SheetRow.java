package id.spm.ingest.read;

import java.util.List;

/**
 * One row of a sheet.
 *
 * @param number the row number the user sees in a spreadsheet (1-based, title rows counted)
 * @param cells the non-empty cells, in column order; columns absent from the list are blank
 */
public record SheetRow(int number, List<Cell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell at a zero-based column, or {@code null} when that cell is absent. */
    public Cell cell(int column) {
        // Rows are sparse and sorted; most rows are short, so a scan beats an index.
        for (Cell c : cells) {
            if (c.column() == column) {
                return c;
            }
            if (c.column() > column) {
                return null;
            }
        }
        return null;
    }

    public boolean isBlank() {
        for (Cell c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
