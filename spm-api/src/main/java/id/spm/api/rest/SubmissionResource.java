package id.spm.api.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.Problem;
import id.spm.api.model.FreezeRequest;
import id.spm.api.model.SubmissionDto;
import id.spm.api.service.SubmissionService;
import id.spm.rules.Period;

@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Freeze a district's period as submitted; later changes show as differences")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    static final String EXAMPLE = """
            {"id":7,"district":"73.18","period":"2025-Q2","dataVersion":12,"ruleSet":"PMK-6-2024",
            "frozenAt":"2025-07-05T10:00:00+08:00","frozenBy":"kadinkes-tator","matches":false,
            "differences":[{"area":"73.18","serviceCode":"1.02.02.2.02.0001","field":"numerator","frozen":"3571","current":"3580"}],
            "frozen":{"area":"73.18","period":"2025-Q2","sectorIndex":71.36,"sectorCategory":"Tuntas Madya"}}""";

    private final SubmissionService submissions;

    public SubmissionResource(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "freezeSubmission", summary = "Freeze a district's year or quarter as submitted (admin)", description = "Stores the figures of the district and every area below it. Never replaced: recomputation later shows the differences.")
    @APIResponse(responseCode = "201", description = "Frozen", content = @Content(schema = @Schema(implementation = SubmissionDto.class), examples = @ExampleObject(name = "frozen", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a district (NOT_A_DISTRICT) or invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "District outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown district (REGION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already frozen (ALREADY_SUBMITTED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response freeze(@Valid @NotNull FreezeRequest body) {
        Period period = body.quarter() == null ? Period.ofYear(body.year()) : Period.ofQuarter(body.year(), body.quarter());
        SubmissionDto s = submissions.freeze(body.district(), period);
        return Response.created(URI.create("/api/v1/submissions/" + s.district() + "/" + body.year()
                + (body.quarter() == null ? "" : "?quarter=" + body.quarter()))).entity(s).build();
    }

    @GET
    @Path("/{district}/{year}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getSubmission", summary = "A frozen submission and every difference from today's figures")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a submission read before: 304 Not Modified while it and today's figures are unchanged", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The submission", headers = @Header(name = "ETag", description = "Changes with the district's data versions, the rule set or the submission", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = SubmissionDto.class), examples = @ExampleObject(name = "submission", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match; nothing was computed")
    @APIResponse(responseCode = "400", description = "Not a district (NOT_A_DISTRICT, INVALID_AREA_CODE) or a year that is not a number (INVALID_PARAMETER)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "District outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown district (REGION_NOT_FOUND) or not frozen (SUBMISSION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "73.18") @PathParam("district") String district,
            @Parameter(example = "2025") @PathParam("year") @Min(2015) @Max(2035) int year,
            @Parameter(example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @Context Request request) {
        Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        return ConditionalGet.respond(request, submissions.submissionTag(district, period),
                () -> submissions.get(district, period));
    }
}
