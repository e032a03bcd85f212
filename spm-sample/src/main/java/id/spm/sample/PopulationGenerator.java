package id.spm.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PuskesmasInfo;

/**
 * A seeded, realistic district: its Puskesmas, persons with their events for all twelve services,
 * and the aggregate inputs (population, sasaran, mutu, monthly counts). One generator serves the
 * demo, the tests and the benchmarks. It only produces valid records; it decides nothing.
 *
 * <p>
 * Deterministic: the same {@link SampleSpec} gives the same output, on any JDK (the random source is
 * SplitMix64, written out). Persons are produced lazily, desa by desa, so {@link #iterator()},
 * {@link #stream()} and {@link #forEach} never hold more than the current person and, after a mother,
 * her baby; {@link #persons()} collects them for small demos.
 *
 * <p>
 * Persons carry a pseudonymous id of 32 hex digits, never anything shaped like a NIK. A woman who
 * delivers in the year is followed by her baby (its {@code Newborn.motherId} is her id); babies count
 * towards the population, so it is exact.
 */
public final class PopulationGenerator implements Iterable<PersonRecord> {

    private static final long SLOT_STREAM = 1;
    private static final long UNIT_STREAM = 2;
    private static final long PUSKESMAS_STREAM = 3;
    static final long MUTU_STREAM = 4;
    static final long MONTHLY_STREAM = 5;

    private final SampleSpec spec;
    private final List<PuskesmasInfo> puskesmas;
    private final String aggregatePuskesmas;
    private final PersonSynthesizer.Home[] homes;
    private final int[] quotas;
    private final Map<String, Long> kecamatanPopulation;

    public PopulationGenerator(SampleSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<SampleKecamatan> kec = spec.district().kecamatan();
        int k = kec.size();
        int n = spec.puskesmasCount();

        // Puskesmas j sits in kecamatan j mod k: every kecamatan gets one before any gets a second.
        String[] codes = new String[n];
        List<List<Integer>> byKec = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            byKec.add(new ArrayList<>());
        }
        for (int j = 0; j < n; j++) {
            int kecIndex = j % k;
            codes[j] = String.format("P%s02%02d", kec.get(kecIndex).digits(), j / k + 1);
            byKec.get(kecIndex).add(j);
        }

