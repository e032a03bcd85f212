package id.spm.ingest.header;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.spm.ingest.layout.ColumnSpec;

/**
 * The layout columns of a matched header in a fixed order, each with the file column it is read from
 * (-1: absent). Row values are held in this order, so a field's value is found by its index.
 */
public final class Binding {

    private final HeaderMatch header;
    private final ColumnSpec[] specs;
    private final int[] columns;
    private final Map<String, Integer> index = new HashMap<>();

    public Binding(HeaderMatch header) {
        this.header = header;
        List<ColumnSpec> cols = header.layout().columns();
        specs = cols.toArray(new ColumnSpec[0]);
        columns = new int[specs.length];
        for (int i = 0; i < specs.length; i++) {
            Integer c = header.bound().get(specs[i]);
            columns[i] = c == null ? -1 : c;
            index.put(specs[i].field(), i);
        }
    }

    public HeaderMatch header() {
        return header;
    }

    /** The number of layout columns. */
    public int size() {
        return specs.length;
    }

    /** The layout column at {@code i}. */
    public ColumnSpec spec(int i) {
        return specs[i];
    }

    /** The file column (zero-based) the layout column {@code i} is read from, or -1 when the file lacks it. */
    public int column(int i) {
        return columns[i];
    }

    /** The index of a layout field, or -1 when the layout has no such field. */
    public int indexOf(String field) {
        Integer i = index.get(field);
        return i == null ? -1 : i;
    }
}
