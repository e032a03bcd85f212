package id.spm.rules;

import java.util.Objects;

/**
 * An assumption a decision relied on, e.g. KN1 judged by day because no time was recorded, or 10T
 * assumed. Every result lists the assumptions applied (digest §2.1, §2.3).
 */
public record Assumption(String code, String message) {

    public Assumption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
