package id.spm.api.rest;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.Problem;
import id.spm.api.model.TargetAdoption;
import id.spm.api.model.TargetProposal;
import id.spm.api.model.TargetProposalRequest;
import id.spm.api.service.TargetProposalService;

@Path("/api/v1/targets/proposals")
@Tag(name = "Over time", description = "Year over year, quarterly trends and their charts, what-if, submission diffs, next year's targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetProposalResource {

    static final String REQUEST = """
            {"area":"73.18","year":2026,"populationMethod":"LINEAR","baseYears":3,"split":true}""";

    static final String EXAMPLE = """
            {"id":3,"area":"73.18","year":2026,"status":"PROPOSED","populationMethod":"LINEAR",
            "populationBasis":"linear (least squares) projection to 2026 from penduduk 2024–2025, per area, age group and sex, rounded half up",
            "baseYears":[2024,2025],"projectedPopulation":20412,
            "sasaran":[{"serviceCode":"1.02.02.2.02.0006","service":"PRODUCTIVE_AGE","amount":13101,"method":"POPULATION_IN_BAND","basis":"BPS_PROJECTION",
            "note":"population aged 15–59 of 73.18 projected for 2026: 13101","shares":[{"puskesmas":"P7318010101","amount":1203}]},
            {"serviceCode":"1.02.02.2.02.0012","service":"HIV_RISK","reason":"no sasaran of 73.18 this year to scale, and no other method applies (set a prevalence or the target penemuan, or set it by hand)"}],
            "minimumQuality":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","minimumPercent":100,
            "method":"every goods and staff item at its standard (%IP mutu 100, digest §3); goods needs = standard × proposed sasaran (digest §5)",
            "goods":[{"item":"Tablet tambah darah","unit":"tablet","standard":"180 tablet per ibu hamil","need":62460}]}],
            "createdAt":"2025-07-20T09:00:00+08:00","createdBy":"dinkes-admin"}""";

    static final String ADOPTED = """
            {"id":3,"area":"73.18","year":2026,"status":"ADOPTED","populationMethod":"LINEAR","baseYears":[2024,2025],"projectedPopulation":20412,
            "sasaran":[{"serviceCode":"1.02.02.2.02.0006","service":"PRODUCTIVE_AGE","amount":13101,"method":"POPULATION_IN_BAND","basis":"BPS_PROJECTION",
            "note":"population aged 15–59 of 73.18 projected for 2026: 13101"}],
            "adoption":{"decreeNumber":"188.45/123/2025","decreeDate":"2025-07-28","adoptedAt":"2025-07-29T10:00:00+08:00","adoptedBy":"dinkes-admin","targetsWritten":156}}""";

    private final TargetProposalService proposals;

    public TargetProposalResource(TargetProposalService proposals) {
        this.proposals = proposals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "proposeTargets", summary = "Propose a district's sasaran and minimum quality for a year, each with its method", description = "SE Mendagri 600.4/2851/ST: the population is projected from the last years' penduduk rows (LINEAR or GEOMETRIC, named), then each service's sasaran is the projected population of its age band, prevalence × population, the TB formula, or this year's sasaran scaled by population growth; each is split over the Puskesmas by working-area population (largest remainder). The minimum quality is every goods and staff item at its standard, with the goods needs for the proposed sasaran. Stored as a proposal; nothing counts until adopted.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TargetProposalRequest.class), examples = @ExampleObject(name = "2026", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "The proposal", content = @Content(schema = @Schema(implementation = TargetProposal.class), examples = @ExampleObject(name = "proposed", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a district (NOT_A_DISTRICT), no penduduk to project (POPULATION_MISSING, POPULATION_NOT_PROJECTABLE), a bad method (INVALID_POPULATION_METHOD, GROWTH_NEEDS_GEOMETRIC), or invalid fields (VALIDATION_FAILED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an importer or admin (ROLE_FORBIDDEN), or district outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown district (REGION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@Valid @NotNull TargetProposalRequest body) {
        TargetProposal p = proposals.propose(body);
        return Response.created(URI.create("/api/v1/targets/proposals/" + p.id())).entity(p).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getTargetProposal", summary = "A proposal of next year's targets, and its adoption")
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(schema = @Schema(implementation = TargetProposal.class), examples = @ExampleObject(name = "adopted", value = ADOPTED)))
    @APIResponse(responseCode = "403", description = "District outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such proposal (PROPOSAL_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetProposal get(@Parameter(example = "3") @PathParam("id") long id) {
        return proposals.get(id);
    }

    @PUT
    @Path("/{id}/adoption")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "adoptTargetProposal", summary = "Adopt a proposal by the regional head's decree (admin)", description = "Writes the proposal's district figures and Puskesmas shares as the sasaran of its year with provenance DECREE (the decree number and date and the method in the note); the computation of that year uses them from then on. Idempotent for the same decree; another decree is 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TargetAdoption.class), examples = @ExampleObject(name = "decree", value = """
            {"decreeNumber":"188.45/123/2025","decreeDate":"2025-07-28"}""")))
    @APIResponse(responseCode = "200", description = "Adopted", content = @Content(schema = @Schema(implementation = TargetProposal.class), examples = @ExampleObject(name = "adopted", value = ADOPTED)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin (ROLE_FORBIDDEN) or district outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such proposal (PROPOSAL_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Adopted already by another decree (ALREADY_ADOPTED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetProposal adopt(@Parameter(example = "3") @PathParam("id") long id,
            @Valid @NotNull TargetAdoption body) {
        return proposals.adopt(id, body);
    }
}
