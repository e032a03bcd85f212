package id.spm.rules.model;

import java.time.LocalDate;

/**
 * A dated record of one person at one Puskesmas: the unit every rule reads. A closed family, one
 * record per by-name layout (formats.md); {@link id.spm.rules.count.ByNameLayout} names the layout
 * of each.
 */
public sealed interface Event permits AncVisit, PregnancyOutcome, Newborn, ChildService, SchoolExam, Screening,
        PtmVisit, MentalHealthVisit, TbPresumption, HivRiskRecord {

    /** The date that places the record in a period and decides attribution (section 9, "General"). */
    LocalDate date();

    /** The Puskesmas that recorded it, {@code P} + 10 digits. */
    String puskesmas();
}
