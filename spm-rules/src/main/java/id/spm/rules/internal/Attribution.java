package id.spm.rules.internal;

import java.time.LocalDate;

import id.spm.rules.model.Event;

/**
 * Attribution (digest §9, "General"): a person is attributed, for a service, to the Puskesmas of the
 * latest record of that service's layouts dated on or before E; ties go to the smallest Puskesmas code.
 */
public final class Attribution {

    private Attribution() {
    }

    /** The Puskesmas of the latest event dated on or before {@code end}, or {@code null} when none. */
    @SafeVarargs
    public static String latest(LocalDate end, Iterable<? extends Event>... sources) {
        LocalDate bestDate = null;
        String best = null;
        for (Iterable<? extends Event> source : sources) {
            for (Event e : source) {
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
