package id.spm.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.Problem;
import id.spm.api.service.DemoLoader;

@Path("/api/v1/admin/demo")
@Tag(name = "Development", description = "Local tokens and the demo district")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final DemoLoader demo;

    public AdminResource(DemoLoader demo) {
        this.demo = demo;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "loadDemo", summary = "Load the generated demo district (Kabupaten Tana Toraja, 73.18) into an empty database", description = "Seeded (spm.demo.seed), spm.demo.persons persons with a year of events for every service, sasaran, population and mutu. Then try GET /api/v1/achievements?area=73.18&year=2025.")
    @APIResponse(responseCode = "201", description = "Loaded", content = @Content(schema = @Schema(implementation = DemoLoader.Summary.class), examples = @ExampleObject(name = "loaded", value = """
            {"district":"73.18","year":2025,"puskesmas":21,"persons":20000,"events":61234}""")))
    @APIResponse(responseCode = "403", description = "Not an admin (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Events already stored (DEMO_NOT_EMPTY)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response load() {
        return Response.status(201).entity(demo.load()).build();
    }
}
