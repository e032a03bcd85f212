package id.spm.rules.count;

import java.util.List;
import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * The numerator of one Puskesmas and service, with its source (digest §9 "General").
 *
 * @param puskesmas Puskesmas code
 * @param service the service
 * @param source which data the numerator comes from; by-name and aggregate are never added
 * @param numerator counted decisions (by-name) or the sum of monthly compliant counts (aggregate)
 * @param byName the by-name decisions attributed to the Puskesmas (shown even when not the source)
 * @param aggregateCompliant sum of Jumlah Sesuai Standar over the months of the window
 * @param aggregateNonCompliant sum of Jumlah Tidak Sesuai Standar, {@code null} when a month lacks it or no
 *        month is reported
 * @param aggregateMonths number of monthly counts in the window
 * @param assumptions assumptions the by-name decisions relied on (empty when the source is not by-name)
 * @param explanation why this source was chosen
 */
public record PuskesmasCount(String puskesmas, SpmService service, NumeratorSource source, long numerator,
        Tally byName, long aggregateCompliant, Long aggregateNonCompliant, int aggregateMonths,
        List<AssumptionUse> assumptions, String explanation) {

    public PuskesmasCount {
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(byName, "byName");
        Objects.requireNonNull(explanation, "explanation");
        assumptions = List.copyOf(assumptions);
    }
}
