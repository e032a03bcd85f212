package id.spm.api.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import id.spm.api.area.AreaCodeParam;
import id.spm.api.config.SpmConfig;
import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.TokenRequest;
import id.spm.api.model.TokenResponse;
import id.spm.api.security.CallerScope;
import id.spm.api.security.LocalTokens;
import id.spm.api.security.Roles;
import id.spm.api.security.TokenService;

@Path("/api/v1/dev/tokens")
@Tag(name = "Development", description = "Local tokens for trying region isolation; off in production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    private final TokenService tokens;
    private final SpmConfig config;
    private final LocalTokens local;
    private final CallerScope caller;

    public DevTokenResource(TokenService tokens, SpmConfig config, LocalTokens local, CallerScope caller) {
        this.tokens = tokens;
        this.config = config;
        this.local = local;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "mintToken", summary = "Mint a token within your own areas and roles (admin; embedded default only)", description = "Signed with the embedded default's key in the data folder. On only in the embedded "
            + "default (generated key pair and embedded database) unless spm.jwt.dev-tokens says otherwise; off (404 "
            + "DEV_TOKENS_DISABLED) as soon as a verification key or an external database is configured. A minted "
            + "token never exceeds the caller's own areas and roles (403 AREA_FORBIDDEN, ROLE_FORBIDDEN), and its "
            + "subject is derived from the caller's: `<your subject>/<label>`, so job ownership and `createdBy` "
            + "cannot be spoofed.")
    @APIResponse(responseCode = "201", description = "The token; paste it into Authorize", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "token", value = """
            {"token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOi…","subject":"local-admin/bidan-salupputti","areas":["P7318010101"],
            "roles":["viewer","analyst"],"expiresAt":"2025-07-01T12:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED, INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin (ROLE_FORBIDDEN); an area or role beyond your own (AREA_FORBIDDEN, ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Disabled here (DEV_TOKENS_DISABLED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mint(@Valid @NotNull TokenRequest body) {
        if (!local.minting()) {
            throw ApiException.notFound("DEV_TOKENS_DISABLED", "Token minting is off here: it exists only in the "
                    + "embedded default (generated key pair, embedded database) or with spm.jwt.dev-tokens=true.");
        }
        List<String> areas = body.areas().stream().map(AreaCodeParam::normalize).distinct().toList();
        for (String area : areas) {
            // Never beyond the caller's own areas: a district admin cannot mint a national token.
            caller.require(area);
        }
        for (String role : body.roles()) {
            if (!caller.roles().contains(role) && !caller.roles().contains(Roles.ADMIN)) {
                throw ApiException.forbidden("ROLE_FORBIDDEN", "You cannot grant the role '" + role + "' you lack.");
            }
        }
        String subject = caller.subject() + "/" + body.subject().strip();
        Duration life = body.minutes() == null ? config.jwt().tokenLifetime() : Duration.ofMinutes(body.minutes());
        String token = tokens.mint(subject, areas, body.roles(), life);
        return Response.status(201).entity(new TokenResponse(token, subject, areas, body.roles(), Instant.now().plus(life)))
                .build();
    }
}
