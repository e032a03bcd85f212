package id.spm.api.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.Problem;
import id.spm.api.model.DeriveRequest;
import id.spm.api.model.TargetDto;
import id.spm.api.service.TargetDerivationService;
import id.spm.api.service.TargetService;

@Path("/api/v1/targets")
@Tag(name = "Targets (sasaran)", description = "Denominators with their provenance: set, list, derive")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    static final String TARGET_EXAMPLE = """
            {"id":41,"area":"73.18","year":2025,"serviceCode":"1.02.02.2.02.0001","amount":4820,"source":"BPS_PROJECTION",
            "note":"Proyeksi BPS 2025: ibu bersalin","createdAt":"2025-01-15T09:30:00+08:00","createdBy":"dinkes-admin"}""";

    private final TargetService targets;
    private final TargetDerivationService derivations;

    public TargetResource(TargetService targets, TargetDerivationService derivations) {
        this.targets = targets;
        this.derivations = derivations;
    }

    @POST
    @Path("/derive")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "deriveTargets", summary = "Derive sasaran: population × prevalence, the TB formula, or a split over Puskesmas by population", description = "Computed by spm-rules, each figure with a note saying how. store=false previews; store=true keeps them as the areas' latest sasaran.")
    @APIResponse(responseCode = "200", description = "The derived figures", content = @Content(schema = @Schema(implementation = TargetDto.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "prevalence", value = """
            [{"area":"73.18","year":2025,"serviceCode":"1.02.02.2.02.0008","amount":14652,"source":"PREVALENCE",
            "note":"population 15+ of 73.18 in 2025: 174850 × 0.0838 (SKI 2023, 2023) = 14652.43, rounded half up"}]""")))
    @APIResponse(responseCode = "400", description = "Missing inputs (PREVALENCE_MISSING, POPULATION_MISSING, TARGET_MISSING, TARGET_PENEMUAN_REQUIRED, SERVICE_REQUIRED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TargetDto> derive(@Valid @NotNull DeriveRequest body) {
        return derivations.derive(body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "setTarget", summary = "Set an area's sasaran for a service and year", description = "Every figure is kept with its provenance; the latest per area, year and service is in force. Invalidates the district-year's cached achievements.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = TargetDto.class), examples = @ExampleObject(name = "stored", value = TARGET_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED, INVALID_AREA_CODE, UNKNOWN_SERVICE, NOT_A_DISTRICT_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@Valid @NotNull TargetDto body) {
        TargetDto t = targets.set(body);
        return Response.created(URI.create("/api/v1/targets?area=" + t.area() + "&year=" + t.year())).entity(t)
                .build();
    }

    @GET
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listTargets", summary = "The sasaran figures of an area and the areas below it, newest first")
    @APIResponse(responseCode = "200", description = "Figures with provenance", content = @Content(schema = @Schema(implementation = TargetDto.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "list", value = "["
            + TARGET_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "Invalid parameters (INVALID_AREA_CODE, INVALID_PARAMETER, VALIDATION_FAILED, UNKNOWN_SERVICE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TargetDto> list(@Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(example = "1.02.02.2.02.0001") @QueryParam("service") String service) {
        return targets.list(area, year, service);
    }
}
