package id.spm.api.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import id.spm.api.error.Problem;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonAccessAudit;

@Path("/api/v1/audit/person-access")
@Tag(name = "Audit", description = "Who read person-level data, when, and what (UU 27/2022 PDP)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final PersonAccessAudit audit;
    private final CallerScope scope;

    public AuditResource(PersonAccessAudit audit, CallerScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(operationId = "listPersonAccess", summary = "The trail of person-level reads (admins)", description = "Every NIK lookup, person decisions read and person list: who (token subject), when, the "
            + "pseudonymous person key or the area, year and service, and the outcome (FOUND, NOT_FOUND, RATE_LIMITED, "
            + "REFUSED). Never a NIK. An admin sees the entries of the districts their areas cover; a national admin "
            + "every entry. Newest first.")
    @APIResponse(responseCode = "200", description = "Entries, newest first", content = @Content(schema = @Schema(implementation = PersonAccessAudit.Entry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY), examples = @ExampleObject(name = "a lookup", value = """
            [{"id":17,"at":"2025-07-01T08:15:00Z","subject":"analyst-7318","action":"LOOKUP",
            "personKey":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2","kabkotaCode":"73.18",
            "outcome":"FOUND","rows":1}]""")))
    @APIResponse(responseCode = "403", description = "Not an admin (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PersonAccessAudit.Entry> trail(
            @Parameter(description = "Only this caller's reads", example = "analyst-7318") @QueryParam("subject") String subject,
            @Parameter(description = "Only reads of this person") @QueryParam("personKey") String personKey,
            @Parameter(description = "From (inclusive), ISO-8601", example = "2025-07-01T00:00:00Z") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "To (exclusive), ISO-8601") @QueryParam("to") OffsetDateTime to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.query(scope, subject, personKey, from, to, limit);
    }
}
