package id.spm.api.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import id.spm.api.error.LocatedApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.SubmissionDiff;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonAccessAudit;
import id.spm.api.security.Roles;
import id.spm.api.service.SubmissionDiffService;

@Path("/api/v1/submissions/{id}/diff")
@Tag(name = "Over time", description = "Year over year, quarterly trends and their charts, what-if, submission diffs, next year's targets")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionDiffResource {

    static final String EXAMPLE = """
            {"id":7,"district":"73.18","period":"2025-Q2","frozenAt":"2025-07-05T10:00:00+08:00","frozenDataVersion":12,"currentDataVersion":15,
            "frozenRuleSet":"PMK-6-2024","currentRuleSet":"PMK-6-2024","parameterChanges":[],
            "differences":[{"area":"73.18","serviceCode":"1.02.02.2.02.0006","field":"numerator","frozen":"5120","current":"5121"}],
            "personsAvailable":true,"frozenDecisionHash":"3f1a9c0e","currentDecisionHash":"9b0c44d2","personsChanged":1,"truncated":false,
            "persons":[{"person":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2","serviceCode":"1.02.02.2.02.0006",
            "service":"PRODUCTIVE_AGE","subject":"","puskesmas":"P7318010101",
            "before":{"status":"NOT_COUNTED","reasons":[{"code":"PRODUCTIVE_SYSTOLIC","message":"no blood pressure recorded","clause":"PMK-6-2024 §9.6"}]},
            "after":{"status":"COUNTED","reasons":[]}}]}""";

    private final SubmissionDiffService diffs;
    private final CallerScope scope;
    private final PersonAccessAudit audit;

    public SubmissionDiffResource(SubmissionDiffService diffs, CallerScope scope, PersonAccessAudit audit) {
        this.diffs = diffs;
        this.scope = scope;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ "analyst", "admin" })
    @Operation(operationId = "diffSubmission", summary = "A frozen submission against today's computation, down to the persons (analysts)", description = "Recomputes the district's period from today's records under the rule set in force (with `override` parameters, if given: a what-if against the submission) and lists every figure that differs from the frozen one and every person whose decision changed, with both decisions' reasons. Submissions keep their per-person decisions since issue 11; older ones give figures only (personsAvailable=false). Nothing is stored.")
    @APIResponse(responseCode = "200", description = "Figures and persons that changed", content = @Content(schema = @Schema(implementation = SubmissionDiff.class), examples = @ExampleObject(name = "re-imported", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An override that is not name=value, names no published parameter or has a value it cannot take, located in violations (INVALID_OVERRIDE); VALIDATION_FAILED, INVALID_PARAMETER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst (ROLE_FORBIDDEN) or a submission of a district outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such submission (SUBMISSION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubmissionDiff diff(@Parameter(example = "7") @PathParam("id") long id,
            @Parameter(description = "name=value of a published rule-set parameter to set otherwise now (repeatable)", example = "[\"screening.ivaDecides=true\"]") @QueryParam("override") List<String> override,
            @Parameter(description = "At most this many changed persons are listed; the total is always given", example = "500") @QueryParam("personLimit") @DefaultValue("500") @Min(0) @Max(5000) int personLimit) {
        scope.requireRole(Roles.ANALYST);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String o : override == null ? List.<String> of() : override) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw LocatedApiException.badRequest("INVALID_OVERRIDE", "override",
                        "override '" + o + "' is not name=value");
            }
            overrides.put(o.substring(0, eq).strip(), o.substring(eq + 1));
        }
        SubmissionDiff d = diffs.diff(id, overrides, personLimit);
        audit.record(scope.subject(), PersonAccessAudit.Action.PERSON_LIST, null, d.district(), d.district(),
                Integer.parseInt(d.period().substring(0, 4)), null, PersonAccessAudit.Outcome.FOUND,
                d.persons() == null ? 0 : d.persons().size());
        return d;
    }

}
