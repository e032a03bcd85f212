package id.spm.rules;

import java.util.Objects;

/**
 * Why a person is not counted (or excluded): a stable code for machines, a sentence for people, and
 * the clause of the rule it comes from.
 *
 * @param code stable reason code, e.g. {@code ANC_T2_VISITS}
 * @param message human sentence, e.g. "1 visit in trimester 2, 2 required"
 * @param clause clause of the rule set, e.g. {@code PMK-6-2024 §9.1}
 */
public record Reason(String code, String message, String clause) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(clause, "clause");
    }
}