        // Slots: one per desa (or per kecamatan without desa codes), each served by one Puskesmas.
        List<String> slotDesa = new ArrayList<>();
        List<Integer> slotPkm = new ArrayList<>();
        List<Integer> slotKec = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<String> desa = kec.get(i).desaCodes();
            List<Integer> own = byKec.get(i);
            int count = Math.max(1, desa.size());
            for (int d = 0; d < count; d++) {
                String code = desa.isEmpty() ? null : desa.get(d);
                int pkm = own.isEmpty() ? i % n : own.get(d % own.size());
                Rng r = Rng.of(spec.seed(), SLOT_STREAM, slotDesa.size());
                // Kelurahan (desa code 1xxx) are the denser urban villages.
                double w = code == null ? 8 * r.uniform(0.5, 1.5)
                        : code.charAt(9) == '1' ? 2 * r.uniform(0.7, 1.3) : r.uniform(0.5, 1.5);
                slotDesa.add(code);
                slotPkm.add(pkm);
                slotKec.add(i);
                weights.add(w);
            }
        }
        int slots = slotDesa.size();
        double[] wa = new double[slots];
        for (int s = 0; s < slots; s++) {
            wa[s] = weights.get(s);
        }
        long[] q = apportion(spec.population(), wa);
        this.quotas = new int[slots];
        long[] pkmPopulation = new long[n];
        List<Set<String>> pkmDesa = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            pkmDesa.add(new LinkedHashSet<>());
        }
        this.kecamatanPopulation = new HashMap<>();
        for (int s = 0; s < slots; s++) {
            quotas[s] = (int) q[s];
            pkmPopulation[slotPkm.get(s)] += q[s];
            if (slotDesa.get(s) != null) {
                pkmDesa.get(slotPkm.get(s)).add(slotDesa.get(s));
            }
            kecamatanPopulation.merge(kec.get(slotKec.get(s)).code(), q[s], Long::sum);
        }

        List<PuskesmasInfo> list = new ArrayList<>();
        boolean[] remote = new boolean[n];
        for (int j = 0; j < n; j++) {
            SampleKecamatan home = kec.get(j % k);
            int seq = j / k + 1;
            remote[j] = Rng.of(spec.seed(), PUSKESMAS_STREAM, j).chance(0.3);
            list.add(new PuskesmasInfo(codes[j], "Puskesmas " + home.name() + (seq > 1 ? " " + seq : ""), home.code(),
                    pkmDesa.get(j), pkmPopulation[j]));
        }
        list.sort(Comparator.comparing(PuskesmasInfo::code));
        this.puskesmas = List.copyOf(list);
        this.aggregatePuskesmas = spec.aggregateService() != null && n >= 2 ? list.get(n - 1).code() : null;
        Map<String, String> neighbour = new HashMap<>();
        for (int p = 0; p < n; p++) {
            neighbour.put(list.get(p).code(), list.get((p + 1) % n).code());
        }

        this.homes = new PersonSynthesizer.Home[slots];
        for (int s = 0; s < slots; s++) {
            int j = slotPkm.get(s);
            String code = codes[j];
            boolean aggregated = code.equals(aggregatePuskesmas);
            SpmService agg = spec.aggregateService();
            homes[s] = new PersonSynthesizer.Home(slotDesa.get(s), code, neighbour.get(code), remote[j],
                    Rng.of(spec.seed(), SLOT_STREAM, s).between(5, 25), s,
                    !(aggregated && agg == SpmService.HIV_RISK), !(aggregated && agg == SpmService.TB_PRESUMPTIVE),
                    !(aggregated && agg == SpmService.SEVERE_MENTAL_DISORDER));
        }
    }

    /** A generator of Tana Toraja with its 21 Puskesmas (see {@link SampleSpec#tanaToraja}). */
    public static PopulationGenerator tanaToraja(long seed, int population, int year) {
        return new PopulationGenerator(SampleSpec.tanaToraja(seed, population, year));
    }

    public SampleSpec spec() {
        return spec;
    }

    /** The report year as a period, the one the generated events are meant to be evaluated in. */
    public Period period() {
        return Period.ofYear(spec.year());
    }

    /**
     * The registered Puskesmas, sorted by code ({@code P} + kecamatan digits + {@code 02} + sequence),
     * each with the desa of its working area and their generated population.
     */
    public List<PuskesmasInfo> puskesmas() {
        return puskesmas;
    }

    /**
     * The Puskesmas that reports {@link SampleSpec#aggregateService()} only as {@link #monthlyCounts()},
     * or {@code null} when none does.
     */
    public String aggregatePuskesmas() {
        return aggregatePuskesmas;
    }

    /** A fresh lazy pass over the persons, in the same order every time. */
    @Override
    public Iterator<PersonRecord> iterator() {
        return new PersonIterator();
    }

    /** The persons as a lazy sequential stream of exactly {@link SampleSpec#population()} elements. */
    public Stream<PersonRecord> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), spec.population(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT | Spliterator.IMMUTABLE), false);
    }

    /** Every person, held in memory: for demos and tests of modest size. */
    public List<PersonRecord> persons() {
        List<PersonRecord> out = new ArrayList<>(spec.population());
        forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Population by age group and sex ({@code penduduk} layout) for the district and each kecamatan,
     * apportioned from the national age structure so each area's rows add up to its generated persons.
     */
    public List<SamplePopulationRow> population() {
        List<SamplePopulationRow> rows = new ArrayList<>(Aggregates.population(spec.district().code(), spec.year(),
                spec.population()));
        for (SampleKecamatan k : spec.district().kecamatan()) {
            long p = kecamatanPopulation.getOrDefault(k.code(), 0L);
            if (p > 0) {
                rows.addAll(Aggregates.population(k.code(), spec.year(), p));
            }
        }
        return List.copyOf(rows);
    }

    /** District sasaran of the twelve services ({@code sasaran} layout), each with its source. */
    public List<SampleTarget> targets() {
        return Aggregates.targets(spec.district().code(), spec.year(), spec.population());
    }

    /** Goods and staff need and stock per Puskesmas and service ({@code mutu} layout), for the year. */
    public List<SampleMutuRow> mutu() {
        return Aggregates.mutu(spec, targets(), puskesmas);
    }

    /**
     * Monthly counts ({@code rekap-bulanan}) of {@link SampleSpec#aggregateService()} at
     * {@link #aggregatePuskesmas()}, January to December; empty when no service is aggregated.
     */
    public List<MonthlyCount> monthlyCounts() {
        if (aggregatePuskesmas == null) {
            return List.of();
        }
        long pop = puskesmas.stream().filter(p -> p.code().equals(aggregatePuskesmas)).findFirst().orElseThrow()
                .population();
        return Aggregates.monthly(spec, aggregatePuskesmas, pop);
    }

    /**
     * The units of the spec's year drawn as {@link #iterator()} draws them, with the lives they carry into
     * the next year ({@link PopulationHistory}).
     */
    void generate(PersonSynthesizer synth, Consumer<PersonSynthesizer.Unit> sink) {
        long produced = 0;
        long unit = 0;
        for (int slot = 0; slot < quotas.length; slot++) {
            int left = quotas[slot];
            while (left > 0) {
                PersonSynthesizer.Unit u = synth.draw(Rng.of(spec.seed(), UNIT_STREAM, unit++), homes[slot], left,
                        produced, false);
                produced += u.records().size();
                left -= u.records().size();
                sink.accept(u);
            }
        }
    }

    /** The homes (desa slots) and their first-year quotas: where persons moving in settle. */
    PersonSynthesizer.Home[] homes() {
        return homes;
    }

    int[] quotas() {
        return quotas;
    }

    /**
     * Largest remainder: whole parts first, the units left to the largest fractions (ties: the
     * smaller index), so the parts always add up to the total.
     */
    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] out = new long[weights.length];
        double[] frac = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (long) Math.floor(exact);
            frac[i] = exact - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : a - b);
        for (int i = 0; given < total; i = (i + 1) % order.length) {
            out[order[i]]++;
            given++;
        }
        // Guards against a rounding error in the floors pushing the sum past the total.
        for (int i = order.length - 1; given > total; i = (i + order.length - 1) % order.length) {
            if (out[order[i]] > 0) {
                out[order[i]]--;
                given--;
            }
        }
        return out;
    }

    /** Lazily draws unit after unit, desa after desa; holds at most the baby that follows its mother. */
    private final class PersonIterator implements Iterator<PersonRecord> {
        private final PersonSynthesizer synth = new PersonSynthesizer(spec.seed(), spec.year());
        private int slot = -1;
        private int left;
        private long unit;
        private long produced;
        private PersonRecord baby;

        @Override
        public boolean hasNext() {
            return baby != null || produced < spec.population();
        }

        @Override
        public PersonRecord next() {
            if (baby != null) {
                PersonRecord b = baby;
                baby = null;
                return b;
            }
            if (produced >= spec.population()) {
                throw new NoSuchElementException();
            }
            while (left == 0) {
                slot++;
                left = quotas[slot];
            }
            List<PersonRecord> u = synth.unit(Rng.of(spec.seed(), UNIT_STREAM, unit++), homes[slot], left, produced);
            produced += u.size();
            left -= u.size();
            if (u.size() > 1) {
                baby = u.get(1);
            }
            return u.get(0);
        }
    }
}
