package id.spm.api.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import id.spm.api.error.ApiException;
import id.spm.api.error.LocatedErrors;
import id.spm.api.error.Problem;
import id.spm.api.model.BludValues;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error of the API as RFC 9457 problem+json with a stable code, for every resource: the application's own
 * {@link ApiException}s, Bean Validation, bodies that are not JSON or do not bind (naming the field, or the line and
 * column), path, query and header parameters that do not convert (naming the parameter), unknown paths, methods and
 * media types, and authentication. A problem never carries a stack trace, an exception's class name or a Java type:
 * the sentences are written here, and what they quote of the request is cut short and has digit runs masked (a NIK
 * sent in the wrong place is never echoed).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "https://spm-kesehatan.id/problems/";
    /** Runs of digits long enough to be a NIK, a phone or a card number: never echoed back. */
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{8,}");

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.code(), e.title(), e.getMessage(), uri,
                e instanceof id.spm.api.error.LocatedApiException l ? l.violations() : List.of());
    }

    /** Located errors: the fields of a body as violations, or the items of a list (index, indicator, reason). */
    @ServerExceptionMapper
    public Response located(LocatedErrors e, UriInfo uri) {
        if (e.items().isEmpty()) {
            return problem(e.status(), e.code(), e.title(), e.getMessage(), uri, e.violations());
        }
        String type = TYPE + e.code().toLowerCase(Locale.ROOT).replace('_', '-');
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new BludValues.BludValuesProblem(type,
                e.title(), e.status(), e.getMessage(), uri == null ? null : uri.getPath(), e.code(), e.items())).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> v = e.getConstraintViolations().stream()
                .map(c -> new Problem.Violation(field(c), c.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field)).toList();
        String detail = v.size() == 1 ? v.get(0).field() + ": " + v.get(0).message() + "."
                : "The request has " + v.size() + " invalid fields: "
                        + v.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", ")) + ".";
        return problem(400, "VALIDATION_FAILED", "Invalid request", detail, uri, v);
    }

    /** Jackson's own mapper of this type (Quarkus') would answer an empty 400; this one names the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jackson(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jackson(e, uri);
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

    /**
     * No resource at the path, or (Jakarta REST 3.2: a path, query or matrix parameter that does not convert is a
     * {@code NotFoundException} wrapping the failure) a parameter that does not parse, which is the client's 400.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        if (isConversionFailure(e, resource)) {
            return invalidParameter(uri, headers, resource);
        }
        return problem(404, "NOT_FOUND", "Not found", "No resource at this path.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        Optional<JsonProcessingException> j = jacksonCause(e);
        if (j.isPresent()) {
            return jackson(j.get(), uri);
        }
        if (isConversionFailure(e, resource)) {
            return invalidParameter(uri, headers, resource);
        }
        return problem(400, "BAD_REQUEST", "Bad request", "The request cannot be read.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        String allowed = e.getResponse() == null ? "" : String.join(", ", e.getResponse().getAllowedMethods());
        Response r = problem(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                allowed.isEmpty() ? "This path does not answer this method."
                        : "This path answers " + allowed + " only.",
                uri, List.of());
        return allowed.isEmpty() ? r : Response.fromResponse(r).header("Allow", allowed).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Optional<JsonProcessingException> j = jacksonCause(e);
        if (j.isPresent()) {
            return jackson(j.get(), uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known == null ? "HTTP_" + status : known.name().toUpperCase(Locale.ROOT);
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 406 -> "This resource answers application/json (errors application/problem+json); "
                    + "ask for one of them in Accept.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json (imports: multipart/form-data).";
            default -> title;
        };
        if (status >= 500) {
            LOG.error("Server error on " + uri.getPath(), e);
        }
        return problem(status, code, title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        // Thrown by the rules' records when input breaks an invariant: the client sent it.
        return problem(400, "INVALID_INPUT", "Invalid input", safe(e.getMessage()), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return problem(500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred; it has been logged.",
                uri, List.of());
    }

    public static Response problem(int status, String code, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        return problem(status, code, title, detail, uri == null ? null : uri.getPath(), violations);
    }

    public static Response problem(int status, String code, String title, String detail, String path,
            List<Problem.Violation> violations) {
        String type = TYPE + code.toLowerCase(Locale.ROOT).replace('_', '-');
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, path, code, violations)).build();
    }

    // ---- JSON bodies ---------------------------------------------------------------------------------------------

    private static Optional<JsonProcessingException> jacksonCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (c instanceof JsonProcessingException j) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** A body that is not JSON (MALFORMED_JSON, with line and column) or does not bind (VALIDATION_FAILED, the field). */
    private static Response jackson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException) {
            // The server's types cannot be bound: not the client's fault.
            LOG.error("A request type cannot be bound on " + uri.getPath(), e);
            return problem(500, "INTERNAL_ERROR", "Internal error", "An unexpected error occurred; it has been logged.",
                    uri, List.of());
        }
        JsonProcessingException syntax = syntaxError(e);
        if (syntax == null && e instanceof JsonMappingException m) {
            String field = jsonPath(m.getPath());
            String message = bindingMessage(m);
            return problem(400, "VALIDATION_FAILED", "Invalid request", field + ": " + message + ".", uri,
                    List.of(new Problem.Violation(field, message)));
        }
        String reason = syntax.getOriginalMessage() == null ? "" : syntax.getOriginalMessage();
        int cut = reason.indexOf(" (start marker");
        reason = (cut < 0 ? reason : reason.substring(0, cut)).replaceAll("\\s*\\[Source:.*", "").strip();
        JsonLocation at = syntax.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return problem(400, "MALFORMED_JSON", "Malformed JSON",
                "The body is not valid JSON" + where + (reason.isEmpty() ? "." : ": " + safe(reason) + "."), uri,
                List.of());
    }

    /**
     * The syntax error behind a Jackson failure, if it is one: the parser's own exception (also when a deserializer
     * wrapped it), or a body that ends too early.
     */
    private static JsonProcessingException syntaxError(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StreamReadException r) {
                return r;
            }
        }
        if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Unexpected end-of-input")) {
            return m;
        }
        return e instanceof JsonMappingException ? null : e;
    }

    /** {@code persons[1].ancVisits[0].examiner}; {@code body} for the body itself. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : safe(b.toString());
    }

    private static String bindingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().matches("[A-Za-z]+")) {
                // Objects.requireNonNull(x, "name") in the rules' records
                return "'" + cause.getMessage() + "' is required";
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return safe(cause.getMessage());
            }
            if (cause instanceof NullPointerException) {
                // Set.copyOf / List.copyOf of a list holding null
                return "holds a null entry or lacks a required value";
            }
            return "is not valid";
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            if (e instanceof InvalidFormatException f && f.getValue() == null && target == null) {
                return "is not valid";
            }
            return "must be " + expected(target);
        }
        return "is not valid";
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    /** A {@code NotFoundException} or {@code BadRequestException} wrapping a conversion failure of a matched method. */
    private static boolean isConversionFailure(WebApplicationException e, ResourceInfo resource) {
        Throwable cause = e.getCause();
        return cause != null && !(cause instanceof WebApplicationException) && resource != null
                && resource.getResourceMethod() != null;
    }

    /** 400 INVALID_PARAMETER naming the first parameter of the matched method whose value does not convert. */
    private static Response invalidParameter(UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        for (Parameter p : method.getParameters()) {
            Source source = source(p);
            if (source == null) {
                continue;
            }
            List<String> values = switch (source.kind()) {
                case "Query" -> uri.getQueryParameters().get(source.name());
                case "Path" -> uri.getPathParameters().get(source.name());
                case "Header" -> headers.getRequestHeader(source.name());
                default -> null;
            };
            if (values == null) {
                continue;
            }
            for (String v : values) {
                if (!converts(p.getType(), v)) {
                    String message = "must be " + expected(p.getType());
                    return problem(400, "INVALID_PARAMETER", "Invalid parameter",
                            source.kind() + " parameter '" + source.name() + "' " + message + ".", uri,
                            List.of(new Problem.Violation(source.name(), message)));
                }
            }
        }
        return problem(400, "INVALID_PARAMETER", "Invalid parameter",
                "A path, query or header parameter has a value of the wrong type.", uri, List.of());
    }

    private record Source(String kind, String name) {
    }

    private static Source source(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a instanceof QueryParam q) {
                return new Source("Query", q.value());
            } else if (a instanceof RestQuery q) {
                return new Source("Query", q.value().isEmpty() ? p.getName() : q.value());
            } else if (a instanceof PathParam q) {
                return new Source("Path", q.value());
            } else if (a instanceof RestPath q) {
                return new Source("Path", q.value().isEmpty() ? p.getName() : q.value());
            } else if (a instanceof HeaderParam q) {
                return new Source("Header", q.value());
            } else if (a instanceof RestHeader q) {
                return new Source("Header", q.value().isEmpty() ? p.getName() : q.value());
            } else if (a instanceof MatrixParam || a instanceof CookieParam || a instanceof FormParam) {
                return null;
            }
        }
        return null;
    }

    /** Whether the value converts as Quarkus REST converts parameters of these types. */
    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(value);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                Double.parseDouble(value);
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == BigInteger.class) {
                new BigInteger(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(value);
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            } else if (type == java.util.UUID.class) {
                java.util.UUID.fromString(value);
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What a value of this type looks like, for people. */
    static String expected(Class<?> t) {
        if (t == null) {
            return "a value of another type";
        }
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
                || t == Short.class || t == byte.class || t == Byte.class || t == BigInteger.class) {
            return "an integer";
        }
        if (t.isPrimitive() && t != boolean.class && t != char.class || Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class || t == char.class || t == Character.class || CharSequence.class.isAssignableFrom(t)) {
            return "a string";
        }
        if (t == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "a date and time (ISO 8601)";
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        if (t == java.util.UUID.class) {
            return "a UUID";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "an object";
        }
        return "an object";
    }

    // ---- paths and text ------------------------------------------------------------------------------------------

    /**
     * The request's own name of a violated field: {@code year} for a parameter, {@code persons[0].ancVisits[2]} in a
     * body (the method and the body parameter left out).
     */
    static String field(ConstraintViolation<?> c) {
        List<Path.Node> nodes = new ArrayList<>();
        String parameter = null;
        for (Path.Node n : c.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR
                    || n.getKind() == ElementKind.CROSS_PARAMETER || n.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (n.getKind() == ElementKind.PARAMETER) {
                parameter = n.getName();
                continue;
            }
            nodes.add(n);
        }
        if (nodes.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        StringBuilder b = new StringBuilder();
        for (Path.Node n : nodes) {
            if (n.isInIterable()) {
                if (n.getIndex() != null) {
                    b.append('[').append(n.getIndex()).append(']');
                } else if (n.getKey() != null) {
                    b.append('[').append(safe(String.valueOf(n.getKey()))).append(']');
                }
            }
            String name = n.getName();
            if (name != null && !name.startsWith("<")) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(name);
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    /** Text fit to return: long digit runs masked, cut at 200 characters. */
    static String safe(String s) {
        if (s == null) {
            return null;
        }
        String masked = LONG_DIGITS.matcher(s).replaceAll("…");
        return masked.length() <= 200 ? masked : masked.substring(0, 199) + "…";
    }
}
