package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A presumptive TB record, with the examination when one was done (layout {@code tbc-terduga}).
 *
 * @param presumedDate Tanggal Terduga
 * @param examDate Tanggal Pemeriksaan, {@code null} when not examined
 * @param examType Jenis Pemeriksaan, {@code null} when not examined
 * @param result Hasil as recorded, may be {@code null}
 */
public record TbPresumption(LocalDate presumedDate, String puskesmas, LocalDate examDate, TbExamType examType,
        String result) implements Event {

    public TbPresumption {
        Objects.requireNonNull(presumedDate, "presumedDate");
        Objects.requireNonNull(puskesmas, "puskesmas");
        if ((examDate == null) != (examType == null)) {
            throw new IllegalArgumentException("an examination has both a date and a type");
        }
    }

    /** The presumption date places the record; the examination date is read by the rule (section 9.11). */
    @Override
    public LocalDate date() {
        return presumedDate;
    }
}
