package id.spm.rules.count;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.model.Event;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.TbPresumption;

/**
 * By-name presence (digest §9 "General"): for each service, the Puskesmas that have a by-name record
 * of one of the service's layouts dated in the service's window, [1 Jan, E] (service 5: the school
 * year [1 Jun Y−1, min(31 May Y, E)]). Such a Puskesmas takes its numerator from by-name decisions,
 * any other from its monthly aggregate counts.
 * <p>
 * A row is dated in the window when its event date is; a {@code tbc-terduga} row also when its
 * examination date is, and a {@code hiv-tes} row also when its test date is (those rows carry two
 * dates and the rules read both).
 */
public final class ByNamePresence {

    private ByNamePresence() {
    }

    /** Receives one (layout, Puskesmas) pair per row dated in its window. */
    @FunctionalInterface
    public interface Sink {
        void accept(ByNameLayout layout, String puskesmas);
    }

    /** First day of the window in which a by-name record of the service makes the by-name numerator. */
    public static LocalDate windowStart(SpmService service, Period period) {
        return service == SpmService.SCHOOL_AGE ? period.schoolYearStart() : period.start();
    }

    /** Last day of that window. */
    public static LocalDate windowEnd(SpmService service, Period period) {
        return service == SpmService.SCHOOL_AGE ? period.schoolYearEnd() : period.end();
    }

    /** Per service, the Puskesmas (in code order) with a by-name record of the person in the window. */
    public static Map<SpmService, Set<String>> of(PersonRecord person, Period period) {
        Map<SpmService, Set<String>> out = new EnumMap<>(SpmService.class);
        visit(person, period, (layout, pkm) -> {
            for (SpmService s : layout.services()) {
                out.computeIfAbsent(s, k -> new TreeSet<>()).add(pkm);
            }
        });
        return out;
    }

    /** Hands every row of the person dated in its layout's window to the sink. */
    public static void visit(PersonRecord person, Period period, Sink sink) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        rows(person.ancVisits(), ByNameLayout.EKOHORT_ANC, start, end, sink);
        rows(person.pregnancyOutcomes(), ByNameLayout.EKOHORT_PERSALINAN, start, end, sink);
        rows(person.newborns(), ByNameLayout.EKOHORT_BAYI, start, end, sink);
        rows(person.childServices(), ByNameLayout.EKOHORT_BALITA, start, end, sink);
        rows(person.schoolExams(), ByNameLayout.ASIK_ANAK_SEKOLAH, period.schoolYearStart(), period.schoolYearEnd(),
                sink);
        rows(person.screenings(), ByNameLayout.ASIK_SKRINING, start, end, sink);
        rows(person.ptmVisits(), ByNameLayout.PTM_KUNJUNGAN, start, end, sink);
        rows(person.mentalHealthVisits(), ByNameLayout.KESWA_KUNJUNGAN, start, end, sink);
        rows(person.tbPresumptions(), ByNameLayout.TBC_TERDUGA, start, end, sink);
        rows(person.hivRiskRecords(), ByNameLayout.HIV_TES, start, end, sink);
    }

    private static void rows(List<? extends Event> events, ByNameLayout layout, LocalDate start, LocalDate end,
            Sink sink) {
        String last = null;
        for (int i = 0, n = events.size(); i < n; i++) {
            Event e = events.get(i);
            if (!dated(e, start, end)) {
                continue;
            }
            String p = e.puskesmas();
            // Rows of one person mostly share a Puskesmas: skip the repeat.
            if (!p.equals(last)) {
                sink.accept(layout, p);
                last = p;
            }
        }
    }

    private static boolean dated(Event e, LocalDate start, LocalDate end) {
        if (in(e.date(), start, end)) {
            return true;
        }
        if (e instanceof TbPresumption t) {
            return in(t.examDate(), start, end);
        }
        if (e instanceof HivRiskRecord h) {
            return in(h.testDate(), start, end);
        }
        return false;
    }

    private static boolean in(LocalDate d, LocalDate start, LocalDate end) {
        return d != null && !d.isBefore(start) && !d.isAfter(end);
    }
}
