package id.spm.api.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link Table} as CSV laid out like the printed form: title lines, the group header (when any), the header,
 * the column numbers, the rows, the totals and the notes. The dialect of an Indonesian spreadsheet
 * ({@code csvDialect} = {@code id}): {@code ;} between fields, decimal comma, no thousands separator, UTF-8 with a
 * byte-order mark, CRLF. Text that a spreadsheet would take for a formula is neutralised ({@link Table#safeText}).
 */
public final class CsvTable {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final char SEP = ';';

    private CsvTable() {
    }

    public static byte[] render(Table t) {
        StringBuilder out = new StringBuilder("\uFEFF");
        int n = t.columns().size();
        for (String line : t.title()) {
            line(out, List.of(line), n);
        }
        if (t.columns().stream().anyMatch(c -> c.group() != null)) {
            line(out, t.columns().stream().map(c -> c.group() == null ? "" : c.group()).map(s -> (Object) s).toList(),
                    n);
        }
        line(out, t.columns().stream().map(c -> (Object) c.header()).toList(), n);
        line(out, t.columns().stream().map(c -> (Object) (c.number() == null ? "" : c.number())).toList(), n);
        for (Table.Row r : t.rows()) {
            line(out, r.cells(), n, t);
        }
        for (Table.Row r : t.totals()) {
            line(out, r.cells(), n, t);
        }
        for (String note : t.notes()) {
            line(out, List.of(note), n);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(SEP);
            }
            if (i < cells.size() && cells.get(i) != null) {
                out.append(field(Table.safeText(String.valueOf(cells.get(i)))));
            }
        }
        out.append("\r\n");
    }

    private static void line(StringBuilder out, List<Object> cells, int n, Table t) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(SEP);
            }
            Object v = cells.get(i);
            if (v instanceof BigDecimal d) {
                out.append(number(d, t.columns().get(i).type()));
            } else if (v instanceof Long l) {
                out.append(l);
            } else if (v instanceof String s) {
                out.append(field(Table.safeText(s)));
            }
        }
        out.append("\r\n");
    }

    static String number(BigDecimal d, Table.CellType type) {
        BigDecimal v = switch (type) {
            case MONEY -> d.setScale(0, RoundingMode.HALF_UP);
            case PERCENT -> d.setScale(2, RoundingMode.HALF_UP);
            default -> d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
        };
        return v.toPlainString().replace('.', ',');
    }

    private static String field(String s) {
        if (s.indexOf(SEP) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
