package id.spm.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A minted bearer token. */
public record TokenResponse(@Schema(example = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpc3MiOi…") String token,
        @Schema(example = "bidan-salupputti") String subject, List<String> areas, Set<String> roles,
        Instant expiresAt) {
}
