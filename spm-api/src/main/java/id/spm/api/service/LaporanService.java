package id.spm.api.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.mapping.CatalogMapper;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.Laporan;
import id.spm.api.model.Laporan.BudgetRow;
import id.spm.api.model.Laporan.CategorySchemeNote;
import id.spm.api.model.Laporan.KendalaRow;
import id.spm.api.model.Laporan.QuarterPoint;
import id.spm.api.model.Laporan.QuarterService;
import id.spm.api.model.Laporan.Section;
import id.spm.api.model.Laporan.ServiceRow;
import id.spm.api.model.Laporan.Summary;
import id.spm.api.model.LaporanTyped;
import id.spm.api.security.CallerScope;
import id.spm.rules.CategoryScheme;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;

/**
 * The Laporan Penerapan SPM (issue 10, reports.md §5.4) of an area and year or quarter, assembled from the ONE
 * computation ({@link AchievementService}, or a frozen submission's stored figures) and the typed inputs
 * ({@link LaporanInputs}). Nothing here computes a figure a second way: rows carry the achievements' values as they
 * are; only counts of rows ("n of 12 at 100 %") and sums of typed money are derived.
 */
@ApplicationScoped
public class LaporanService {

    /** reports.md §4.2 / §10 #2: the target of both components is 100 % (the 80/20 of the seed are weights). */
    public static final BigDecimal TARGET = new BigDecimal("100");

    /**
     * reports.md §4.4, §10 #3: "at target" and the permasalahan rows use the coverage (% penerima, uncapped),
     * as the seed's monitoring table does; the IPSPM is shown beside it. [interpretation] laporan.atTargetMeasure
     */
    public static final String AT_TARGET_MEASURE = "COVERAGE";

    /** reports.md §6.1, seed 004:L2610-2614: the IPSPM as defined. */
    static final String IPSPM_DEFINITION = "Indeks Pencapaian SPM (IPSPM) adalah nilai capaian SPM yang diperoleh "
            + "melalui penghitungan rata-rata persentase indeks pencapaian mutu minimal layanan dasar dikalikan bobot "
            + "mutu dengan persentase indeks penerima layanan dasar dikalikan dengan bobot penerima.";

    /** reports.md §5.4: the default Dasar Hukum when none was typed. */
    static final List<String> DEFAULT_DASAR_HUKUM = List.of(
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 2 Tahun 2018 tentang Standar Pelayanan Minimal",
            "Peraturan Menteri Dalam Negeri Nomor 59 Tahun 2021 tentang Penerapan Standar Pelayanan Minimal",
            "Peraturan Menteri Kesehatan Nomor 6 Tahun 2024 tentang Standar Teknis Pemenuhan Standar Pelayanan "
                    + "Minimal Kesehatan",
            "Peraturan Kepala Daerah tentang penerapan SPM (bila ada)");

    /** The inputs that fill the typed sections (named in the placeholders and in the JSON). */
    public static final String INPUT_NARRATIVE = "narasi: teks per bagian (kata pengantar, latar belakang, dasar hukum, "
            + "kebijakan umum, arah kebijakan, penutup) (layout 'narasi')";
    public static final String INPUT_BUDGET = "anggaran: alokasi, realisasi dan sumber dana per jenis pelayanan "
            + "(layout 'anggaran', form 2.D.2 kolom 7-8)";
    public static final String INPUT_KENDALA = "kendala: permasalahan dan solusi per jenis pelayanan dan periode "
            + "(layout 'kendala')";
    public static final String INPUT_PROGRAM = "rencana: program/kegiatan/sub kegiatan, indikator, target "
            + "(layout 'rencana', forms 2.C.3/2.C.4)";
    public static final String INPUT_STAGES = "narasi: tahapan penerapan SPM dan rencana aksi (layout 'narasi', bagian "
            + "TAHAP_* dan RENCANA_AKSI, dengan Status Tahapan)";
    public static final String INPUT_MUTU_LINES = "mutu: kebutuhan dan ketersediaan barang/SDM per item (layout "
            + "'mutu'; rincian per item di form 2.B.4/2.B.5)";

    private final AchievementService achievements;
    private final SubmissionService submissions;
    private final LaporanInputs inputs;
    private final CallerScope scope;

