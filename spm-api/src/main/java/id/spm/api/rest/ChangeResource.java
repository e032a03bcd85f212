package id.spm.api.rest;

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

import id.spm.api.model.ChangeFeed;
import id.spm.api.service.ChangeFeedService;

@Path("/api/v1/changes")
@Tag(name = "Changes", description = "What changed since a cursor: poll it and re-read only the district-years it names")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private final ChangeFeedService feed;

    public ChangeResource(ChangeFeedService feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listChanges", summary = "Changes since a cursor, oldest first, with the next cursor", description = "Every import committed, sasaran set, submission frozen "
            + "and Puskesmas registry change, each with its district, year or period and the new data version, in commit order; only districts your areas "
            + "cover (or lie in). Start with since=0, then send next. A district-year named here has a new ETag on its achievements.")
    @APIResponse(responseCode = "200", description = "A page of changes", content = @Content(schema = @Schema(implementation = ChangeFeed.class), examples = @ExampleObject(name = "an import", value = """
            {"changes":[{"cursor":1042,"at":"2025-07-01T08:30:00Z","kind":"IMPORT_COMMITTED","district":"73.18","year":2025,
            "dataVersion":12,"detail":"import 42"}],"next":1042,"more":false}""")))
    public ChangeFeed changes(
            @Parameter(description = "The next of the previous page; 0 for the beginning", example = "0") @QueryParam("since") @DefaultValue("0") @Min(0) long since,
            @Parameter(description = "Most changes scanned", example = "500") @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return feed.since(since, limit);
    }
}
