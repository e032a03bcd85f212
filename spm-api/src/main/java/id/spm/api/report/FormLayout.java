package id.spm.api.report;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.api.export.Table;

/**
 * A report form's layout, read from a data file ({@code /reports/forms/*.json}; reports.md §0 "Engineering
 * consequence"): the official template can replace one without code. Each column names the {@code source} of its
 * cells in the vocabulary of {@code ReportFormService}, so columns can be reordered, renamed or dropped in the file.
 *
 * @param code the form code ({@code 2.E.2}, {@code e-spm}, …), the path segment of the API
 * @param name the form's name
 * @param stage the implementation stage it belongs to (reports.md §1.2)
 * @param title the title template: {@code {AREA_TITLE}}, {@code {YEAR}}, {@code {PERIOD_TITLE}},
 *        {@code {PERIOD_SHORT}}
 * @param reference the reports.md section the layout follows
 * @param confidence {@code source}, {@code source-ocr} or {@code inferred} (reports.md §0 tags)
 * @param inferred what is inferred and from what, printed under the form
 * @param rows what a row is: {@code services}, {@code areas}, {@code facilities}, {@code goods}, {@code staff},
 *        {@code plan}
 * @param input the typed-input layout the form reads, if any
 * @param documents for plan forms: the planning documents whose rows it shows
 * @param columns the columns in order
 * @param totals the rows under the body: cells by column key ({@code label:…}, {@code sum}, {@code sector.index}, …)
 * @param notes fixed lines printed under the form
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = false)
public record FormLayout(@Schema(example = "2.E.2") String code,
        @Schema(example = "Rekapitulasi Capaian Standar Pelayanan Minimal Bidang Kesehatan") String name,
        @Schema(example = "d. Pelaksanaan Pemenuhan Pelayanan Dasar") String stage, String title,
        @Schema(example = "reports.md §3.8") String reference,
        @Schema(example = "inferred", enumeration = {
                "source", "source-ocr", "inferred" }) String confidence,
        String inferred, @Schema(example = "services") String rows, @Schema(example = "anggaran") String input,
        List<String> documents, List<FormColumn> columns, List<TotalRow> totals, List<String> notes){

    /** A column of the layout. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormColumn(@Schema(example = "index") String key,
            @Schema(example = "INDEKS PENCAPAIAN SPM (IPSPM)") String header, String group,
            @Schema(example = "(7)") String number,
            @Schema(example = "percent", enumeration = {
                    "text", "integer", "decimal", "percent", "money" }) String type,
            @Schema(example = "computed", enumeration = { "computed", "typed", "rule-set", "master" }) String kind,
            @Schema(example = "achievement.index") String source){

        public Table.CellType cellType() {
            return Table.CellType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        }

        public boolean typed() {
            return "typed".equals(kind);
        }
    }

    /** A total row: its key and the cells it fills, by column key. */
    public record TotalRow(@Schema(example = "sector") String key, Map<String, String> cells) {
    }
}
