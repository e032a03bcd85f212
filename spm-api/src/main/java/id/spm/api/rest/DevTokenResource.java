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

import id.spm.api.config.SpmConfig;
import id.spm.api.mapping.AreaCodes;
import id.spm.api.rest.dto.TokenRequest;
import id.spm.api.rest.dto.TokenResponse;
import id.spm.api.security.TokenService;
import id.spm.api.service.ApiException;

@Path("/api/v1/dev/tokens")
@Tag(name = "Development", description = "Local tokens for trying region isolation; off in production")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    private final TokenService tokens;
    private final SpmConfig config;

    public DevTokenResource(TokenService tokens, SpmConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Mint a token for chosen areas and roles (admin; spm.jwt.dev-tokens)", description = "Signed with the embedded default's key in the data folder. Disabled (404 DEV_TOKENS_DISABLED) when spm.jwt.dev-tokens=false.")
    @APIResponse(responseCode = "201", description = "The token; paste it into Authorize", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "token", value = """
            {"token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOi…","subject":"bidan-salupputti","areas":["P7318010101"],
            "roles":["viewer","analyst"],"expiresAt":"2025-07-01T12:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED, INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Disabled here (DEV_TOKENS_DISABLED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mint(@Valid @NotNull TokenRequest body) {
        if (!config.jwt().devTokens()) {
            throw ApiException.notFound("DEV_TOKENS_DISABLED", "Token minting is off (spm.jwt.dev-tokens=false).");
        }
        List<String> areas = body.areas().stream().map(AreaCodes::normalize).toList();
        Duration life = body.minutes() == null ? config.jwt().tokenLifetime() : Duration.ofMinutes(body.minutes());
        String token = tokens.mint(body.subject(), areas, body.roles(), life);
        return Response.status(201)
                .entity(new TokenResponse(token, body.subject(), areas, body.roles(), Instant.now().plus(life)))
                .build();
    }
}
