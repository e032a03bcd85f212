package id.spm.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The NIK of a person to find: in the body, never in a URL (URLs end up in access logs). */
public record PersonLookupRequest(
        @Schema(example = "7318015706960002", required = true, description = "16 digits; spaces, dots and a leading apostrophe are removed as the importer does") String nik) {

    /** Never the NIK: a record's default toString would print it into any log line naming the request. */
    @Override
    public String toString() {
        return "PersonLookupRequest[nik=" + (nik == null ? "null" : "****************") + "]";
    }
}
