package id.spm.rules.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * A goods standard: {@code quantity} units per {@code perRecipients} recipients of a base population
 * (digest §5), e.g. 180 iron tablets per pregnant woman, 80 Td doses per 100, one USG gel per 15.
 *
 * @param service the service
 * @param item the item, as it appears in the {@code mutu} layout
 * @param unit its unit
 * @param quantity units
 * @param perRecipients per this many recipients
 * @param base the recipients
 */
public record GoodsStandard(SpmService service, String item, String unit, BigDecimal quantity, long perRecipients,
        RecipientBase base) {

    public GoodsStandard {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(base, "base");
        if (quantity.signum() <= 0 || perRecipients <= 0) {
            throw new IllegalArgumentException("a goods standard needs a positive quantity per recipients");
        }
    }

    /**
     * The need for a number of recipients: recipients × quantity ÷ perRecipients, rounded up to a whole
     * unit (a part of a vial or tube cannot be stocked).
     */
    public BigDecimal need(long recipients) {
        if (recipients < 0) {
            throw new IllegalArgumentException("recipients must not be negative");
        }
        return BigDecimal.valueOf(recipients).multiply(quantity)
                .divide(BigDecimal.valueOf(perRecipients), 0, RoundingMode.CEILING);
    }

    /** E.g. {@code 180 tablet per ibu hamil} or {@code 1 tube per 15 ibu hamil}. */
    public String describe() {
        return quantity.toPlainString() + " " + unit + " per " + (perRecipients == 1 ? "" : perRecipients + " ")
                + base.label();
    }
}
