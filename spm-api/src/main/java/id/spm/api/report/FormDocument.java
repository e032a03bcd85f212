package id.spm.api.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.api.export.Table;

/**
 * A report form filled for an area and period (issue 10): its title, columns, one row per service (or area,
 * facility, item, plan row) with the figures by column key, the totals and the sector row, and the provenance:
 * rule set, category scheme (bands unverified, reports.md §7), data version, computation time, and the frozen
 * submission it was rendered from, if any. {@link #table()} is the same content for the xlsx and csv downloads.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormDocument(@Schema(example = "2.E.2") String form,
        @Schema(example = "Rekapitulasi Capaian Standar Pelayanan Minimal Bidang Kesehatan") String name,
        @Schema(example = "73.18") String area, @Schema(example = "Kabupaten Tana Toraja") String areaName,
        @Schema(example = "DISTRICT") String level, @Schema(example = "2025-Q2") String period,
        @Schema(example = "PMK-6-2024") String ruleSet,
        @Schema(example = "BANDS-20", description = "The category scheme; its bands are unverified (reports.md §7)") String categoryScheme,
        @Schema(example = "17") long dataVersion, OffsetDateTime computedAt,
        @Schema(example = "inferred") String confidence, String inferred, @Schema(example = "reports.md §3.8") String reference,
        List<String> title, List<Table.Column> columns,
        @Schema(description = "One object per row: serviceCode (service rows) or key, then the cells by column key") List<Map<String, Object>> rows,
        @Schema(description = "Total rows (JUMLAH) and the sector row (BIDANG KESEHATAN)") List<Map<String, Object>> totals,
        List<String> notes, Frozen submission, @JsonIgnore Table table) {

    /** The frozen submission the form was rendered from. */
    @Schema(name = "FormFrozen")
    public record Frozen(@Schema(example = "7") long id, OffsetDateTime frozenAt,
            @Schema(example = "12") long dataVersion,
            @Schema(example = "true", description = "Rendered from the frozen figures and inputs (false: today's, on request)") boolean frozen) {
    }

    /** Rows of a table as JSON objects: the row key under {@code keyName}, then the cells by column key. */
    public static List<Map<String, Object>> objects(Table t, String keyName) {
        return t.rows().stream().map(r -> object(r, t, keyName)).toList();
    }

    public static List<Map<String, Object>> totals(Table t) {
        return t.totals().stream().map(r -> object(r, t, "key")).toList();
    }

    private static Map<String, Object> object(Table.Row r, Table t, String keyName) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (r.key() != null) {
            m.put(keyName, r.key());
        }
        m.putAll(r.byKey(t.columns()));
        return m;
    }

}
