package id.spm.api.error;

import java.util.List;

/** An {@link ApiException} that names the fields at fault (problem {@code violations}). */
public class LocatedApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.Violation> violations;

    public LocatedApiException(int status, String code, String title, String detail, List<Problem.Violation> violations) {
        super(status, code, title, detail);
        this.violations = List.copyOf(violations);
    }

    public static LocatedApiException badRequest(String code, String field, String detail) {
        return new LocatedApiException(400, code, "Invalid request", detail, List.of(new Problem.Violation(field, detail)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
