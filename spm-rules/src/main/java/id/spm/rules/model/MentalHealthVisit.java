package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A visit for a severe mental disorder (layout {@code keswa-kunjungan}).
 *
 * @param diagnosis ICD-10 code ({@code Psikotik Akut} is imported as {@code F23}, {@code Skizofrenia}
 *        as {@code F20})
 */
public record MentalHealthVisit(LocalDate date, String puskesmas, String diagnosis, Boolean mentalStatusExam,
        Boolean interview, Boolean education, Boolean management, Boolean referral) implements Event {

    public MentalHealthVisit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(diagnosis, "diagnosis");
        diagnosis = diagnosis.strip().toUpperCase(Locale.ROOT);
    }
}
