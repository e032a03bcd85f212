package id.spm.rules.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sasaran of presumptive TB (digest §2.11, §9 "Denominators"): ⌈target penemuan ÷ share × contacts⌉.
 *
 * @param confirmedShare bacteriologically confirmed share of cases (WHO 2022: 0.54)
 * @param contactsPerCase presumptive persons per confirmed case (10)
 */
public record TbFormula(BigDecimal confirmedShare, BigDecimal contactsPerCase) {

    public static final TbFormula DEFAULT = new TbFormula(new BigDecimal("0.54"), BigDecimal.TEN);

    public TbFormula {
        Objects.requireNonNull(confirmedShare, "confirmedShare");
        Objects.requireNonNull(contactsPerCase, "contactsPerCase");
        if (confirmedShare.signum() <= 0 || confirmedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("confirmed share " + confirmedShare + " is not in (0, 1]");
        }
        if (contactsPerCase.signum() <= 0) {
            throw new IllegalArgumentException("contacts per case must be positive");
        }
    }
}
