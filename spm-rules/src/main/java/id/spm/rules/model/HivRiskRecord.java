package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person recorded in an HIV risk group, with a test when one was done (layout {@code hiv-tes}).
 *
 * @param recordedDate Tanggal Tercatat: the date recorded in the risk group
 * @param testDate Tanggal Tes, {@code null} when not tested
 * @param testType Jenis Tes, {@code null} when not tested
 * @param result Hasil as recorded, may be {@code null}
 */
public record HivRiskRecord(LocalDate recordedDate, String puskesmas, RiskGroup group, LocalDate testDate,
        HivTestType testType, String result) implements Event {

    public HivRiskRecord {
        Objects.requireNonNull(recordedDate, "recordedDate");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(group, "group");
        if ((testDate == null) != (testType == null)) {
            throw new IllegalArgumentException("a test has both a date and a type");
        }
    }

    /** The recording date places the record; the test date is read by the rule (section 9.12). */
    @Override
    public LocalDate date() {
        return recordedDate;
    }
}
