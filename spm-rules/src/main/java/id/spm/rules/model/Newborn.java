package id.spm.rules.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A newborn's register row (layout {@code ekohort-bayi}, one row per baby). The baby is the person;
 * its date is the birth date.
 *
 * @param birthDate date of birth
 * @param birthTime time of birth (Jam Lahir), {@code null} when not recorded
 * @param puskesmas recording Puskesmas
 * @param motherId pseudonymous key of the mother, may be {@code null}
 * @param birthWeightGrams birth weight in grams, may be {@code null}
 * @param liveBorn born alive
 * @param essentialCare the essential-care items recorded "yes"
 * @param kn1Date date of KN1, {@code null} when not done
 * @param kn1Time time of KN1, {@code null} when not recorded
 * @param kn2 date of KN2, {@code null} when not done
 * @param kn3 date of KN3, {@code null} when not done
 */
public record Newborn(LocalDate birthDate, LocalTime birthTime, String puskesmas, String motherId,
        Integer birthWeightGrams, boolean liveBorn, Set<EssentialCare> essentialCare, LocalDate kn1Date,
        LocalTime kn1Time, LocalDate kn2, LocalDate kn3) implements Event {

    public Newborn {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(puskesmas, "puskesmas");
        essentialCare = essentialCare == null ? Set.of() : Set.copyOf(essentialCare);
        if (birthWeightGrams != null && birthWeightGrams < 0) {
            throw new IllegalArgumentException("birth weight must not be negative");
        }
    }

    @Override
    public LocalDate date() {
        return birthDate;
    }

    /** Birth as a date-time, or {@code null} when the time of birth is unknown. */
    public LocalDateTime birthDateTime() {
        return birthTime == null ? null : birthDate.atTime(birthTime);
    }

    /** KN1 as a date-time, or {@code null} when KN1 or its time is unknown. */
    public LocalDateTime kn1DateTime() {
        return kn1Date == null || kn1Time == null ? null : kn1Date.atTime(kn1Time);
    }
}
