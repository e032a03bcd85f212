package id.spm.api.rest;

import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.spm.api.service.ApiException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of the API as RFC 9457 problem+json with a stable code. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "https://spm-kesehatan.id/problems/";

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.code(), e.title(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> v = e.getConstraintViolations().stream()
                .map(c -> new Problem.Violation(leaf(c.getPropertyPath().toString()), c.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field)).toList();
        return problem(400, "VALIDATION_FAILED", "Invalid request", "The request has invalid fields.", uri, v);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(400, "MALFORMED_JSON", "Malformed JSON", e.getOriginalMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return problem(401, "UNAUTHENTICATED", "Authentication required",
                "Send a valid bearer token (Authorization: Bearer …).", uri, List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return problem(401, "INVALID_TOKEN", "Invalid token",
                "The bearer token is invalid, expired or not signed by a trusted key.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "ROLE_FORBIDDEN", "Forbidden", "Your token's roles do not allow this operation.", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "NOT_FOUND", "Not found", "No resource at this path.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return problem(405, "METHOD_NOT_ALLOWED", "Method not allowed", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException j) {
                return json(j, uri);
            }
        }
        int status = e.getResponse().getStatus();
        String code = Response.Status.fromStatusCode(status) == null ? "HTTP_" + status
                : Response.Status.fromStatusCode(status).name().toUpperCase(Locale.ROOT);
        return problem(status, code, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        // Thrown by the rules' records when input breaks an invariant: the client sent it.
        return problem(400, "INVALID_INPUT", "Invalid input", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred; it has been logged.",
                uri, List.of());
    }

    static Response problem(int status, String code, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        String type = TYPE + code.toLowerCase(Locale.ROOT).replace('_', '-');
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri == null ? null : uri.getPath(), code, violations))
                .build();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
