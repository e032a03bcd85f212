package id.spm.sample;

import java.util.Objects;
import java.util.Set;

import id.spm.rules.SpmService;

/**
 * What to generate. The same spec always gives the same output.
 *
 * @param seed seed of every random choice
 * @param district the kab/kota, its kecamatan and desa
 * @param puskesmasCount Puskesmas to register: spread over the kecamatan in code order, a second one
 *        in a kecamatan only when there are more Puskesmas than kecamatan (at most 99 per kecamatan);
 *        with fewer, the kecamatan without one are served by another kecamatan's Puskesmas
 * @param population persons to generate, exactly
 * @param year report year; events fall in it, and in earlier years where windows reach back
 * @param aggregateService a service reported by the last Puskesmas (in code order) only as monthly
 *        aggregate counts ({@code rekap-bulanan}), so it has no by-name records there: one of
 *        {@link SpmService#HIV_RISK}, {@link SpmService#TB_PRESUMPTIVE},
 *        {@link SpmService#SEVERE_MENTAL_DISORDER} (services with their own programme register), or
 *        {@code null} for none. Ignored with a single Puskesmas, so every service keeps by-name data.
 */
public record SampleSpec(long seed, SampleDistrict district, int puskesmasCount, int population, int year,
        SpmService aggregateService) {

    /** Tana Toraja has 21 Puskesmas in 19 kecamatan. */
    public static final int TANA_TORAJA_PUSKESMAS = 21;

    private static final Set<SpmService> AGGREGATABLE = Set.of(SpmService.HIV_RISK, SpmService.TB_PRESUMPTIVE,
            SpmService.SEVERE_MENTAL_DISORDER);

    public SampleSpec {
        Objects.requireNonNull(district, "district");
        if (puskesmasCount < 1) {
            throw new IllegalArgumentException("at least one Puskesmas is needed");
        }
        if (puskesmasCount > 99 * district.kecamatan().size()) {
            throw new IllegalArgumentException("at most 99 Puskesmas per kecamatan");
        }
        if (population < 1) {
            throw new IllegalArgumentException("population must be positive");
        }
        if (year < 2000 || year > 9998) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        if (aggregateService != null && !AGGREGATABLE.contains(aggregateService)) {
            throw new IllegalArgumentException(aggregateService + " cannot be reported as aggregate counts here; use one of "
                    + AGGREGATABLE);
        }
    }

    /** Tana Toraja with its 21 Puskesmas; the last one reports HIV only as monthly counts. */
    public static SampleSpec tanaToraja(long seed, int population, int year) {
        return new SampleSpec(seed, SampleDistrict.TANA_TORAJA, TANA_TORAJA_PUSKESMAS, population, year,
                SpmService.HIV_RISK);
    }

    public SampleSpec withDistrict(SampleDistrict district, int puskesmasCount) {
        return new SampleSpec(seed, district, puskesmasCount, population, year, aggregateService);
    }

    public SampleSpec withPopulation(int population) {
        return new SampleSpec(seed, district, puskesmasCount, population, year, aggregateService);
    }

    public SampleSpec withYear(int year) {
        return new SampleSpec(seed, district, puskesmasCount, population, year, aggregateService);
    }

    public SampleSpec withSeed(long seed) {
        return new SampleSpec(seed, district, puskesmasCount, population, year, aggregateService);
    }

    public SampleSpec withAggregateService(SpmService aggregateService) {
        return new SampleSpec(seed, district, puskesmasCount, population, year, aggregateService);
    }
}
