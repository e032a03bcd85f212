package id.spm.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The pseudonymous key of a person found by NIK: what {@code GET /api/v1/persons/{personKey}/decisions}
 * and the person lists take.
 */
public record PersonLookupResponse(
        @Schema(example = "9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2") String personKey) {
}
