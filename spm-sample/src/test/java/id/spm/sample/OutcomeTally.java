package id.spm.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.Reason;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import id.spm.rules.model.PersonRecord;

/**
 * Decisions of a generated district tallied per service: how many counted, not counted, pending and
 * excluded, and how often each reason code was given. The realism test reads it; {@link #main} prints
 * the table for a district, the year and quarters 1–3.
 */
final class OutcomeTally implements Evaluator.DecisionSink {

    private final Map<SpmService, long[]> byStatus = new EnumMap<>(SpmService.class);
    private final Map<SpmService, Map<String, Long>> byReason = new EnumMap<>(SpmService.class);

    OutcomeTally() {
        for (SpmService s : SpmService.values()) {
            byStatus.put(s, new long[Status.values().length]);
            byReason.put(s, new HashMap<>());
        }
    }

    /** Every person of the list decided for every service in the period, under PMK-6-2024. */
    static OutcomeTally of(Iterable<PersonRecord> persons, Period period) {
        Evaluator evaluator = new Evaluator(RuleSets.PMK_6_2024);
        OutcomeTally t = new OutcomeTally();
        for (PersonRecord p : persons) {
            evaluator.decideAll(p, period, t);
        }
        return t;
    }

    @Override
    public void accept(PersonRecord person, Decision d) {
        byStatus.get(d.service())[d.status().ordinal()]++;
        if (d.status() == Status.NOT_COUNTED || d.status() == Status.EXCLUDED || d.status() == Status.PENDING) {
            Map<String, Long> codes = byReason.get(d.service());
            for (Reason r : d.reasons()) {
                codes.merge(r.code(), 1L, Long::sum);
            }
        }
    }

    long count(SpmService s, Status status) {
        return byStatus.get(s)[status.ordinal()];
    }

    /** Counted ÷ (counted + not counted), in percent; 0 when there are no recipients. */
    double coverage(SpmService s) {
        long c = count(s, Status.COUNTED);
        long r = c + count(s, Status.NOT_COUNTED);
        return r == 0 ? 0 : 100.0 * c / r;
    }

    /** Reason codes of a service, most frequent first. */
    List<Map.Entry<String, Long>> reasons(SpmService s) {
        List<Map.Entry<String, Long>> l = new ArrayList<>(byReason.get(s).entrySet());
        l.sort(Map.Entry.<String, Long> comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return l;
    }

    /** A Markdown table: one row per service, with the top reason codes. */
    String table(int topReasons) {
        StringBuilder sb = new StringBuilder(
                "| # | service | counted | not counted | pending | excluded | coverage | top reasons |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (SpmService s : SpmService.values()) {
            StringBuilder top = new StringBuilder();
            List<Map.Entry<String, Long>> rs = reasons(s);
            for (int i = 0; i < Math.min(topReasons, rs.size()); i++) {
                top.append(i == 0 ? "" : ", ").append(rs.get(i).getKey()).append(' ').append(rs.get(i).getValue());
            }
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %d | %.1f %% | %s |%n", s.ordinal() + 1,
                    s.name(), count(s, Status.COUNTED), count(s, Status.NOT_COUNTED), count(s, Status.PENDING),
                    count(s, Status.EXCLUDED), coverage(s), top));
        }
        return sb.toString();
    }

    /** Prints the tables of a district: {@code [seed] [population] [year] [top reasons]}. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 7L;
        int population = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int year = args.length > 2 ? Integer.parseInt(args[2]) : 2025;
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<PersonRecord> persons = PopulationGenerator.tanaToraja(seed, population, year).persons();
        for (Period period : List.of(Period.ofYear(year), Period.ofQuarter(year, 1), Period.ofQuarter(year, 2),
                Period.ofQuarter(year, 3))) {
            System.out.println("### " + period + " (seed " + seed + ", " + population + " persons)\n");
            System.out.println(of(persons, period).table(top));
        }
    }
}
