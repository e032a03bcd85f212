package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.spm.rules.catalog.Direction;
import id.spm.rules.catalog.Unit;

/**
 * A regional BLUD Puskesmas catalog (domain §7): a regent's regulation setting the Puskesmas' own SPM, with its
 * indicators and their targets per year. Not the twelve national services ({@link ServiceCatalog}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BludCatalog", description = "A regent's BLUD Puskesmas SPM catalog: regulation, region, indicators with targets per year")
public record BludCatalog(
        @Schema(example = "magelang-perbup-4-2015", pattern = "^[a-z0-9][a-z0-9-]{2,63}$", description = "Stable identifier (lower-case letters, digits, hyphens)") String id,
        @Schema(example = "Peraturan Bupati Magelang Nomor 4 Tahun 2015 tentang Standar Pelayanan Minimal pada Puskesmas di Kabupaten Magelang") String regulation,
        @Schema(example = "33.08", description = "Kemendagri code of the kab/kota whose regent set it") String region,
        @Schema(description = "Remarks on the transcription") String note,
        @Schema(example = "SHIPPED", enumeration = {
                "SHIPPED",
                "API" }, readOnly = true, description = "Shipped with the service, or created through the API") String origin,
        List<BludIndicator> indicators){

    /** Process indicators (Pasal 2 ayat (3) of seed 003) or output indicators (ayat (4)). */
    @Schema(name = "BludKind", description = "PROCESS or OUTPUT indicator")
    public enum Kind {
        PROCESS,
        OUTPUT
    }

    /** How a value is obtained. */
    @Schema(name = "BludMethod", description = "How an indicator's value is obtained")
    public enum Method {
        /** A survey of patients or visits (waiting times, satisfaction). */
        SURVEY,
        /** The Puskesmas' own register or report (opening hours, forced discharges, program coverage). */
        LOG,
        /** Taken from the service achievements ({@code computed}); never typed. */
        COMPUTED
    }

    /** Which figure of a service's achievement a COMPUTED indicator takes (GET /achievements). */
    @Schema(name = "BludFigure", description = "The figure of a service achievement a COMPUTED indicator takes")
    public enum Figure {
        /** Recipients served sesuai standar ({@code numerator}). */
        NUMERATOR,
        /** Recipients served ÷ sasaran × 100 ({@code coveragePercent}). */
        COVERAGE_PERCENT,
        /** Coverage capped as in the index ({@code penerimaPercent}). */
        PENERIMA_PERCENT,
        /** Mutu minimal ({@code qualityPercent}). */
        QUALITY_PERCENT,
        /** The service's IPSPM ({@code index}). */
        INDEX
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BludIndicator", description = "One indicator of a catalog")
    public record BludIndicator(@Schema(example = "1.b.7") String code,
            @Schema(example = "Waktu penyelesaian pelayanan laboratorium") String name,
            @Schema(example = "PROCESS") Kind kind, @Schema(example = "MINUTES") Unit unit,
            @Schema(example = "AT_MOST") Direction direction,
            @Schema(description = "Target per year (year → number, in the indicator's unit)", example = "{\"2014\":120,\"2015\":120}") SortedMap<Integer, BigDecimal> targets,
            @Schema(example = "SURVEY") Method method,
            @Schema(description = "For COMPUTED: the service and figure the value is taken from") BludComputed computed,
            @Schema(example = "Lampiran Perbup Magelang 4/2015, no. 1.b.7") String source,
            @Schema(description = "Transcription remarks (OCR-uncertain cells, contradictions)") String note) {
    }

    @Schema(name = "BludComputed", description = "Where a COMPUTED indicator's value comes from")
    public record BludComputed(@Schema(example = "1.02.02.2.02.0007") String service,
            @Schema(example = "COVERAGE_PERCENT") Figure figure) {
    }
}
