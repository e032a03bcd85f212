package id.spm.rules.internal;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.model.Event;

/**
 * Attribution (digest §9, "General"): a person is attributed, for a service, to the Puskesmas of the
 * latest record of that service's layouts dated on or before E; ties go to the smallest Puskesmas code.
 * Rules that already walk their records fold the same comparison into that walk.
 */
public final class Attribution {

    private Attribution() {
    }

    /**
     * The §9 comparison, for rules that fold attribution into their own walk over the records: whether a
     * record dated {@code date} at {@code puskesmas} replaces the best so far (a later date, or the same
     * date and a smaller code). {@code bestDate} is {@code null} before the first record.
     */
    public static boolean wins(LocalDate date, String puskesmas, LocalDate bestDate, String best) {
        if (bestDate == null) {
            return true;
        }
        int c = date.compareTo(bestDate);
        return c > 0 || (c == 0 && puskesmas.compareTo(best) < 0);
    }

    /** The Puskesmas of the latest event dated on or before {@code end}, or {@code null} when none. */
    public static String latest(LocalDate end, List<? extends Event> source) {
        return latest(end, source, List.of());
    }

    /** As {@link #latest(LocalDate, List)}, over the events of two layouts. */
    public static String latest(LocalDate end, List<? extends Event> first, List<? extends Event> second) {
        LocalDate bestDate = null;
        String best = null;
        for (int s = 0; s < 2; s++) {
            List<? extends Event> source = s == 0 ? first : second;
            for (int i = 0, n = source.size(); i < n; i++) {
                Event e = source.get(i);
                LocalDate d = e.date();
                if (d.isAfter(end)) {
                    continue;
                }
                if (wins(d, e.puskesmas(), bestDate, best)) {
                    bestDate = d;
                    best = e.puskesmas();
                }
            }
        }
        return best;
    }
}