    public LaporanService(AchievementService achievements, SubmissionService submissions, LaporanInputs inputs,
            CallerScope scope) {
        this.achievements = achievements;
        this.submissions = submissions;
        this.inputs = inputs;
        this.scope = scope;
    }

    /**
     * Bumped when what the document prints changes for the same figures (2: forms printed in II.4 and LAMPIRAN), so
     * a client holding an older rendering's ETag downloads the new one.
     */
    static final int DOCUMENT_EDITION = 2;

    /**
     * The entity tag of the report of an area (already authorised): the achievements' tag of the period and of each
     * quarter shown, the typed inputs' version, the frozen submission asked for, and the representation.
     */
    public String tag(String area, Period period, Long submission, String format) {
        StringBuilder b = new StringBuilder("laporan|").append(DOCUMENT_EDITION).append('|').append(format)
                .append("|submission=").append(submission)
                .append('|').append(submissions.achievementsTag(area, period));
        for (Period q : quarters(period)) {
            b.append('|').append(submissions.achievementsTag(area, q));
        }
        b.append("|inputs=").append(inputs.version(area, period, submission)).append("|caller=")
                .append(new TreeSet<>(scope.areas()));
        return EntityTags.of(b.toString());
    }

    /** The report of an area (already authorised) and period, from today's figures or a frozen submission. */
    public Laporan laporan(String area, Period period, Long submission) {
        return laporan(area, period, submission, inputs.typed(area, period, submission));
    }

    /**
     * The report with the given typed parts (a preview of typed input before it is saved, and tests); the figures
     * are still the computation's.
     */
    public Laporan laporan(String area, Period period, Long submission, LaporanTyped typedParts) {
        AchievementReport report;
        Laporan.Frozen frozen = null;
        if (submission != null) {
            SubmissionService.FrozenReport f = submissions.frozen(area, period, submission);
            report = f.report();
            frozen = new Laporan.Frozen(f.id(), f.frozenAt(), f.dataVersion());
        } else {
            report = achievements.report(area, period);
        }
        LaporanTyped typed = typedParts;
        if (typed == null) {
            typed = LaporanTyped.NONE;
        }
        List<ServiceRow> rows = new ArrayList<>();
        int number = 1;
        for (ServiceAchievement s : report.services()) {
            rows.add(row(number++, s));
        }
        List<QuarterPoint> quarterPoints = new ArrayList<>();
        for (Period q : quarters(period)) {
            quarterPoints.add(quarter(area, q, submission != null, q.equals(period) ? report : null));
        }
        int atTarget = (int) rows.stream().filter(LaporanService::atTarget).count();
        int computable = (int) rows.stream().filter(r -> r.index() != null).count();
        Summary summary = new Summary(rows.size(), computable, atTarget, report.sectorIndex(),
                report.sectorCategory(), sentence(rows.size(), atTarget), ipspmText(report, computable, rows.size()));
        List<KendalaRow> kendala = kendala(rows, typed);
        List<BudgetRow> budget = budget(rows, typed);
        BigDecimal total = budget.isEmpty() ? null
                : budget.stream().map(BudgetRow::alokasi).filter(v -> v != null).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
        OffsetDateTime computedAt = report.computedAt() != null ? report.computedAt()
                : frozen != null ? frozen.frozenAt() : null;
        return new Laporan("LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN", report.area(),
                report.areaName(), report.level(), period.year(), period.isYear() ? null : period.quarter(),
                period.label(), period.isYear() ? "TAHUNAN" : "TRIWULAN", report.ruleSet(), scheme(report),
                report.dataVersion(), computedAt, frozen, summary, rows, quarterPoints, kendala, budget, total, typed,
                sections(period, typed, budget, kendala));
    }

