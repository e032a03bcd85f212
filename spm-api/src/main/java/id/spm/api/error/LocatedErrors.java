package id.spm.api.error;

import java.util.List;

import id.spm.api.model.BludValues.BludItemError;

/**
 * A 400 whose errors are located: fields of a body ({@link Problem.Violation}, e.g. {@code indicators[3].unit}) or
 * items of a list ({@link BludItemError}: index, indicator, reason). Mapped to problem+json with them.
 */
public class LocatedErrors extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.Violation> violations;
    private final transient List<BludItemError> items;

    private LocatedErrors(String code, String detail, List<Problem.Violation> violations, List<BludItemError> items) {
        super(400, code, "Invalid request", detail);
        this.violations = List.copyOf(violations);
        this.items = List.copyOf(items);
    }

    public static LocatedErrors fields(String code, String detail, List<Problem.Violation> violations) {
        return new LocatedErrors(code, detail, violations, List.of());
    }

    public static LocatedErrors items(String code, String detail, List<BludItemError> items) {
        return new LocatedErrors(code, detail, List.of(), items);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public List<BludItemError> items() {
        return items;
    }
}
