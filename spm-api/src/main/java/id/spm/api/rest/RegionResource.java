package id.spm.api.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.CodeException;
import id.spm.api.model.PuskesmasDto;
import id.spm.api.model.RegionDto;
import id.spm.api.security.CallerScope;
import id.spm.api.service.RegionService;

@Path("/api/v1")
@Tag(name = "Regions and Puskesmas", description = "Kemendagri regions and the Puskesmas registry. "
        + RegionResource.REFERENCE_RULE)
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    static final String PUSKESMAS_EXAMPLE = """
            {"code":"P7318010101","name":"Puskesmas Salupputti","kecamatanCode":"73.18.01","kabkotaCode":"73.18",
            "population":18250,"desaCodes":["73.18.01.2010","73.18.01.2011"]}""";

    /** The one rule of reference data, on every path that returns regions or Puskesmas. */
    static final String REFERENCE_RULE = "Reference data is readable by any authenticated caller: region codes, names and "
            + "hierarchy (Kemendagri) and the Puskesmas registry (code, name, kecamatan, district, desa of the wilayah "
            + "kerja), whatever the caller's areas. Population (penduduk wilayah kerja, which shares out the sasaran) is "
            + "returned only for Puskesmas within the caller's areas and is absent otherwise.";

    private final RegionService regions;
    private final CallerScope scope;

    public RegionResource(RegionService regions, CallerScope scope) {
        this.regions = regions;
        this.scope = scope;
    }

    /** The Puskesmas as the caller may see it: without population outside the caller's areas. */
    private PuskesmasDto visible(PuskesmasDto p) {
        return p.population() == null || scope.covers(p.code()) ? p
                : new PuskesmasDto(p.code(), p.name(), p.kecamatanCode(), p.kabkotaCode(), null, p.desaCodes());
    }

    @GET
    @Path("/regions/{code}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getRegion", summary = "A region, its child regions and its Puskesmas", description = "Any region, whatever your areas; codes dotted or plain. "
            + REFERENCE_RULE)
    @APIResponse(responseCode = "200", description = "The region", content = @Content(schema = @Schema(implementation = RegionDto.class), examples = @ExampleObject(name = "district", value = """
            {"code":"73.18","name":"Kabupaten Tana Toraja","level":2,"parentCode":"73",
            "children":[{"code":"73.18.01","name":"Salupputti"},{"code":"73.18.02","name":"Bittuang"}],
            "puskesmas":["""
            + PUSKESMAS_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", description = "Not a region code (INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown region (REGION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegionDto region(@Parameter(example = "7318") @PathParam("code") String code) {
        RegionDto r = regions.region(code);
        return new RegionDto(r.code(), r.name(), r.level(), r.parentCode(), r.children(),
                r.puskesmas().stream().map(this::visible).toList());
    }

    @GET
    @Path("/puskesmas")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listPuskesmas", summary = "The registered Puskesmas of an area (any area), or of your areas when absent", description = REFERENCE_RULE)
    @APIResponse(responseCode = "400", description = "Not a region code (INVALID_AREA_CODE, INVALID_REGION_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Puskesmas, by code", content = @Content(schema = @Schema(implementation = PuskesmasDto.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY), examples = @ExampleObject(name = "list", value = "["
            + PUSKESMAS_EXAMPLE + "]")))
    public List<PuskesmasDto> puskesmas(
            @Parameter(description = "Region code; the Puskesmas of your areas when absent", example = "73.18") @QueryParam("area") String area) {
        return regions.puskesmas(area).stream().map(this::visible).toList();
    }

    @GET
    @Path("/puskesmas/{code}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getPuskesmas", summary = "One registered Puskesmas (any Puskesmas)", description = REFERENCE_RULE)
    @APIResponse(responseCode = "200", description = "The Puskesmas", content = @Content(schema = @Schema(implementation = PuskesmasDto.class), examples = @ExampleObject(name = "puskesmas", value = PUSKESMAS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not an area code (INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not registered (PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PuskesmasDto puskesmasByCode(@Parameter(example = "P7318010101") @PathParam("code") String code) {
        return visible(regions.puskesmasByCode(code));
    }

    @POST
    @Path("/puskesmas")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "registerPuskesmas", summary = "Register a Puskesmas in its kecamatan")
    @APIResponse(responseCode = "201", description = "Registered; Location names it", content = @Content(schema = @Schema(implementation = PuskesmasDto.class), examples = @ExampleObject(name = "registered", value = PUSKESMAS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED), unknown kecamatan or desa (UNKNOWN_KECAMATAN, UNKNOWN_DESA), a code whose digits are not the kecamatan's (PUSKESMAS_CODE_MISMATCH)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Kecamatan outside your areas (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already registered (PUSKESMAS_EXISTS)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull PuskesmasDto body) {
        PuskesmasDto p = regions.register(body, false);
        return Response.created(URI.create("/api/v1/puskesmas/" + p.code())).entity(p).build();
    }

    @PUT
    @Path("/puskesmas/{code}/code-exception")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "recordPuskesmasCodeException", summary = "Record that a Puskesmas code may sit in a kecamatan its digits do not name (admin of both)", description = "A Puskesmas code is P + the 6 digits of its kecamatan + 4 digits "
            + "(formats.md). A code kept from before a district split is registered elsewhere only after an admin whose "
            + "areas cover both the kecamatan of its digits and the kecamatan it moves to records the exception here.")
    @APIResponse(responseCode = "200", description = "The exception as recorded", content = @Content(schema = @Schema(implementation = CodeException.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or kecamatan (INVALID_PUSKESMAS_CODE, UNKNOWN_KECAMATAN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin of both areas (AREA_FORBIDDEN, ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CodeException recordCodeException(@Parameter(example = "P7318010101") @PathParam("code") String code,
            @Valid @NotNull CodeException body) {
        return regions.recordCodeException(code, body);
    }

    @PUT
    @Path("/puskesmas/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "putPuskesmas", summary = "Register or update a Puskesmas (name, kecamatan, population, desa)")
    @APIResponse(responseCode = "200", description = "The Puskesmas as stored", content = @Content(schema = @Schema(implementation = PuskesmasDto.class), examples = @ExampleObject(name = "updated", value = PUSKESMAS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields or code mismatch (CODE_MISMATCH, PUSKESMAS_CODE_MISMATCH)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The kecamatan it joins or leaves is outside your areas (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PuskesmasDto update(@PathParam("code") String code, @Valid @NotNull PuskesmasDto body) {
        if (!body.code().equalsIgnoreCase(code.strip())) {
            throw ApiException.badRequest("CODE_MISMATCH",
                    "The path names " + code + " but the body " + body.code() + ".");
        }
        return regions.register(body, true);
    }
}