    /** The quarters shown quarter by quarter: Q1..Q4 of the year, or Q1..QN for a quarterly report. */
    static List<Period> quarters(Period period) {
        int last = period.isYear() ? 4 : period.quarter();
        List<Period> out = new ArrayList<>();
        for (int q = 1; q <= last; q++) {
            Period p = Period.ofQuarter(period.year(), q);
            if (RuleSets.forPeriod(p).isPresent()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * One quarter's figures: the same computation for that quarter (cumulative from January); from a frozen report,
     * that quarter's own frozen submission where one exists.
     */
    private QuarterPoint quarter(String area, Period q, boolean preferFrozen, AchievementReport same) {
        AchievementReport r = same;
        String source = preferFrozen ? "SUBMISSION" : "COMPUTED";
        if (r == null && preferFrozen) {
            Optional<SubmissionService.FrozenReport> f = submissions.frozenIfAny(area, q);
            if (f.isPresent()) {
                r = f.get().report();
            } else {
                source = "COMPUTED";
            }
        }
        if (r == null) {
            r = achievements.report(area, q);
        }
        List<QuarterService> services = r.services().stream()
                .map(s -> new QuarterService(s.serviceCode(), s.coveragePercent(), s.index())).toList();
        int atTarget = (int) r.services().stream()
                .filter(s -> s.coveragePercent() != null && s.coveragePercent().compareTo(TARGET) >= 0).count();
        return new QuarterPoint(q.label(), q.quarter(), r.sectorIndex(), r.sectorCategory(), atTarget, r.dataVersion(),
                source, services);
    }

    static ServiceRow row(int number, ServiceAchievement s) {
        Long sasaran = s.denominator() == null ? null : s.denominator().amount();
        Long belum = sasaran == null ? null : Math.max(0, sasaran - s.numerator());
        List<String> reasons = s.reasons() == null ? List.of()
                : s.reasons().stream().map(r -> r.message()).toList();
        return new ServiceRow(number, s.serviceCode(), s.name(), sasaran,
                s.denominator() == null ? null : s.denominator().status(),
                s.denominator() == null ? null : s.denominator().explanation(),
                s.denominator() == null || s.denominator().sources() == null ? List.of()
                        : List.copyOf(s.denominator().sources()),
                s.numerator(), belum, TARGET, s.coveragePercent(), s.penerimaPercent(), s.qualityPercent(),
                s.mutuStatus(), s.index(), s.category(), reasons);
    }

    static boolean atTarget(ServiceRow r) {
        return r.coveragePercent() != null && r.coveragePercent().compareTo(TARGET) >= 0;
    }

    /** The seed's BAB V sentence (reports.md §4.4): "dari 12 indikator … n … 100 %". */
    static String sentence(int services, int atTarget) {
        return "Dari " + services + " jenis pelayanan dasar, " + atTarget
                + " jenis telah mencapai target 100 % penerima layanan dasar" + (atTarget == services ? "."
                        : " dan " + (services - atTarget) + " jenis belum mencapai target.");
    }

    private static List<String> ipspmText(AchievementReport r, int computable, int services) {
        List<String> out = new ArrayList<>();
        out.add(IPSPM_DEFINITION);
        out.add("IPSPM = %IP Mutu Minimal Layanan Dasar × bobot mutu (20 %) + %IP Penerima Layanan Dasar × bobot "
                + "penerima (80 %); %IP penerima dibatasi 100 di dalam indeks, %IP mutu = rata-rata capaian item mutu "
                + "(masing-masing paling tinggi 100).");
        if (r.sectorIndex() == null) {
            out.add("IPSPM Bidang Kesehatan belum dapat dihitung: tidak ada jenis pelayanan dengan IPSPM lengkap "
                    + "(sasaran dan mutu).");
        } else {
            out.add("IPSPM Bidang Kesehatan adalah rata-rata IPSPM " + computable + " dari " + services
                    + " jenis pelayanan dasar yang dapat dihitung: " + Numbers.decimal(r.sectorIndex()) + " ("
                    + r.sectorCategory() + ").");
        }
        return out;
    }

    /** reports.md §7: the scheme named by the report's parameters, its bands, and that they are unverified. */
    static CategorySchemeNote scheme(AchievementReport r) {
        String id = r.parameters() == null ? null
                : r.parameters().stream().filter(p -> p.name().equals("index.categories")).map(p -> p.value())
                        .findFirst().orElse(null);
        CategoryScheme scheme = CategoryScheme.builtIn().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseGet(() -> RuleSets.byId(r.ruleSet()).map(rs -> rs.index().categories())
                        .orElse(CategoryScheme.DEFAULT));
        return new CategorySchemeNote(scheme.id(), scheme.description(), CatalogMapper.scheme(scheme).bands(), false,
                "Batas kategori belum diverifikasi terhadap Lampiran Permendagri 59/2021 (reports.md §7).");
    }

    /** Services below target, prefilled; the typed permasalahan/solusi when entered (also for rows at target). */
    static List<KendalaRow> kendala(List<ServiceRow> rows, LaporanTyped typed) {
        Map<String, LaporanTyped.Kendala> byService = new HashMap<>();
        for (LaporanTyped.Kendala k : typed.kendala()) {
            byService.put(k.serviceCode(), k);
        }
        List<KendalaRow> out = new ArrayList<>();
        for (ServiceRow r : rows) {
            LaporanTyped.Kendala k = byService.get(r.serviceCode());
            if (atTarget(r) && k == null) {
                continue;
            }
            out.add(new KendalaRow(r.serviceCode(), r.name(), TARGET, r.coveragePercent(),
                    k == null ? List.of() : k.permasalahan(), k == null ? List.of() : k.solusi(), k != null));
        }
        return out;
    }

    static List<BudgetRow> budget(List<ServiceRow> rows, LaporanTyped typed) {
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put(r.serviceCode(), r.name()));
        List<BudgetRow> out = new ArrayList<>();
        for (LaporanTyped.Budget b : typed.budget()) {
            BigDecimal pct = b.alokasi() == null || b.realisasi() == null || b.alokasi().signum() == 0 ? null
                    : b.realisasi().multiply(TARGET).divide(b.alokasi(), 2, RoundingMode.HALF_UP);
            out.add(new BudgetRow(b.serviceCode(), names.getOrDefault(b.serviceCode(), b.serviceCode()), b.alokasi(),
                    b.realisasi(), pct, b.sumberDana() == null ? List.of() : b.sumberDana()));
        }
        return out;
    }

    /** The outline of reports.md §5.4 (quarterly: the sections marked Q), each marked computed or typed. */
    static List<Section> sections(Period period, LaporanTyped typed, List<BudgetRow> budget, List<KendalaRow> kendala) {
        boolean year = period.isYear();
        LaporanTyped.Narrative n = typed.narrative();
        List<Section> out = new ArrayList<>();
        if (year) {
            out.add(new Section("KP", "Kata Pengantar", "TYPED", n != null && n.kataPengantar() != null,
                    INPUT_NARRATIVE, null));
            out.add(new Section("I.A", "Latar Belakang", "TYPED", n != null && n.latarBelakang() != null,
                    INPUT_NARRATIVE, null));
            out.add(new Section("I.B", "Dasar Hukum", n != null && n.dasarHukum() != null ? "TYPED" : "DEFAULT", true,
                    INPUT_NARRATIVE, null));
            out.add(new Section("I.C", "Kebijakan Umum", "TYPED", n != null && n.kebijakanUmum() != null,
                    INPUT_NARRATIVE, null));
            out.add(new Section("I.D", "Arah Kebijakan", "TYPED", n != null && n.arahKebijakan() != null,
                    INPUT_NARRATIVE, null));
            out.add(new Section("II.1", "Jenis Pelayanan Dasar", "COMPUTED", true, null, null));
        }
        out.add(new Section("II.2", "Target Pencapaian SPM", "COMPUTED", true, null, "2.A.2"));
        out.add(new Section("II.3", "Realisasi / Hasil Penerapan SPM", "COMPUTED", true, null, "2.D.2, 2.E.2"));
        if (year) {
            out.add(new Section("II.4", "Mutu Minimal Layanan Dasar", "COMPUTED", true, INPUT_MUTU_LINES,
                    "2.B.4, 2.B.5, 2.A.3"));
        }
        out.add(new Section("II.5", "Alokasi Anggaran dan Sumber Dana", "TYPED", !budget.isEmpty(), INPUT_BUDGET,
                "2.D.2"));
        out.add(new Section("II.6", "Permasalahan dan Solusi", "TYPED",
                !kendala.isEmpty() && kendala.stream().allMatch(KendalaRow::filled) || kendala.isEmpty(),
                INPUT_KENDALA, null));
        out.add(new Section("II.7", "Pemenuhan Tahapan Penerapan SPM", "TYPED", !typed.stages().isEmpty(),
                INPUT_STAGES, null));
        if (year) {
            out.add(new Section("III", "Program dan Kegiatan", "TYPED", !typed.programs().isEmpty(), INPUT_PROGRAM,
                    "2.C.3, 2.C.4"));
            out.add(new Section("IV", "Penutup", "TYPED", n != null && n.penutup() != null, INPUT_NARRATIVE, null));
        }
        return out;
    }
}
