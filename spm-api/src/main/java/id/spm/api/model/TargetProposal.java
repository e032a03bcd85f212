package id.spm.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Next year's targets of a district (SE Mendagri 600.4/2851/ST): each service's sasaran and minimum quality
 * with its method, split over the Puskesmas; once adopted by decree, the sasaran of that year.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetProposal(@Schema(readOnly = true, example = "3") Long id, @Schema(example = "73.18") String area,
        @Schema(example = "2026") int year, @Schema(example = "PROPOSED", enumeration = {
                "PROPOSED", "ADOPTED" }) String status,
        @Schema(example = "LINEAR") String populationMethod,
        @Schema(example = "linear (least squares) projection to 2026 from penduduk 2024–2025, per area, age group and sex, rounded half up") String populationBasis,
        @Schema(example = "[2024, 2025]") List<Integer> baseYears,
        @Schema(example = "236512", description = "The district's projected population") Long projectedPopulation,
        List<Sasaran> sasaran, List<MinimumQuality> minimumQuality, Adoption adoption,
        @Schema(readOnly = true) OffsetDateTime createdAt, @Schema(readOnly = true, example = "dinkes-admin") String createdBy){

    public TargetProposal withStored(Long id, String status, Adoption adoption, OffsetDateTime createdAt,
            String createdBy) {
        return new TargetProposal(id, area, year, status, populationMethod, populationBasis, baseYears,
                projectedPopulation, sasaran, minimumQuality, adoption, createdAt, createdBy);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sasaran(@Schema(example = "1.02.02.2.02.0006") String serviceCode,
            @Schema(example = "PRODUCTIVE_AGE") String service, @Schema(example = "152340") Long amount,
            @Schema(example = "POPULATION_IN_BAND", enumeration = {
                    "POPULATION_IN_BAND", "PREVALENCE", "TB_FORMULA", "SCALED_BY_POPULATION" }) String method,
            @Schema(example = "BPS_PROJECTION", description = "The provenance of the figure it was derived from") String basis,
            @Schema(example = "population aged 15–59 of 73.18 projected for 2026: 152340") String note,
            @Schema(description = "Why no figure is proposed") String reason, List<Share> shares,
            @Schema(description = "Why it is not split") String sharesReason){
    }

    public record Share(@Schema(example = "P7318010101") String puskesmas, @Schema(example = "10512") long amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MinimumQuality(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "ANTENATAL") String service,
            @Schema(example = "100", description = "The %IP mutu to reach: every goods and staff item at its standard") BigDecimal minimumPercent,
            @Schema(example = "full goods and staff standard (Permendagri 59/2021 via digest §3); needs from the goods standards × proposed sasaran") String method,
            List<Goods> goods) {
    }

    public record Goods(@Schema(example = "Tablet tambah darah") String item, @Schema(example = "tablet") String unit,
            @Schema(example = "180 tablet per ibu hamil") String standard, @Schema(example = "868140") BigDecimal need) {
    }

    public record Adoption(@Schema(example = "188.45/123/2025") String decreeNumber,
            @Schema(example = "2025-07-28") LocalDate decreeDate, OffsetDateTime adoptedAt,
            @Schema(example = "dinkes-admin") String adoptedBy,
            @Schema(example = "156", description = "Sasaran rows written (district and Puskesmas)") int targetsWritten) {
    }
}
