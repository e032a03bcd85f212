package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;

import id.spm.rules.internal.Ages;

/**
 * A citizen, identified only by a pseudonymous key (a keyed hash of the NIK, never the NIK itself).
 *
 * @param id pseudonymous person key
 * @param birthDate date of birth
 * @param sex sex, may be {@code null} when no record states it
 * @param desaCode Kemendagri desa/kelurahan code (dotted, 10 digits), may be {@code null}
 * @param puskesmas Puskesmas of the person's registration, may be {@code null}; attribution per
 *        service follows the events, not this field
 */
public record Person(String id, LocalDate birthDate, Sex sex, String desaCode, String puskesmas) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        if (id.isBlank()) {
            throw new IllegalArgumentException("person id is blank");
        }
    }

    /**
     * Completed years at {@code on} (§9 General: a birthday counts on its day; 29 Feb → 28 Feb), or {@code null} before birth.
     */
    public Integer ageAt(LocalDate on) {
        return birthDate.isAfter(on) ? null : Ages.years(birthDate, on);
    }
}
