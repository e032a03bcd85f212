package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The end of a pregnancy: delivery or otherwise (layout {@code ekohort-persalinan}, one row per
 * pregnancy end). A pregnancy is identified by the mother and this HPHT (section 9.1).
 *
 * @param date outcome date (Tanggal Persalinan)
 * @param puskesmas recording Puskesmas
 * @param hpht first day of the last menstrual period
 * @param outcome how the pregnancy ended
 * @param place place of delivery, may be {@code null} when not a delivery
 * @param doctors number of doctors attending
 * @param midwives number of midwives attending
 * @param nurses number of nurses attending
 * @param complication complicated delivery
 * @param limitedAccess access limited by distance/geography or no doctor (Akses Terbatas)
 */
public record PregnancyOutcome(LocalDate date, String puskesmas, LocalDate hpht, PregnancyOutcomeKind outcome,
        DeliveryPlace place, int doctors, int midwives, int nurses, boolean complication, boolean limitedAccess)
        implements
            Event {

    public PregnancyOutcome {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(hpht, "hpht");
        Objects.requireNonNull(outcome, "outcome");
        if (doctors < 0 || midwives < 0 || nurses < 0) {
            throw new IllegalArgumentException("attendant counts must not be negative");
        }
        if (hpht.isAfter(date)) {
            throw new IllegalArgumentException("HPHT " + hpht + " is after the outcome date " + date);
        }
    }
}
