package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.internal.Ages;
import id.spm.rules.internal.Attribution;
import id.spm.rules.model.Screening;

/**
 * The one pass of services 6 and 7 over a person's screenings (digest §9.6, §9.7): the attribution
 * (§9 General) over every screening on or before E, whatever the age; and the screenings in [1 Jan, E]
 * at which the person is aged in {@code [minAge, maxAgeExclusive)}, "only those screenings are read",
 * whose recorded items are joined.
 *
 * @param screenings the screenings read (0: not a recipient)
 * @param recorded the {@link ScreeningItem} bits recorded at least once in them
 * @param puskesmas the attributed Puskesmas
 * @param latest the date of the latest screening read, {@code null} when none
 * @param familyHistoryDm a family history of diabetes recorded in one of them
 * @param brideOrGroom a bride or groom-to-be (catin) in one of them
 */
record ScreeningPass(int screenings, int recorded, String puskesmas, LocalDate latest, boolean familyHistoryDm,
        boolean brideOrGroom) {

    static ScreeningPass over(List<Screening> all, LocalDate birth, LocalDate start, LocalDate end, int minAge,
            int maxAgeExclusive) {
        int recorded = 0;
        int n = 0;
        LocalDate latest = null;
        boolean familyDm = false;
        boolean catin = false;
        LocalDate bestDate = null;
        String puskesmas = null;
        for (int i = 0, size = all.size(); i < size; i++) {
            Screening s = all.get(i);
            LocalDate d = s.date();
            if (d.isAfter(end)) {
                continue;
            }
            if (Attribution.wins(d, s.puskesmas(), bestDate, puskesmas)) {
                bestDate = d;
                puskesmas = s.puskesmas();
            }
            if (d.isBefore(start)) {
                continue;
            }
            int age = Ages.years(birth, d);
            if (age < minAge || age >= maxAgeExclusive) {
                continue;
            }
            n++;
            recorded |= ScreeningItem.recorded(s);
            familyDm |= Boolean.TRUE.equals(s.familyHistoryDm());
            catin |= Boolean.TRUE.equals(s.brideOrGroom());
            if (latest == null || d.isAfter(latest)) {
                latest = d;
            }
        }
        return new ScreeningPass(n, recorded, puskesmas, latest, familyDm, catin);
    }
}
