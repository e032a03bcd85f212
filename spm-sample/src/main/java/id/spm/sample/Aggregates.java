package id.spm.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.SpmService;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.PuskesmasInfo;

/** The aggregate inputs of a generated district: population, sasaran, mutu and monthly counts. */
final class Aggregates {

    private Aggregates() {
    }

    /** One goods or staff item of a service: goods need {@code per} × recipients, staff one per {@code per}. */
    private record Item(SpmService service, String kind, String name, String unit, double per, int price) {
    }

    private static final String G = SampleMutuRow.KIND_GOODS;
    private static final String S = SampleMutuRow.KIND_STAFF;

    /** After the goods standards of Permenkes 6/2024 (§5), e.g. 180 iron tablets per pregnant woman. */
    private static final Item[] ITEMS = {
            new Item(SpmService.ANTENATAL, G, "Tablet tambah darah", "tablet", 180, 250),
            new Item(SpmService.ANTENATAL, G, "Vaksin Td", "dosis", 0.8, 12_000),
            new Item(SpmService.ANTENATAL, G, "Tes protein urin", "strip", 0.15, 3_500),
            new Item(SpmService.ANTENATAL, G, "Gel USG", "botol", 1.0 / 15, 45_000),
            new Item(SpmService.ANTENATAL, S, "Dokter", "orang", 400, 0),
            new Item(SpmService.ANTENATAL, S, "Bidan", "orang", 60, 0),
            new Item(SpmService.DELIVERY, G, "Partus set", "set", 1.0 / 25, 2_500_000),
            new Item(SpmService.DELIVERY, G, "Oksitosin injeksi", "ampul", 1, 6_000),
            new Item(SpmService.DELIVERY, S, "Bidan", "orang", 60, 0),
            new Item(SpmService.DELIVERY, S, "Perawat", "orang", 120, 0),
            new Item(SpmService.NEWBORN, G, "Vaksin HB0", "dosis", 1, 9_000),
            new Item(SpmService.NEWBORN, G, "Vitamin K1 injeksi", "ampul", 1, 4_500),
            new Item(SpmService.NEWBORN, G, "Salep mata antibiotik", "tube", 1, 7_000),
            new Item(SpmService.NEWBORN, G, "Formulir MTBM", "lembar", 3, 500),
            new Item(SpmService.BALITA, G, "Kapsul vitamin A", "kapsul", 2, 350),
            new Item(SpmService.BALITA, G, "Buku KIA", "buku", 0.3, 15_000),
            new Item(SpmService.BALITA, G, "Alat antropometri", "set", 1.0 / 50, 3_500_000),
            new Item(SpmService.BALITA, S, "Tenaga gizi", "orang", 1_500, 0),
            // 52 tablets for each girl of grades 7–9: a third of grades 1–9, half of them girls.
            new Item(SpmService.SCHOOL_AGE, G, "Tablet tambah darah remaja putri", "tablet", 52.0 / 6, 250),
            new Item(SpmService.SCHOOL_AGE, G, "Vaksin MR", "dosis", 1.0 / 9, 25_000),
            new Item(SpmService.SCHOOL_AGE, G, "Vaksin DT", "dosis", 1.0 / 9, 9_000),
            new Item(SpmService.SCHOOL_AGE, G, "Vaksin Td", "dosis", 2.0 / 9, 12_000),
            new Item(SpmService.SCHOOL_AGE, S, "Perawat", "orang", 2_000, 0),
            new Item(SpmService.PRODUCTIVE_AGE, G, "Strip uji gula darah", "strip", 0.4, 5_000),
            new Item(SpmService.PRODUCTIVE_AGE, G, "Tensimeter digital", "unit", 1.0 / 1_000, 650_000),
            new Item(SpmService.PRODUCTIVE_AGE, G, "Posbindu kit", "set", 1.0 / 2_000, 3_500_000),
            new Item(SpmService.PRODUCTIVE_AGE, S, "Perawat", "orang", 5_000, 0),
            new Item(SpmService.ELDERLY, G, "Strip uji kolesterol", "strip", 1, 15_000),
            new Item(SpmService.ELDERLY, G, "Strip uji gula darah", "strip", 1, 5_000),
            new Item(SpmService.ELDERLY, S, "Perawat", "orang", 2_000, 0),
            new Item(SpmService.HYPERTENSION, G, "Amlodipin 10 mg", "tablet", 360, 120),
            new Item(SpmService.HYPERTENSION, G, "Tensimeter digital", "unit", 1.0 / 500, 650_000),
            new Item(SpmService.HYPERTENSION, S, "Dokter", "orang", 2_000, 0),
            new Item(SpmService.DIABETES, G, "Metformin 500 mg", "tablet", 720, 110),
            new Item(SpmService.DIABETES, G, "Strip uji gula darah", "strip", 12, 5_000),
            new Item(SpmService.DIABETES, S, "Dokter", "orang", 500, 0),
            new Item(SpmService.SEVERE_MENTAL_DISORDER, G, "Haloperidol 5 mg", "tablet", 360, 200),
            new Item(SpmService.SEVERE_MENTAL_DISORDER, G, "Triheksifenidil 2 mg", "tablet", 360, 150),
            new Item(SpmService.SEVERE_MENTAL_DISORDER, S, "Perawat jiwa terlatih", "orang", 50, 0),
            new Item(SpmService.TB_PRESUMPTIVE, G, "Cartridge TCM", "cartridge", 1, 150_000),
            new Item(SpmService.TB_PRESUMPTIVE, G, "Pot dahak", "pot", 2, 1_500),
            new Item(SpmService.TB_PRESUMPTIVE, S, "Petugas TBC", "orang", 5_000, 0),
            new Item(SpmService.HIV_RISK, G, "Reagen tes cepat HIV (R1)", "tes", 1, 15_000),
            new Item(SpmService.HIV_RISK, S, "Konselor HIV", "orang", 1_000, 0) };

