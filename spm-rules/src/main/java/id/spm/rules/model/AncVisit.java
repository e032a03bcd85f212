package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One antenatal visit (layout {@code ekohort-anc}).
 *
 * @param date visit date (Tanggal Kunjungan)
 * @param puskesmas recording Puskesmas
 * @param hpht HPHT written on the visit row; informational only, the pregnancy's HPHT comes from its
 *        outcome (section 9.1); may be {@code null}
 * @param visitCode the visit label as recorded (K1A, K1M, K2 … K6, or 1 … 6); informational, may be
 *        {@code null}
 * @param examiner who examined
 * @param usg ultrasound done at this visit
 * @param tenT the 10T items recorded "yes" at this visit, or {@code null} when the source has no 10T
 *        columns at all (then the rule cannot see them)
 */
public record AncVisit(LocalDate date, String puskesmas, LocalDate hpht, String visitCode, Examiner examiner,
        boolean usg, Set<TenTItem> tenT) implements Event {

    public AncVisit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(examiner, "examiner");
        tenT = tenT == null ? null : Set.copyOf(tenT);
    }

    /** Whether this visit carries 10T columns. */
    public boolean tenTRecorded() {
        return tenT != null;
    }
}
