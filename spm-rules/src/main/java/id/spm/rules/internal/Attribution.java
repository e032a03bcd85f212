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
                int c = bestDate == null ? 1 : d.compareTo(bestDate);
                if (c > 0 || (c == 0 && e.puskesmas().compareTo(best) < 0)) {
                    bestDate = d;
                    best = e.puskesmas();
                }
            }
        }
        return best;
    }
}