    static List<SamplePopulationRow> population(String region, int year, long total) {
        int groups = Demography.AGE_GROUPS.length;
        double[] w = new double[groups * 2];
        for (int g = 0; g < groups; g++) {
            w[2 * g] = Demography.AGE_PERCENT[g] * Demography.MALE_SHARE;
            w[2 * g + 1] = Demography.AGE_PERCENT[g] * (1 - Demography.MALE_SHARE);
        }
        long[] cells = PopulationGenerator.apportion(total, w);
        List<SamplePopulationRow> rows = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            rows.add(new SamplePopulationRow(region, year, Demography.AGE_GROUPS[g], cells[2 * g], cells[2 * g + 1]));
        }
        return rows;
    }

    static List<SampleTarget> targets(String district, int year, long total) {
        long[] byGroup = new long[Demography.AGE_GROUPS.length];
        for (SamplePopulationRow r : population(district, year, total)) {
            for (int g = 0; g < byGroup.length; g++) {
                if (Demography.AGE_GROUPS[g].equals(r.ageGroup())) {
                    byGroup[g] = r.total();
                }
            }
        }
        return targets(district, year, total, byGroup);
    }

    /** The sasaran of a population counted by age group ({@link Demography#AGE_GROUPS}). */
    static List<SampleTarget> targets(String district, int year, long total, long[] byGroup) {
        long p15plus = sum(byGroup, 4, 16);
        BigDecimal pop = BigDecimal.valueOf(total);
        long births = half(pop.multiply(BigDecimal.valueOf(Demography.BIRTH_RATE)));
        long mothers = half(BigDecimal.valueOf(births).multiply(new BigDecimal("1.05")));
        long schoolAge = half(BigDecimal.valueOf(byGroup[2]).multiply(new BigDecimal("0.6"))
                .add(BigDecimal.valueOf(byGroup[3])).add(BigDecimal.valueOf(byGroup[4]).multiply(new BigDecimal("0.2"))));
        long tbEstimate = half(pop.multiply(Demography.TB_INCIDENCE));
        long tbTarget = half(pop.multiply(Demography.TB_INCIDENCE).multiply(new BigDecimal("0.9")));
        // §9 "Denominators": ⌈target penemuan ÷ 0.54 × 10⌉.
        long tbPresumptive = BigDecimal.valueOf(tbTarget).multiply(BigDecimal.TEN)
                .divide(new BigDecimal("0.54"), 0, RoundingMode.CEILING).longValueExact();
        long keyPopulations = half(pop.multiply(new BigDecimal("0.005")));
        long pregnant = half(BigDecimal.valueOf(births).multiply(new BigDecimal("1.1")));

        String bps = SampleTarget.SOURCE_BPS;
        String prev = SampleTarget.SOURCE_PREVALENCE;
        return List.of(
                new SampleTarget(district, year, SpmService.ANTENATAL, mothers, bps,
                        "Ibu bersalin: 1,05 × CBR 1,6 % × penduduk"),
                new SampleTarget(district, year, SpmService.DELIVERY, mothers, bps,
                        "Ibu bersalin: 1,05 × CBR 1,6 % × penduduk"),
                new SampleTarget(district, year, SpmService.NEWBORN, births, bps, "Bayi baru lahir: CBR 1,6 % × penduduk"),
                new SampleTarget(district, year, SpmService.BALITA, byGroup[1], bps, "Penduduk umur 1–4 tahun (12–59 bulan)"),
                new SampleTarget(district, year, SpmService.SCHOOL_AGE, schoolAge, SampleTarget.SOURCE_REAL_DATA,
                        "Dapodik/EMIS kelas 1–9 dan anak 7–15 tahun di luar sekolah"),
                new SampleTarget(district, year, SpmService.PRODUCTIVE_AGE, sum(byGroup, 4, 12), bps,
                        "Penduduk umur 15–59 tahun"),
                new SampleTarget(district, year, SpmService.ELDERLY, sum(byGroup, 13, 16), bps,
                        "Penduduk umur 60 tahun ke atas"),
                new SampleTarget(district, year, SpmService.HYPERTENSION,
                        half(BigDecimal.valueOf(p15plus).multiply(Demography.HYPERTENSION_PREVALENCE)), prev,
                        "30,8 % × penduduk ≥ 15 tahun (SKI 2023)"),
                new SampleTarget(district, year, SpmService.DIABETES,
                        half(BigDecimal.valueOf(p15plus).multiply(Demography.DIABETES_PREVALENCE)), prev,
                        "2,2 % × penduduk ≥ 15 tahun (SKI 2023)"),
                new SampleTarget(district, year, SpmService.SEVERE_MENTAL_DISORDER,
                        half(pop.multiply(Demography.ODGJ_PREVALENCE)), prev, "0,21 % × penduduk"),
                new SampleTarget(district, year, SpmService.TB_PRESUMPTIVE, tbPresumptive,
                        SampleTarget.SOURCE_TB_FORMULA,
                        "Target penemuan " + tbTarget + " = 90 % × estimasi 385 per 100.000; ⌈target ÷ 54 % × 10⌉"),
                new SampleTarget(district, year, SpmService.HIV_RISK, pregnant + tbEstimate + keyPopulations,
                        SampleTarget.SOURCE_DECREE, "Ibu hamil " + pregnant + " + pasien TBC " + tbEstimate
                                + " + populasi kunci " + keyPopulations));
    }

    /** Per Puskesmas: its population share of the district sasaran, times each item's standard. */
    static List<SampleMutuRow> mutu(SampleSpec spec, List<SampleTarget> targets, List<PuskesmasInfo> puskesmas) {
        List<SampleMutuRow> rows = new ArrayList<>();
        for (PuskesmasInfo p : puskesmas) {
            double share = (double) p.population() / spec.population();
            Rng r = Rng.of(spec.seed(), PopulationGenerator.MUTU_STREAM, Long.parseLong(p.code().substring(1)));
            for (Item item : ITEMS) {
                double recipients = targets.get(item.service().ordinal()).amount() * share;
                long need = G.equals(item.kind()) ? Math.max(1, Math.round(recipients * item.per()))
                        : Math.max(1, (long) Math.ceil(recipients / item.per()));
                long stock = Math.round(need * r.uniform(0.55, 1.15));
                rows.add(new SampleMutuRow(p.code(), spec.year(), null, item.service(), item.kind(), item.name(),
                        item.unit(), need, stock, G.equals(item.kind()) ? BigDecimal.valueOf(item.price()) : null));
            }
        }
        return List.copyOf(rows);
    }

    /** Monthly recipients reported in aggregate, about a twelfth of the year's expected recipients. */
    static List<MonthlyCount> monthly(SampleSpec spec, String puskesmas, long population) {
        double perYear = switch (spec.aggregateService()) {
            case HIV_RISK -> 1.1 * Demography.BIRTH_RATE + 0.005;
            case TB_PRESUMPTIVE -> 0.005;
            default -> 0.0017;
        };
        Rng r = Rng.of(spec.seed(), PopulationGenerator.MONTHLY_STREAM, spec.aggregateService().ordinal());
        List<MonthlyCount> rows = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            long total = Math.round(population * perYear / 12 * r.uniform(0.8, 1.2));
            long compliant = Math.round(total * r.uniform(0.7, 0.9));
            rows.add(new MonthlyCount(puskesmas, spec.year(), m, spec.aggregateService(), compliant, total - compliant));
        }
        return List.copyOf(rows);
    }

    private static long sum(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i <= to; i++) {
            s += a[i];
        }
        return s;
    }

    private static long half(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
