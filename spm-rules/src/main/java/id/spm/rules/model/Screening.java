package id.spm.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One risk-factor screening, ages 15+ (layout {@code asik-skrining}). Services 6 (15–59) and 7 (60+)
 * both read it. Text findings are {@code null} when not examined; yes/no columns are {@code null}
 * when blank (not done).
 */
public record Screening(LocalDate date, String puskesmas, String desaCode, ScreeningPlace place,
        BigDecimal weightKg, BigDecimal heightCm, BigDecimal waistCm, BigDecimal lilaCm, Integer systolic,
        Integer diastolic, BigDecimal bloodGlucose, BigDecimal cholesterol, Integer puma, String sight,
        String hearing, String mentalHealth, String riskyBehaviour, String iva, String sadanis,
        String tetanusStatus, String skilas, Integer adlBarthel, Boolean familyHistoryDm,
        Boolean brideOrGroom, Boolean education) implements Event {

    public Screening {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        if (adlBarthel != null && (adlBarthel < 0 || adlBarthel > 20)) {
            throw new IllegalArgumentException("ADL Barthel score " + adlBarthel + " is outside 0–20");
        }
        if (puma != null && (puma < 0 || puma > 10)) {
            throw new IllegalArgumentException("PUMA score " + puma + " is outside 0–10");
        }
        sight = SchoolExam.blankToNull(sight);
        hearing = SchoolExam.blankToNull(hearing);
        mentalHealth = SchoolExam.blankToNull(mentalHealth);
        riskyBehaviour = SchoolExam.blankToNull(riskyBehaviour);
        iva = SchoolExam.blankToNull(iva);
        sadanis = SchoolExam.blankToNull(sadanis);
        tetanusStatus = SchoolExam.blankToNull(tetanusStatus);
        skilas = SchoolExam.blankToNull(skilas);
    }
}
