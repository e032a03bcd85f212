package id.spm.api.rest;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.Problem;
import id.spm.api.model.Comparison;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.api.service.ComparisonService;
import id.spm.rules.Period;

@Path("/api/v1/comparisons")
@Tag(name = "Over time", description = "Year over year, quarterly trends and their charts, what-if, submission diffs, next year's targets")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    static final String EXAMPLE = """
            {"area":"73.18","areaName":"Kabupaten Tana Toraja","level":"DISTRICT","period":"2025","basePeriod":"2024","tolerance":0,
            "improvedCount":4,"declinedCount":6,"unchangedCount":1,"notComparableCount":1,
            "sector":{"baseIndex":68.10,"index":71.36,"change":3.26,"baseCategory":"Tuntas Madya","category":"Tuntas Madya"},
            "services":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","name":"Pelayanan kesehatan ibu hamil",
            "base":{"period":"2024","ruleSet":"PMK-6-2024","categoryScheme":"BANDS-20","numerator":3451,"sasaran":4855,"sasaranSources":["BPS_PROJECTION"],
            "coveragePercent":71.08,"penerimaPercent":71.08,"qualityPercent":62.50,"index":69.36,"category":"Tuntas Madya"},
            "current":{"period":"2025","ruleSet":"PMK-6-2024","categoryScheme":"BANDS-20","numerator":3571,"sasaran":4820,"sasaranSources":["BPS_PROJECTION"],
            "coveragePercent":74.09,"penerimaPercent":74.09,"qualityPercent":62.50,"index":71.77,"category":"Tuntas Madya"},
            "direction":"IMPROVED","judgedOn":"IPSPM","numeratorChange":120,"sasaranChange":-35,"penerimaChange":3.01,"qualityChange":0.00,
            "indexChange":2.41,"notComparable":[],"notes":[]}]}""";

    private final ComparisonService comparisons;
    private final CallerScope scope;

    public ComparisonResource(ComparisonService comparisons, CallerScope scope) {
        this.comparisons = comparisons;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "compareYears", summary = "Year over year: each service's figures of two periods, the changes and a direction", description = "The figures are those of GET /achievements for each period. The direction is judged on the IPSPM, or on %IP penerima where %IP mutu is missing in either period (said in notes); a move of at most `tolerance` points is UNCHANGED. A different rule set, different rule parameters, a different category scheme or a sasaran of a different provenance make the service NOT_COMPARABLE, with every reason. With `quarter`, the same cumulative quarter of both years is compared.")
    @APIResponse(responseCode = "200", description = "Both periods per service, with the direction and counts", content = @Content(schema = @Schema(implementation = Comparison.class), examples = @ExampleObject(name = "2025 vs 2024", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid area or periods (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_PARAMETER, SAME_PERIOD, NO_RULE_SET, AREA_TOO_WIDE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area, or no Puskesmas registered in it (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Comparison compare(@Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(required = true, example = "2024") @QueryParam("baseYear") @NotNull @Min(2015) @Max(2035) Integer baseYear,
            @Parameter(description = "1–4: compare this cumulative quarter of both years; absent for the years", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @Parameter(description = "A move of at most this many points (of the IPSPM or %IP penerima) is UNCHANGED", example = "0") @QueryParam("tolerance") @DefaultValue("0") @DecimalMin("0") BigDecimal tolerance) {
        String code = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, code);
        Period current = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        Period base = quarter == null ? Period.ofYear(baseYear) : Period.ofQuarter(baseYear, quarter);
        return comparisons.compare(code, current, base, tolerance);
    }
}
