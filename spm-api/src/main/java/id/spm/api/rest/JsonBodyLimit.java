package id.spm.api.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.spm.api.error.ApiException;

/**
 * The limit of request bodies other than uploads ({@code spm.api.max-json-bytes}, 10 MB by default), apart from
 * {@code quarkus.http.limits.max-body-size} (600M) which must let the importer's multipart uploads through. A body
 * announced larger (Content-Length) is refused before it is read; a chunked one is counted while it is read and
 * refused when it passes the limit. Both answer {@code 413 BODY_TOO_LARGE} as problem+json. Multipart bodies are not
 * counted here: the importer has its own limit ({@code spm.import.max-file-bytes}).
 */
public class JsonBodyLimit {

    static final String CODE = "BODY_TOO_LARGE";

    @ConfigProperty(name = "spm.api.max-json-bytes", defaultValue = "10485760")
    long maxBytes;

    /** Before matching, before authentication and before a byte of the body is read. */
    @ServerRequestFilter(preMatching = true)
    public Response announcedSize(ContainerRequestContext request, UriInfo uri) {
        if (isUpload(request.getMediaType())) {
            return null;
        }
        String length = request.getHeaderString("Content-Length");
        if (length == null || length.isBlank()) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return bytes > maxBytes
                ? ProblemMappers.problem(413, CODE, "Request body too large", detail(maxBytes), uri, List.of())
                : null;
    }

    /** Bodies without a Content-Length (chunked) are counted as the reader consumes them. */
    @Provider
    public static class Counting implements ReaderInterceptor {

        @ConfigProperty(name = "spm.api.max-json-bytes", defaultValue = "10485760")
        long maxBytes;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            if (!isUpload(context.getMediaType())) {
                context.setInputStream(new Bounded(context.getInputStream(), maxBytes, detail(maxBytes)));
            }
            return context.proceed();
        }
    }

    static String detail(long maxBytes) {
        return "A request body may have at most " + maxBytes + " bytes (spm.api.max-json-bytes); uploads go to "
                + "POST /api/v1/imports as multipart/form-data.";
    }

    private static boolean isUpload(MediaType type) {
        return type != null && "multipart".equalsIgnoreCase(type.getType());
    }

    /** Throws {@code 413 BODY_TOO_LARGE} once more than {@code max} bytes have been read. */
    static final class Bounded extends FilterInputStream {

        private final long max;
        private final String detail;
        private long read;

        Bounded(InputStream in, long max, String detail) {
            super(in);
            this.max = max;
            this.detail = detail;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count(s);
            return s;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new ApiException(413, CODE, "Request body too large", detail);
            }
        }
    }
}
