package id.spm.api.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Cheap polling (issue 15): a read whose {@code ETag} the caller already holds ({@code If-None-Match}) is
 * answered {@code 304} before its body is computed or serialised. Responses are {@code private} (they depend
 * on the caller's areas) and {@code no-cache} (revalidate every time: the tag is cheap to check).
 */
final class ConditionalGet {

    private ConditionalGet() {
    }

    static Response respond(Request request, String tag, Supplier<Object> body) {
        EntityTag etag = new EntityTag(tag);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        cache.setNoTransform(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(body.get());
        return builder.tag(etag).cacheControl(cache).build();
    }

    /** The same for a download: the body's bytes with their media type, saved under {@code fileName}. */
    static Response download(Request request, String tag, Supplier<byte[]> body, String mediaType, String fileName) {
        EntityTag etag = new EntityTag(tag);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        cache.setNoTransform(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(body.get(), mediaType).header("Content-Disposition",
                        "attachment; filename=\"" + fileName + "\"");
        return builder.tag(etag).cacheControl(cache).build();
    }
}
