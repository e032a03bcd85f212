package id.spm.ingest.header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.Names;
import id.spm.ingest.read.Cell;
import id.spm.ingest.read.SheetRow;

/**
 * How one row reads as the header of one layout: which layout column each file column is, which
 * file columns are unknown, which required columns are missing.
 */
public record HeaderMatch(Layout layout, SheetRow row, Map<ColumnSpec, Integer> bound, Map<Integer, String> headerText,
        List<String> unknown, List<String> missing, List<String> duplicates) {

    public static HeaderMatch of(Layout layout, SheetRow row, boolean titleHasPuskesmas) {
        Map<String, ColumnSpec> byName = new LinkedHashMap<>();
        for (ColumnSpec c : layout.columns()) {
            for (String n : c.names()) {
                byName.put(n, c);
            }
        }
        Map<ColumnSpec, Integer> bound = new LinkedHashMap<>();
        Map<Integer, String> text = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (Cell cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            String label = cell.text().strip();
            ColumnSpec spec = byName.get(Names.normalise(label));
            if (spec == null) {
                spec = byName.get(Names.normaliseWithoutUnit(label));
            }
            String where = label + " (" + Cell.columnLetter(cell.column()) + ")";
            if (spec == null) {
                unknown.add(where);
            } else if (bound.containsKey(spec)) {
                duplicates.add(where);
            } else {
                bound.put(spec, cell.column());
                text.put(cell.column(), label);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ColumnSpec c : layout.columns()) {
            if (c.required() && !bound.containsKey(c) && !(c.titleFallback() && titleHasPuskesmas)) {
                missing.add(c.header());
            }
        }
        return new HeaderMatch(layout, row, bound, text, unknown, missing, duplicates);
    }

    public boolean fits() {
        return missing.isEmpty();
    }

    public int score() {
        return bound.size();
    }
}
