package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /services}: the twelve services, the rule sets and the category schemes. */
public record ServiceCatalog(List<ServiceDto> services, List<RuleSetDto> ruleSets,
        List<CategorySchemeDto> categorySchemes) {

    public record ServiceDto(@Schema(example = "1.02.02.2.02.0001") String code, @Schema(example = "1") int number,
            @Schema(example = "ANTENATAL") String key, @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            String numerator, String denominator, @Schema(example = "§2.1, §9.1") String clause) {
    }

    public record RuleSetDto(@Schema(example = "PMK-6-2024") String id,
            @Schema(example = "Permenkes 6/2024") String regulation, @Schema(example = "2024") int effectiveFromYear,
            List<ParameterDto> parameters) {
    }

    public record ParameterDto(@Schema(example = "antenatal.trimester1MaxWeek") String name,
            @Schema(example = "12") String value, String description, boolean interpretation) {
    }

    public record CategorySchemeDto(@Schema(example = "BANDS-20") String id, String description,
            List<BandDto> bands) {
    }

    public record BandDto(@Schema(example = "Tuntas Utama") String label, @Schema(example = "80") BigDecimal minIndex) {
    }
}
