package id.spm.api.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A titled table with typed cells: what every download of the service is made of (report forms, and any export
 * that wants the same xlsx/csv/JSON shapes). Rendered by {@link XlsxTable} and {@link CsvTable}; serialised as
 * JSON as is. Cells hold {@code Long}, {@code BigDecimal}, {@code String} or {@code null}, in column order.
 *
 * @param title title lines, printed above the header (the first is the form's title)
 * @param columns the columns in order
 * @param rows the body rows
 * @param totals rows under the body (JUMLAH, the sector row)
 * @param notes lines printed under the table (sources, parameters, inferred layout)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Table(List<String> title, List<Column> columns, List<Row> rows, List<Row> totals, List<String> notes) {

    public Table {
        title = List.copyOf(title);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        notes = List.copyOf(notes);
        for (Row r : rows) {
            r.check(columns.size());
        }
        for (Row r : totals) {
            r.check(columns.size());
        }
    }

    /** How a column's cells are typed and formatted. */
    public enum CellType {
        /** Free text; user text is neutralised against formula injection in downloads. */
        TEXT,
        /** A whole number (persons, items): {@code Long}. */
        INTEGER,
        /** A decimal quantity: {@code BigDecimal}. */
        DECIMAL,
        /** A percentage 0–100 with two decimals: {@code BigDecimal}. */
        PERCENT,
        /** Rupiah without decimals: {@code BigDecimal} or {@code Long}. */
        MONEY
    }

    /**
     * One column.
     *
     * @param key the JSON name of the cell in a row's {@code cells}
     * @param header the header text as printed
     * @param group a header printed above this and neighbouring columns with the same group, or {@code null}
     * @param number the column number printed under the header, e.g. {@code (4)}
     * @param type the cell type
     * @param typed whether people type the figure (an input) rather than the computation producing it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(@Schema(example = "numerator") String key, @Schema(example = "JUMLAH TERLAYANI") String header,
            @Schema(example = "CAPAIAN PENERIMA LAYANAN DASAR") String group, @Schema(example = "(4)") String number,
            CellType type, @Schema(example = "false") boolean typed) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * One row: a key (a service code, an area code, …) and its cells in column order.
     *
     * @param key what the row is about ({@code serviceCode} of a service row), or {@code null}
     * @param cells the values in column order
     */
    public record Row(@Schema(example = "1.02.02.2.02.0001") String key, List<Object> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
            for (Object c : cells) {
                if (c != null && !(c instanceof String) && !(c instanceof Long) && !(c instanceof BigDecimal)) {
                    throw new IllegalArgumentException("a cell is text, a Long or a BigDecimal: " + c.getClass());
                }
            }
        }

        void check(int columns) {
            if (cells.size() != columns) {
                throw new IllegalArgumentException("row " + key + " has " + cells.size() + " cells, not " + columns);
            }
        }

        /** The cells by column key (the JSON shape of a form row). */
        public Map<String, Object> byKey(List<Column> columns) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                out.put(columns.get(i).key(), cells.get(i));
            }
            return out;
        }
    }

    /** Neutralises text that a spreadsheet would read as a formula (OWASP CSV injection): a leading quote. */
    public static String safeText(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
