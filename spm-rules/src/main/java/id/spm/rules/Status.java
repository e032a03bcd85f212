package id.spm.rules;

/** The five outcomes of a per-person decision. */
public enum Status {
    /** Received the service sesuai standar: in the numerator. */
    COUNTED,
    /** Window still open at E: neither counted nor a failure (section 9, "when a person is judged"). */
    PENDING,
    /** A recipient in this period who did not meet the standard; the reasons say why. */
    NOT_COUNTED,
    /** Left out of numerator and denominator (abortion, premature delivery, death in pregnancy, …). */
    EXCLUDED,
    /** Not a recipient of this service in this period. */
    NOT_RECIPIENT
}
