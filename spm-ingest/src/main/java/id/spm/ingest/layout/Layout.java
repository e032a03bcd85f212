package id.spm.ingest.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A layout: the columns of one export and the record its rows become.
 *
 * @param name e.g. {@code ekohort-anc}
 * @param title a line for people
 * @param target what a row becomes
 * @param sheet the sheet to read: {@code first} or a name
 * @param columns the columns, in the reference export's order
 * @param source where the layout came from ({@code built-in} or a file path)
 * @param key the fields that identify a row (a repeated key is a duplicate row); empty: the target's own key
 */
public record Layout(String name, String title, RowKind target, String sheet, List<ColumnSpec> columns,
        String source, List<String> key) {

    public Layout(String name, String title, RowKind target, String sheet, List<ColumnSpec> columns, String source) {
        this(name, title, target, sheet, columns, source, List.of());
    }

    public Layout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
        sheet = sheet == null || sheet.isBlank() ? "first" : sheet;
        List<String> problems = new ArrayList<>();
        Map<String, String> seenNames = new HashMap<>();
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (ColumnSpec c : columns) {
            if (!target.knows(c.field())) {
                problems.add("field '" + c.field() + "' is not a field of " + target.typeName());
            }
            if (!fields.add(c.field())) {
                problems.add("field '" + c.field() + "' is mapped twice");
            }
            if ((c.type() == ColumnType.ENUM) && c.vocabulary().isEmpty()) {
                problems.add("column '" + c.header() + "' is an enum without values");
            }
            for (String n : c.names()) {
                String other = seenNames.putIfAbsent(n, c.field());
                if (other != null && !other.equals(c.field())) {
                    problems.add("name '" + n + "' is an alias of both '" + other + "' and '" + c.field() + "'");
                }
            }
        }
        key = key == null ? List.of() : List.copyOf(key);
        for (String k : key) {
            if (!fields.contains(k)) {
                problems.add("key field '" + k + "' has no column");
            }
        }
        for (String f : target.requiredFields()) {
            if (!fields.contains(f)) {
                problems.add("required field '" + f + "' of " + target.typeName() + " has no column");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("layout '" + name + "' (" + source + "): " + String.join("; ", problems));
        }
    }

    public ColumnSpec column(String field) {
        for (ColumnSpec c : columns) {
            if (c.field().equals(field)) {
                return c;
            }
        }
        return null;
    }
}
