package id.spm.rules;

import java.util.List;

/**
 * Service 2, ibu bersalin (digest §2.2, §9.2).
 *
 * @param allowLimitedAccessException whether an uncomplicated delivery with limited access may be
 *        attended by two health workers without a doctor
 * @param nonDeliveryExcluded whether a pregnancy that ended in [1 Jan, E] without a delivery (abortion,
 *        death in pregnancy) is reported as excluded rather than left out as not a recipient; neither
 *        enters the numerator or the denominator [interpretation]
 */
public record DeliveryParameters(boolean allowLimitedAccessException, boolean nonDeliveryExcluded) {

    public static final DeliveryParameters DEFAULT = new DeliveryParameters(true, true);

    /** The parameters with the default reporting of non-deliveries (excluded). */
    public DeliveryParameters(boolean allowLimitedAccessException) {
        this(allowLimitedAccessException, true);
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("delivery.allowLimitedAccessException", Boolean.toString(allowLimitedAccessException),
                        "Where access is limited, an uncomplicated delivery by midwife + nurse or 2 midwives counts",
                        false),
                new Parameter("delivery.nonDeliveryExcluded", Boolean.toString(nonDeliveryExcluded),
                        "A pregnancy ended by abortion or death in pregnancy is reported as excluded (true) or"
                                + " not listed (false); it is never in the numerator or denominator",
                        true));
    }
}
