package id.spm.rules.count;

import java.util.Objects;

/**
 * An assumption that by-name decisions of a Puskesmas or area relied on, with how many decisions
 * (digest §2.1, §2.3: every result states which assumptions were applied).
 *
 * @param code the assumption code, e.g. {@code KN1_BY_DAY}
 * @param example the message of one decision that relied on it
 * @param decisions number of decisions that relied on it
 */
public record AssumptionUse(String code, String example, long decisions) {

    public AssumptionUse {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(example, "example");
    }
}
