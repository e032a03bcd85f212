package id.spm.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One service to a child under five (layout {@code ekohort-balita}, one row per service).
 *
 * @param date service date
 * @param puskesmas recording Puskesmas
 * @param type kind of service
 * @param antigen for immunisation, the canonical antigen name in upper case ({@code HB0},
 *        {@code BCG}, {@code OPV1}, {@code DPT-HB-HIB1}, {@code IPV1}, {@code MR1} …), else {@code null}
 * @param value measured value (kg or cm), may be {@code null}
 */
public record ChildService(LocalDate date, String puskesmas, ChildServiceType type, String antigen,
        BigDecimal value) implements Event {

    public ChildService {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(type, "type");
        antigen = antigen == null || antigen.isBlank() ? null : antigen.strip().toUpperCase(Locale.ROOT);
        if (type == ChildServiceType.IMMUNISATION && antigen == null) {
            throw new IllegalArgumentException("an immunisation names its antigen");
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("a measurement must not be negative");
        }
    }
}
