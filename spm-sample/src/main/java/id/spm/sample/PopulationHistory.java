package id.spm.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.spm.rules.SpmService;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.Event;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.PuskesmasInfo;

/**
 * One population followed over consecutive years. It starts {@link #WARM_UP_YEARS} years before the spec's year
 * with the {@link PopulationGenerator} of that year (a warm-up: a single year drawn alone has more pregnancies
 * running into it than a followed population has); each next year carries the same persons on, a year older,
 * less those who died or moved away, plus the babies delivered in the year and the persons moving in.
 * Children age into the next service's sasaran, pregnancies running at a year's end end in the next,
 * chronic patients stay patients (and in care, mostly), and each year's service events are drawn for
 * that year only (a register row of last year is completed where a December baby's visits fall in
 * January). Each year's population rows and sasaran count that year's persons. Of the warm-up year only
 * the records the first year reaches back to are kept (see {@link #reachBack}), in the first year's
 * records.
 *
 * <p>
 * The programmes drift: each service has a quality factor per year, 1 in the first year, then multiplied
 * each year by e^(σ·g), g a standard normal drawn from {@link Drift#seed()} for the service and year (so
 * some services improve and some decline, as the Kediri study found 4 of 12 improving). Deterministic: the
 * same spec and drift give the same years.
 */
public final class PopulationHistory {

    /**
     * Yearly drift of the programmes.
     *
     * @param seed seed of the drift draws (independent of the population's seed)
     * @param sigma standard deviation of a service's yearly log quality change: 0 keeps every programme
     *        as it was; 0.15 moves a typical service's lapses by about a seventh a year
     */
    public record Drift(long seed, double sigma) {
        public static final Drift NONE = new Drift(0, 0);

        public Drift {
            if (!(sigma >= 0 && sigma <= 2)) {
                throw new IllegalArgumentException("drift sigma must be in [0, 2]");
            }
        }
    }

    /** Persons aged 15–34 moving away from the district in a year (merantau). */
    public static final double OUT_MIGRATION_YOUNG = 0.012;
    /** Persons of other ages moving away in a year. */
    public static final double OUT_MIGRATION = 0.003;
    /** Persons moving into the district in a year, as a share of its population. */
    public static final double IN_MIGRATION = 0.006;
    /** Bounds of a service's quality factor. */
    static final double QUALITY_MIN = 0.7;
    static final double QUALITY_MAX = 1.4;

    /**
     * Years drawn before the spec's year and not returned: the first is a single year drawn alone, whose running
     * pregnancies are those a single year shows; from the second on the population is followed, so the spec's
     * year starts from a followed year.
     */
    static final int WARM_UP_YEARS = 2;

    private static final long YEAR_STREAM = 6;
    private static final long LEAVE_STREAM = 7;
    private static final long ARRIVAL_STREAM = 8;
    private static final long DRIFT_STREAM = 9;

    /** One year of the history: its persons (with that year's events) and its aggregate inputs. */
    public record Year(int year, List<PersonRecord> persons, List<PuskesmasInfo> puskesmas,
            List<SamplePopulationRow> population, List<SampleTarget> targets, List<SampleMutuRow> mutu,
            List<MonthlyCount> monthlyCounts) {
    }

    private final SampleSpec spec;
    private final Drift drift;
    private final PopulationGenerator first;
    private final Map<String, String> kecamatanOf = new HashMap<>();
    private final double[] cumulativeQuota;
    private List<PersonSynthesizer.Life> lives;
    private int nextYear;
    private long nextIndex;
    /** The last warm-up year's records that the first year returned reaches back to, per person key. */
    private Map<String, List<Event>> warmUp;

