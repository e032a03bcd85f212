package id.spm.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One school-age examination (layout {@code asik-anak-sekolah}). Finding columns hold the finding
 * as text; {@code null} means not examined.
 *
 * @param date examination date
 * @param puskesmas recording Puskesmas
 * @param npsn school id, may be {@code null}
 * @param place where the child was reached
 * @param grade grade 1–9, {@code null} outside school
 * @param nutrition status gizi finding
 * @param vitalSigns tanda vital finding
 * @param oralDental gigi dan mulut finding
 * @param sight penglihatan finding
 * @param hearing pendengaran finding
 * @param anaemia anaemia (Hb) finding
 * @param followUp tindak lanjut, reported only
 * @param bias the BIAS antigen given at this examination, may be {@code null}
 */
public record SchoolExam(LocalDate date, String puskesmas, String npsn, SchoolPlace place, Integer grade,
        String nutrition, String vitalSigns, String oralDental, String sight, String hearing, String anaemia,
        String followUp, BiasAntigen bias) implements Event {

    public SchoolExam {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(place, "place");
        if (grade != null && (grade < 1 || grade > 12)) {
            throw new IllegalArgumentException("grade " + grade + " is outside 1–12");
        }
        nutrition = blankToNull(nutrition);
        vitalSigns = blankToNull(vitalSigns);
        oralDental = blankToNull(oralDental);
        sight = blankToNull(sight);
        hearing = blankToNull(hearing);
        anaemia = blankToNull(anaemia);
        followUp = blankToNull(followUp);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
