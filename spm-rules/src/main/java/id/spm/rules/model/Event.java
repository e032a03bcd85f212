package id.spm.rules.model;

import java.time.LocalDate;

/** A dated record of one person at one Puskesmas: the unit every rule reads. */
public interface Event {

    /** The date that places the record in a period and decides attribution (section 9, "General"). */
    LocalDate date();

    /** The Puskesmas that recorded it, {@code P} + 10 digits. */
    String puskesmas();
}
