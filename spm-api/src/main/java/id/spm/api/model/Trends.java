package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /trends}: each service's quarterly series (quarters cumulative from January against the
 * annual sasaran), the same figures as {@code GET /achievements} of each quarter, ready to chart.
 */
public record Trends(@Schema(example = "73.18") String area, @Schema(example = "Kabupaten Tana Toraja") String areaName,
        @Schema(example = "2024") int fromYear, @Schema(example = "2025") int toYear,
        @Schema(example = "[\"2024-Q1\",\"2024-Q2\"]", description = "The periods of every series, in order") List<String> periods,
        @Schema(description = "The sector index per period") List<Point> sector, List<Series> services) {

    public record Series(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "ANTENATAL") String service, @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            List<Point> points) {
    }

    /** One period's figures; {@code null} where not computable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(@Schema(example = "2025-Q2") String period, @Schema(example = "2025") int year,
            @Schema(example = "2") int quarter, @Schema(example = "1780") Long numerator,
            @Schema(example = "4820") Long sasaran, @Schema(example = "36.93") BigDecimal coveragePercent,
            @Schema(example = "36.93") BigDecimal penerimaPercent, @Schema(example = "62.50") BigDecimal qualityPercent,
            @Schema(example = "42.04") BigDecimal index, @Schema(example = "Tuntas Muda") String category) {
    }
}
