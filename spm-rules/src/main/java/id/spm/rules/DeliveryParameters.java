package id.spm.rules;

import java.util.List;

/**
 * Service 2, ibu bersalin (digest §2.2, §9.2).
 *
 * @param allowLimitedAccessException whether an uncomplicated delivery with limited access may be
 *        attended by two health workers without a doctor
 */
public record DeliveryParameters(boolean allowLimitedAccessException) {

    public static final DeliveryParameters DEFAULT = new DeliveryParameters(true);

    public List<Parameter> describe() {
        return List.of(new Parameter("delivery.allowLimitedAccessException",
                Boolean.toString(allowLimitedAccessException),
                "Where access is limited, an uncomplicated delivery by midwife + nurse or 2 midwives counts", false));
    }
}
