package id.spm.ingest.layout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a layout.
 *
 * @param field the model field it fills (fixed per target, see {@link RowKind})
 * @param header the column's name in the reference export
 * @param aliases other names of the column in real exports
 * @param type how cells are parsed
 * @param required the header must have the column (layout detection needs it) and, unless
 *        {@code blankAllowed}, a blank cell rejects the row
 * @param blankAllowed a blank cell is accepted ("not done" / "not examined"); yes/no columns always
 *        accept blank
 * @param vocabulary for {@link ColumnType#ENUM} and {@link ColumnType#ICD10}: accepted spelling
 *        (matched loosely) → canonical value
 * @param level for {@link ColumnType#REGION}: {@code province}, {@code kabkota}, {@code kecamatan},
 *        {@code desa} or {@code any}
 * @param ranges for {@link ColumnType#ICD10}: accepted code ranges such as {@code I10-I15}
 * @param min smallest accepted number, may be {@code null}
 * @param max largest accepted number, may be {@code null}
 * @param titleFallback when the column is absent or blank, the value found in the title rows is used
 *        (for the Puskesmas code)
 */
public record ColumnSpec(String field, String header, List<String> aliases, ColumnType type, boolean required,
        boolean blankAllowed,
        Map<String, String> vocabulary, String level, List<String> ranges, BigDecimal min, BigDecimal max,
        boolean titleFallback) {

    public ColumnSpec {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        vocabulary = vocabulary == null ? Map.of() : Map.copyOf(vocabulary);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        level = level == null ? "any" : level;
    }

    /** Whether a blank cell rejects the row. */
    public boolean cellRequired() {
        return required && !blankAllowed && type != ColumnType.YESNO;
    }

    /** Every normalised name the column answers to. */
    public Set<String> names() {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
        s.add(Names.normalise(header));
        for (String a : aliases) {
            s.add(Names.normalise(a));
        }
        s.remove("");
        return s;
    }
}
