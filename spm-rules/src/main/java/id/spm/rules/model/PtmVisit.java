package id.spm.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A hypertension or diabetes follow-up visit (layout {@code ptm-kunjungan}).
 *
 * @param diagnosis ICD-10 code ({@code Hipertensi} is imported as {@code I10}, {@code Diabetes
 *        Melitus} as {@code E14})
 */
public record PtmVisit(LocalDate date, String puskesmas, String diagnosis, Integer systolic, Integer diastolic,
        GlucoseTest glucoseTest, BigDecimal glucoseResult, Boolean clinicalExam, Boolean education,
        Boolean drugTherapy, Boolean referral) implements Event {

    public PtmVisit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(diagnosis, "diagnosis");
        diagnosis = diagnosis.strip().toUpperCase(Locale.ROOT);
    }

    public boolean isHypertension() {
        return Icd10.isHypertension(diagnosis);
    }

    public boolean isDiabetes() {
        return Icd10.isDiabetes(diagnosis);
    }
}
