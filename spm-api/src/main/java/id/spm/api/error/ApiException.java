package id.spm.api.error;

/**
 * A failure the client can act on, with its HTTP status and stable code; mapped to problem+json in
 * one place ({@code id.spm.api.rest.ProblemMappers}).
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;

    public ApiException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(404, code, "Not found", detail);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(400, code, "Invalid request", detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(403, code, "Forbidden", detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
