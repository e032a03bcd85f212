package id.spm.api.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The typed values (SURVEY, LOG) of a catalog for one Puskesmas and year. */
@Schema(name = "BludValues", description = "The typed values of a catalog for one Puskesmas and year")
public record BludValues(@Schema(example = "magelang-perbup-4-2015") String catalog,
        @Schema(example = "P3308010101") String puskesmas, @Schema(example = "2016") int year,
        List<BludStoredValue> values) {

    /** One item of {@code PUT …/values/{puskesmas}/{year}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BludValueItem", description = "A value of one indicator, in the indicator's unit")
    public record BludValueItem(@Schema(example = "1.b.7", required = true) String indicator,
            @Schema(example = "95", description = "The value in the indicator's unit; or give numerator and denominator") BigDecimal value,
            @Schema(example = "Survei 120 kunjungan, Maret 2016") String note,
            @Schema(example = "1", description = "For a % or per-100,000 indicator instead of value: the register's count (e.g. AFP cases)") Long numerator,
            @Schema(example = "50000", description = "With numerator: the population or total it is counted against") Long denominator) {

        public BludValueItem(String indicator, BigDecimal value, String note) {
            this(indicator, value, note, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BludStoredValue", description = "A stored value with who wrote it")
    public record BludStoredValue(@Schema(example = "1.b.7") String indicator, @Schema(example = "95") BigDecimal value,
            String note, @Schema(example = "1", description = "When given as counts") Long numerator,
            @Schema(example = "50000") Long denominator, @Schema(example = "pkm-salaman") String updatedBy,
            OffsetDateTime updatedAt) {
    }

    /** A rejected item, located by its index in the request and its indicator. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BludItemError", description = "A rejected item: its index in the request, its indicator, why")
    public record BludItemError(@Schema(example = "2") int index, @Schema(example = "A.1") String indicator,
            @Schema(example = "COMPUTED indicator: its value is the service achievement, never typed") String reason) {
    }

    /** problem+json of rejected values: the RFC 9457 fields and every located error. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "BludValuesProblem", description = "RFC 9457 problem details with the located errors of the items")
    public record BludValuesProblem(
            @Schema(example = "https://spm-kesehatan.id/problems/catalog-values-invalid") String type,
            @Schema(example = "Invalid request") String title, @Schema(example = "400") int status,
            @Schema(example = "2 of 5 values are invalid; nothing was stored.") String detail,
            @Schema(example = "/api/v1/catalogs/magelang-perbup-4-2015/values/P3308010101/2016") String instance,
            @Schema(example = "CATALOG_VALUES_INVALID") String code, List<BludItemError> errors) {
    }
}