    /**
     * @param spec the first year returned ({@link SampleSpec#year()}) and the population of the first warm-up year;
     *        the later years follow
     */
    public PopulationHistory(SampleSpec spec, Drift drift) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.drift = Objects.requireNonNull(drift, "drift");
        this.first = new PopulationGenerator(spec.withYear(spec.year() - WARM_UP_YEARS));
        for (PuskesmasInfo p : first.puskesmas()) {
            kecamatanOf.put(p.code(), p.kecamatanCode());
        }
        int[] quotas = first.quotas();
        this.cumulativeQuota = new double[quotas.length];
        double s = 0;
        for (int i = 0; i < quotas.length; i++) {
            s += quotas[i];
            cumulativeQuota[i] = s;
        }
        this.nextYear = spec.year() - WARM_UP_YEARS;
        for (int k = 1; k < WARM_UP_YEARS; k++) {
            next();
        }
        this.warmUp = reachBack(next());
    }

    /**
     * What the first year's rules read of the year before: the antenatal visits of the pregnancies
     * running into it, the balita registers (windows from birth), the newborn rows, and the visits of the
     * patients in care (hypertension and diabetes from October, ODGJ from July).
     */
    private Map<String, List<Event>> reachBack(Year y) {
        Map<String, LocalDate> running = new HashMap<>();
        for (PersonSynthesizer.Life l : lives) {
            if (l.pendingHpht != null) {
                running.put(l.person.id(), l.pendingHpht);
            }
        }
        LocalDate october = LocalDate.of(y.year(), 10, 1);
        LocalDate july = LocalDate.of(y.year(), 7, 1);
        Map<String, List<Event>> kept = new HashMap<>();
        for (PersonRecord p : y.persons()) {
            String id = p.person().id();
            LocalDate hpht = running.get(id);
            List<Event> events = new ArrayList<>();
            for (Event e : p.events()) {
                boolean keep = e instanceof AncVisit ? hpht != null && !e.date().isBefore(hpht)
                        : e instanceof ChildService || e instanceof Newborn
                                || (e instanceof PtmVisit && !e.date().isBefore(october))
                                || (e instanceof MentalHealthVisit && !e.date().isBefore(july));
                if (keep) {
                    events.add(e);
                }
            }
            if (!events.isEmpty()) {
                kept.put(id, events);
            }
        }
        return kept;
    }

    public SampleSpec spec() {
        return spec;
    }

    public Drift drift() {
        return drift;
    }

    /** Persons generated so far, over all years (each person once). */
    public long distinctPersons() {
        return nextIndex;
    }

    /**
     * A service's programme quality factor of a year (1 in the first year): a chance to be reached p
     * becomes 1 − (1 − p) ÷ q, a chance of a lapse f becomes f ÷ q.
     */
    public double quality(SpmService service, int year) {
        double q = 1;
        // The warm-up year and the spec's year share the factor 1.
        for (int y = spec.year() + 1; y <= year; y++) {
            double g = Rng.of(drift.seed(), DRIFT_STREAM, service.ordinal() * 10_000L + y).gaussian(0, 1);
            q *= Math.exp(drift.sigma() * g);
        }
        return Math.max(QUALITY_MIN, Math.min(QUALITY_MAX, q));
    }

    private double[] qualities(int year) {
        if (year <= spec.year() || drift.sigma() == 0) {
            return null;
        }
        double[] q = new double[SpmService.values().length];
        for (SpmService s : SpmService.values()) {
            q[s.ordinal()] = quality(s, year);
        }
        return q;
    }

    /** The next year: the spec's year, then each following one. */
    public Year next() {
        Year y = nextYear();
        if (warmUp == null || y.year() != spec.year()) {
            return y;
        }
        List<PersonRecord> merged = new ArrayList<>(y.persons().size());
        for (PersonRecord p : y.persons()) {
            List<Event> before = warmUp.get(p.person().id());
            if (before == null) {
                merged.add(p);
                continue;
            }
            // A December baby's newborn row of last year is completed this year (the same row).
            boolean newborn = !p.newborns().isEmpty();
            PersonRecord.Builder b = PersonRecord.builder(p.person());
            for (Event e : before) {
                if (!(newborn && e instanceof Newborn)) {
                    b.add(e);
                }
            }
            merged.add(b.addAll(p.events()).build());
        }
        warmUp = null;
        return new Year(y.year(), List.copyOf(merged), y.puskesmas(), y.population(), y.targets(), y.mutu(),
                y.monthlyCounts());
    }

    private Year nextYear() {
        int y = nextYear++;
        PersonSynthesizer synth = new PersonSynthesizer(spec.seed(), y, qualities(y), true);
        List<PersonRecord> records = new ArrayList<>();
        List<PersonSynthesizer.Life> living = new ArrayList<>();
        if (lives == null) {
            first.generate(synth, u -> {
                records.addAll(u.records());
                living.addAll(u.lives());
            });
            nextIndex = spec.population();
        } else {
            long seedOfYear = spec.seed() ^ Rng.mix(y);
            for (PersonSynthesizer.Life l : lives) {
                if (l.gone) {
                    continue;
                }
                int age = y - l.person.birthDate().getYear();
                double out = age >= 15 && age <= 34 ? OUT_MIGRATION_YOUNG : OUT_MIGRATION;
                if (Rng.of(seedOfYear, LEAVE_STREAM, l.index).chance(Demography.mortality(age) + out)) {
                    continue;
                }
                l.clip = true;
                PersonSynthesizer.Unit u = synth.year(Rng.of(seedOfYear, YEAR_STREAM, l.index), l, nextIndex);
                add(u, records, living);
            }
            Rng arrivals = Rng.of(seedOfYear, ARRIVAL_STREAM, -1);
            long count = Math.round(lives.size() * IN_MIGRATION * arrivals.uniform(0.8, 1.2));
            PersonSynthesizer.Home[] homes = first.homes();
            for (long i = 0; i < count; i++) {
                PersonSynthesizer.Home home = homes[arrivals.weighted(cumulativeQuota)];
                long index = nextIndex;
                PersonSynthesizer.Unit u = synth.draw(Rng.of(seedOfYear, ARRIVAL_STREAM, index), home, 2, index,
                        true);
                nextIndex++;
                add(u, records, living);
            }
        }
        lives = living;
        return aggregates(y, records, living);
    }

    private void add(PersonSynthesizer.Unit u, List<PersonRecord> records, List<PersonSynthesizer.Life> living) {
        records.addAll(u.records());
        living.addAll(u.lives());
        if (u.lives().size() > 1) {
            nextIndex = Math.max(nextIndex, u.lives().get(1).index + 1);
        }
    }

    /** Population rows, sasaran, Puskesmas populations and mutu counted from the year's persons. */
    private Year aggregates(int y, List<PersonRecord> records, List<PersonSynthesizer.Life> living) {
        int groups = Demography.AGE_GROUPS.length;
        long[][] district = new long[groups][2];
        Map<String, long[][]> byKecamatan = new HashMap<>();
        Map<String, Long> byPuskesmas = new HashMap<>();
        for (PersonSynthesizer.Life l : living) {
            int g = Demography.group(y - l.person.birthDate().getYear());
            int sex = l.person.sex() == id.spm.rules.model.Sex.MALE ? 0 : 1;
            district[g][sex]++;
            String pkm = l.home.puskesmas();
            byKecamatan.computeIfAbsent(kecamatanOf.get(pkm), k -> new long[groups][2])[g][sex]++;
            byPuskesmas.merge(pkm, 1L, Long::sum);
        }
        String code = spec.district().code();
        List<SamplePopulationRow> population = new ArrayList<>(rows(code, y, district));
        for (SampleKecamatan k : spec.district().kecamatan()) {
            long[][] c = byKecamatan.get(k.code());
            if (c != null) {
                population.addAll(rows(k.code(), y, c));
            }
        }
        long total = living.size();
        long[] byGroup = new long[groups];
        for (int g = 0; g < groups; g++) {
            byGroup[g] = district[g][0] + district[g][1];
        }
        List<SampleTarget> targets = Aggregates.targets(code, y, total, byGroup);
        List<PuskesmasInfo> puskesmas = first.puskesmas().stream()
                .map(p -> new PuskesmasInfo(p.code(), p.name(), p.kecamatanCode(), p.desaCodes(),
                        byPuskesmas.getOrDefault(p.code(), 0L)))
                .toList();
        SampleSpec ofYear = spec.withYear(y).withPopulation((int) total);
        List<SampleMutuRow> mutu = Aggregates.mutu(ofYear, targets, puskesmas);
        String agg = first.aggregatePuskesmas();
        List<MonthlyCount> monthly = agg == null ? List.of()
                : Aggregates.monthly(ofYear, agg, byPuskesmas.getOrDefault(agg, 0L));
        return new Year(y, List.copyOf(records), puskesmas, List.copyOf(population), targets, mutu, monthly);
    }

    private static List<SamplePopulationRow> rows(String region, int year, long[][] counts) {
        List<SamplePopulationRow> rows = new ArrayList<>(counts.length);
        for (int g = 0; g < counts.length; g++) {
            rows.add(new SamplePopulationRow(region, year, Demography.AGE_GROUPS[g], counts[g][0], counts[g][1]));
        }
        return rows;
    }
}
