package id.spm.ingest.parse;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.rules.SpmService;
import id.spm.rules.model.Sex;

/**
 * One row's parsed values by layout column index, each read back as the type of its column's
 * {@link ValueKind}. Written only by {@link CellParser#parse(ColumnSpec, id.spm.ingest.read.Cell, ParsedRow, int)}
 * and reused from row to row ({@link #clear()}): whole numbers and yes/no are kept unboxed, so a
 * row costs no allocation beyond its values' own.
 */
public final class ParsedRow {

    private final ValueKind[] kinds;
    private final Object[] refs;
    private final long[] numbers;
    private final boolean[] present;

    /** A row for these columns, in this order. */
    public ParsedRow(List<ColumnSpec> columns) {
        kinds = new ValueKind[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ValueKind.of(columns.get(i).type());
        }
        refs = new Object[kinds.length];
        numbers = new long[kinds.length];
        present = new boolean[kinds.length];
    }

    /** Forgets every value, for the next row. */
    public void clear() {
        Arrays.fill(refs, null);
        Arrays.fill(present, false);
    }

    public int size() {
        return kinds.length;
    }

    public ValueKind kind(int i) {
        return kinds[i];
    }

    /** Whether column {@code i} has a value (it is absent, blank or rejected otherwise). */
    public boolean has(int i) {
        return present[i];
    }

    /** The text of column {@code i}, or {@code null}. */
    public String text(int i) {
        return (String) ref(i, ValueKind.TEXT);
    }

    /** The date (and time) of column {@code i}, or {@code null}. */
    public DateTimeValue dateTime(int i) {
        return (DateTimeValue) ref(i, ValueKind.DATE_TIME);
    }

    public LocalTime time(int i) {
        return (LocalTime) ref(i, ValueKind.TIME);
    }

    public BigDecimal decimal(int i) {
        return (BigDecimal) ref(i, ValueKind.DECIMAL);
    }

    public Sex sex(int i) {
        return (Sex) ref(i, ValueKind.SEX);
    }

    public SpmService service(int i) {
        return (SpmService) ref(i, ValueKind.SERVICE);
    }

    @SuppressWarnings("unchecked")
    public List<String> regions(int i) {
        return (List<String>) ref(i, ValueKind.REGION_LIST);
    }

    /** The whole number of column {@code i}; 0 when it has none (see {@link #has}). */
    public long whole(int i) {
        expect(i, ValueKind.WHOLE);
        return present[i] ? numbers[i] : 0;
    }

    /** Whether column {@code i} says yes; {@code false} when it has no value (see {@link #has}). */
    public boolean yes(int i) {
        expect(i, ValueKind.YES_NO);
        return present[i] && numbers[i] != 0;
    }

    void set(int i, ValueKind kind, Object value) {
        expect(i, kind);
        refs[i] = value;
        present[i] = true;
    }

    void set(int i, ValueKind kind, long value) {
        expect(i, kind);
        numbers[i] = value;
        present[i] = true;
    }

    private Object ref(int i, ValueKind kind) {
        expect(i, kind);
        return refs[i];
    }

    private void expect(int i, ValueKind kind) {
        if (kinds[i] != kind) {
            throw new IllegalStateException("Column " + i + " holds " + kinds[i] + " values, not " + kind + ".");
        }
    }
}
