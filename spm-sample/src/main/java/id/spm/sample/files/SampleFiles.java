package id.spm.sample.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.layout.RowKind;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.write.CsvWriter;
import id.spm.ingest.write.XlsxWriter;
import id.spm.rules.SpmService;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.TenTItem;

/**
 * Seeded test-data files in every built-in layout, for tests, the demo district and benchmarks.
 * The same seed and settings always write byte-identical files. Each file starts with title rows
 * (Dinas Kesehatan, Puskesmas with its code, year) as real exports do; a known share of rows carries
 * exactly one error each, of a known code, so a reader's report can be checked exactly.
 *
 * <p>
 * Persons are numbered within the district; the same person number gives the same NIK in every file,
 * so the files link across layouts like real registers (a mother's ANC visits, her delivery, her
 * baby).
 */
public final class SampleFiles {

    /** File format. */
    public enum Format {
        CSV,
        XLSX
    }

    /**
     * What to write.
     *
     * @param seed random seed
     * @param rows data rows per event layout (aggregate layouts write as many unique rows as they have
     *        combinations, at most this many)
     * @param badShare share of rows, 0–1, that carry one error each
     * @param year the year the events fall in
     * @param today the day of import the files are meant for (no event lies after it)
     * @param kabkota the district (dotted, e.g. {@code 73.18})
     * @param kecamatan the district's kecamatan codes (dotted); each gets one Puskesmas
     * @param desa desa codes by kecamatan
     */
    public record Spec(long seed, int rows, double badShare, int year, LocalDate today, String kabkota,
            List<String> kecamatan, Map<String, List<String>> desa) {
        public Spec {
            Objects.requireNonNull(kabkota, "kabkota");
            kecamatan = List.copyOf(kecamatan);
            if (kecamatan.isEmpty()) {
                throw new IllegalArgumentException("a district has at least one kecamatan");
            }
            if (badShare < 0 || badShare > 1) {
                throw new IllegalArgumentException("badShare is a share between 0 and 1");
            }
        }
    }

    /** A spec for a real district: its kecamatan and desa come from the region list. */
    public static Spec forDistrict(long seed, int rows, double badShare, int year, LocalDate today, String kabkota,
            Regions regions) {
        List<String> kec = regions.below(kabkota, 6);
        if (kec.isEmpty()) {
            throw new IllegalArgumentException("no kecamatan below " + kabkota + " in the region list");
        }
        Map<String, List<String>> desa = new HashMap<>();
        for (String d : regions.below(kabkota, 10)) {
            desa.computeIfAbsent(d.substring(0, 8), k -> new ArrayList<>()).add(d);
        }
        return new Spec(seed, rows, badShare, year, today, kabkota, kec, desa);
    }

    /** A file written, with the errors it was given. */
    public record Written(Path file, String layout, Format format, int rows, int badRows,
            Map<ErrorCode, Integer> injected) {
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] MONTHS = { "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember" };
    private static final String[] NAMES = { "Siti", "Dewi", "Sri", "Nur", "Ayu", "Putri", "Rina", "Wati", "Budi",
            "Agus", "Andi", "Yohanes", "Maria", "Daniel", "Rahmat", "Fitri", "Lestari", "Sulastri", "Markus", "Ruth" };
    private static final String[] SURNAMES = { "Rante", "Sampe", "Tandi", "Palayukan", "Pasanda", "Rombe", "Toding",
            "Saputra", "Wijaya", "Lumba", "Pakiding", "Datu" };

    private final Spec spec;
    private final LayoutRegistry layouts;

    public SampleFiles(Spec spec, LayoutRegistry layouts) {
        this.spec = spec;
        this.layouts = layouts;
    }

    /** Puskesmas code of the i-th kecamatan: {@code P} + the kecamatan's 6 digits + {@code 0101}. */
    public String puskesmasCode(int i) {
        return "P" + spec.kecamatan().get(i).replace(".", "") + "0101";
    }

    /** Every Puskesmas code the files use (the registry an import needs). */
    public List<String> puskesmasCodes() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spec.kecamatan().size(); i++) {
            out.add(puskesmasCode(i));
        }
        return out;
    }

    /** Writes one file per built-in layout (or the given ones) and format into {@code dir}. */
    public List<Written> writeAll(Path dir, Collection<String> layoutNames, Collection<Format> formats)
            throws IOException {
        Files.createDirectories(dir);
        List<Written> out = new ArrayList<>();
        for (String name : layoutNames) {
            Layout l = layouts.find(name).orElseThrow(() -> new IllegalArgumentException("no layout " + name));
            for (Format f : formats) {
                Path file = dir.resolve(name + (f == Format.CSV ? ".csv" : ".xlsx"));
                try (OutputStream os = Files.newOutputStream(file)) {
                    out.add(write(l, f, os, file));
                }
            }
        }
        return out;
    }

    /** Writes one layout to a stream. */
    public Written write(Layout layout, Format format, OutputStream os, Path file) throws IOException {
        SplittableRandom rng = new SplittableRandom(spec.seed() ^ layout.name().hashCode());
        int rows = rowsOf(layout);
        int bad = 0;
        Map<ErrorCode, Integer> injected = new EnumMap<>(ErrorCode.class);
        Sink sink = format == Format.CSV
                ? new Sink(new CsvWriter(os, StandardCharsets.UTF_8, ';', true), null)
                : new Sink(null, new XlsxWriter(os, "Data", false));
        try {
            sink.row(List.of("DINAS KESEHATAN KABUPATEN/KOTA " + spec.kabkota()));
            sink.row(List.of("PUSKESMAS: " + puskesmasCode(0), "LAPORAN " + layout.title()));
            sink.row(List.of("TAHUN " + spec.year()));
            sink.row(List.of());
            List<Object> header = new ArrayList<>();
            for (ColumnSpec c : layout.columns()) {
                header.add(c.header());
            }
            sink.row(header);
            for (int i = 0; i < rows; i++) {
                Map<String, Object> v = values(layout, i, rng, format);
                boolean isBad = Math.floor((i + 1) * spec.badShare()) > Math.floor(i * spec.badShare());
                if (isBad) {
                    ErrorCode code = inject(layout, v, bad);
                    injected.merge(code, 1, Integer::sum);
                    bad++;
                }
                List<Object> row = new ArrayList<>(layout.columns().size());
                for (ColumnSpec c : layout.columns()) {
                    row.add(v.get(c.field()));
                }
                sink.row(row);
            }
        } finally {
            sink.close();
        }
        return new Written(file, layout.name(), format, rows, bad, injected);
    }

    private int rowsOf(Layout l) {
        int pkm = spec.kecamatan().size();
        return switch (l.target()) {
            case PUSKESMAS -> pkm;
            case MONTHLY_COUNT -> Math.min(spec.rows(), pkm * 12 * 12 * 20);
            case TARGET -> Math.min(spec.rows(), pkm * 12 * 20);
            case POPULATION -> Math.min(spec.rows(), pkm * AGE_GROUPS.length * 20);
            case QUALITY -> Math.min(spec.rows(), pkm * 12 * 4 * 5 * 20);
            default -> spec.rows();
        };
    }

    private static final String[] AGE_GROUPS = { "0", "1-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34",
            "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75+" };

    /** One error per bad row, cycling through the codes that fit the layout. */
    private ErrorCode inject(Layout l, Map<String, Object> v, int n) {
        if (!l.target().isEvent()) {
            String numeric = switch (l.target()) {
                case PUSKESMAS -> "population";
                case MONTHLY_COUNT -> "compliant";
                case TARGET -> "amount";
                case POPULATION -> "male";
                default -> "need";
            };
            switch (n % 3) {
                case 0:
                    v.put(numeric, "banyak");
                    return ErrorCode.INVALID_NUMBER;
                case 1:
                    v.put(numeric, "-5");
                    return ErrorCode.NEGATIVE_NUMBER;
                default:
                    if (l.target() == RowKind.PUSKESMAS) {
                        v.put("kecamatan", "99.99.99");
                        return ErrorCode.UNKNOWN_REGION;
                    }
                    v.put(l.target() == RowKind.POPULATION ? "ageGroup" : "service",
                            l.target() == RowKind.POPULATION ? "tua" : "9.99");
                    return l.target() == RowKind.POPULATION ? ErrorCode.INVALID_VALUE
                            : ErrorCode.INVALID_CODE;
            }
        }
        String dateField = dateField(l);
        switch (n % 5) {
            case 0:
                v.put(dateField, "31/02/" + spec.year());
                return ErrorCode.INVALID_DATE;
            case 1:
                if (l.column("nik") != null && l.column("nik").required()) {
                    v.put("nik", "3.27311E+15");
                    return ErrorCode.NIK_NOT_TEXT;
                }
                v.put("motherNik", "3.27311E+15");
                return ErrorCode.NIK_NOT_TEXT;
            case 2:
                v.put("puskesmas", "P12345");
                return ErrorCode.INVALID_CODE;
            case 3:
                v.put(dateField, DMY.format(spec.today().plusDays(30)));
                return ErrorCode.DATE_IN_FUTURE;
            default:
                v.put("birthDate", "1/1/1890");
                return ErrorCode.DATE_BEFORE_1900;
        }
    }

    private static String dateField(Layout l) {
        return switch (l.target()) {
            case NEWBORN -> "birthDate";
            case TB_PRESUMPTION -> "presumedDate";
            case HIV_RISK_RECORD -> "recordedDate";
            default -> "date";
        };
    }

    private String nik(long person) {
        return spec.kabkota().replace(".", "") + String.format(Locale.ROOT, "%012d", 100_000_000_000L + person);
    }

    private Object date(LocalDate d, Format f, SplittableRandom rng) {
        if (f == Format.XLSX) {
            return d;
        }
        // CSV exports carry dates in several spellings; all are valid.
        int pick = rng.nextInt(10);
        if (pick < 7) {
            return DMY.format(d);
        }
        if (pick < 9) {
            return d.toString();
        }
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private String yn(SplittableRandom rng, double pYes) {
        return rng.nextDouble() < pYes ? (rng.nextBoolean() ? "Ya" : "Y") : (rng.nextBoolean() ? "Tidak" : "T");
    }

    private LocalDate within(SplittableRandom rng, LocalDate from, LocalDate to) {
        long days = Math.max(0, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(days == 0 ? 0 : rng.nextLong(days + 1));
    }

    private LocalDate yearStart() {
        return LocalDate.of(spec.year(), 1, 1);
    }

    private LocalDate yearEnd() {
        LocalDate end = LocalDate.of(spec.year(), 12, 31);
        return end.isAfter(spec.today()) ? spec.today() : end;
    }

    private Map<String, Object> person(Map<String, Object> v, long p, int minAge, int maxAge, SplittableRandom rng,
            Format f, LocalDate eventDate) {
        SplittableRandom pr = new SplittableRandom(spec.seed() * 31 + p);
        int pkm = (int) (p % spec.kecamatan().size());
        String kec = spec.kecamatan().get(pkm);
        List<String> desa = spec.desa().getOrDefault(kec, List.of());
        v.put("nik", nik(p));
        v.put("name", NAMES[pr.nextInt(NAMES.length)] + " " + SURNAMES[pr.nextInt(SURNAMES.length)]);
        // Birth depends on the person alone, so every file agrees on it.
        LocalDate birth = yearStart().minusYears(minAge + pr.nextInt(Math.max(1, maxAge - minAge)))
                .minusDays(1 + pr.nextInt(364));
        if (!birth.isBefore(eventDate)) {
            birth = eventDate.minusDays(1);
        }
        v.put("birthDate", date(birth, f, rng));
        v.put("sex", pr.nextBoolean() ? "L" : "P");
        v.put("puskesmas", puskesmasCode(pkm));
        v.put("desa", desa.isEmpty() ? null : desa.get(pr.nextInt(desa.size())));
        return v;
    }

    private Map<String, Object> values(Layout l, int i, SplittableRandom rng, Format f) {
        Map<String, Object> v = new HashMap<>();
        int pkmCount = spec.kecamatan().size();
        switch (l.target()) {
            case ANC_VISIT -> {
                long p = i / 6;
                int k = i % 6;
                SplittableRandom pr = new SplittableRandom(spec.seed() + p);
                LocalDate hpht = within(pr, yearStart().minusDays(60), yearStart().plusDays(60));
                LocalDate d = hpht.plusWeeks(8 + 5L * k);
                person(v, p, 18, 40, rng, f, d);
                v.put("sex", null);
                v.put("hpht", date(hpht, f, rng));
                v.put("date", date(d, f, rng));
                v.put("visitCode", k == 0 ? "K1A" : "K" + (k + 1));
                v.put("examiner", k == 0 || k == 4 ? "Dokter" : "Bidan");
                v.put("usg", k == 0 || k == 4 ? "Ya" : "Tidak");
                for (TenTItem t : TenTItem.values()) {
                    v.put("tenT." + t.name(), yn(rng, 0.9));
                }
            }
            case PREGNANCY_OUTCOME -> {
                SplittableRandom pr = new SplittableRandom(spec.seed() + i);
                LocalDate hpht = within(pr, yearStart().minusDays(60), yearStart().plusDays(60));
                LocalDate d = hpht.plusDays(266 + pr.nextInt(14));
                if (d.isAfter(yearEnd())) {
                    d = yearEnd();
                }
                person(v, i, 18, 40, rng, f, d);
                v.put("hpht", date(hpht, f, rng));
                v.put("date", date(d, f, rng));
                int r = rng.nextInt(100);
                v.put("outcome", r < 94 ? "Lahir Hidup" : r < 96 ? "Lahir Mati" : r < 98 ? "Abortus" : "Prematur");
                v.put("place", rng.nextInt(10) < 9 ? (rng.nextBoolean() ? "Puskesmas" : "RS") : "Rumah");
                v.put("doctors", rng.nextInt(3) == 0 ? "1" : "0");
                v.put("midwives", "2");
                v.put("nurses", rng.nextInt(2) == 0 ? "1" : "0");
                v.put("complication", yn(rng, 0.1));
                v.put("limitedAccess", yn(rng, 0.05));
            }
            case NEWBORN -> {
                LocalDate birth = within(rng, yearStart(), yearEnd().minusDays(30));
                person(v, 500_000 + (long) i, 0, 1, rng, f, birth);
                v.put("birthDate", date(birth, f, rng));
                v.put("motherNik", nik(i));
                if (rng.nextInt(10) == 0) {
                    v.put("nik", null);
                }
                v.put("name", "Bayi Ny " + NAMES[i % NAMES.length] + " " + i);
                v.put("birthTime", String.format(Locale.ROOT, "%02d:%02d", rng.nextInt(24), rng.nextInt(60)));
                v.put("birthWeight", Integer.toString(2200 + rng.nextInt(2000)));
                v.put("liveBorn", rng.nextInt(100) < 98 ? "Lahir Hidup" : "Lahir Mati");
                for (String c : List.of("CORD_CARE", "EARLY_BREASTFEEDING", "VITAMIN_K1", "EYE_OINTMENT", "HEPATITIS_B0")) {
                    v.put("care." + c, yn(rng, 0.92));
                }
                LocalDate kn1 = birth.plusDays(1);
                v.put("kn1", f == Format.XLSX ? kn1
                        : DMY.format(kn1) + " " + String.format(Locale.ROOT, "%02d:%02d",
                                8 + rng.nextInt(10), rng.nextInt(60)));
                v.put("kn2", date(birth.plusDays(3 + rng.nextInt(4)), f, rng));
                v.put("kn3", rng.nextInt(10) < 8 ? date(birth.plusDays(8 + rng.nextInt(20)), f, rng) : null);
            }
            case CHILD_SERVICE -> {
                long p = 600_000 + i / 4;
                LocalDate d = within(rng, yearStart(), yearEnd());
                person(v, p, 1, 5, rng, f, d);
                ChildServiceType t = ChildServiceType.values()[i % 4 == 3 ? 6 : i % 4];
                v.put("date", date(d.plusDays(i % 4), f, rng));
                v.put("serviceType", t.label());
                if (t == ChildServiceType.IMMUNISATION) {
                    v.put("antigen", "MR" + (1 + (i / 4) % 2));
                } else if (t == ChildServiceType.WEIGHING) {
                    v.put("value", (8 + rng.nextInt(10)) + "," + rng.nextInt(10));
                }
            }
            case SCHOOL_EXAM -> {
                LocalDate d = within(rng, yearStart(), yearEnd());
                person(v, 700_000 + (long) i, 7, 15, rng, f, d);
                v.put("date", date(d, f, rng));
                v.put("place", rng.nextInt(10) < 8 ? "Sekolah" : "Madrasah");
                v.put("grade", Integer.toString(1 + rng.nextInt(9)));
                v.put("npsn", Integer.toString(40_000_000 + rng.nextInt(1_000_000)));
                v.put("nutrition", "Normal");
                v.put("vitalSigns", "Normal");
                v.put("oralDental", rng.nextInt(5) == 0 ? "Karies" : "Normal");
                v.put("sight", "Normal");
                v.put("hearing", "Normal");
                v.put("bias", rng.nextInt(3) == 0 ? "MR" : null);
            }
            case SCREENING -> {
                LocalDate d = within(rng, yearStart(), yearEnd());
                person(v, 800_000 + (long) i, 15, 80, rng, f, d);
                v.put("date", date(d, f, rng));
                v.put("place", rng.nextBoolean() ? "Posbindu" : "Puskesmas");
                v.put("weight", (45 + rng.nextInt(40)) + "," + rng.nextInt(10));
                v.put("height", Integer.toString(145 + rng.nextInt(40)));
                v.put("waist", Integer.toString(65 + rng.nextInt(40)));
                v.put("systolic", Integer.toString(100 + rng.nextInt(70)));
                v.put("diastolic", Integer.toString(60 + rng.nextInt(40)));
                v.put("glucose", Integer.toString(80 + rng.nextInt(150)));
                v.put("sight", "Normal");
                v.put("hearing", "Normal");
                v.put("mentalHealth", "Normal");
                v.put("riskyBehaviour", rng.nextInt(4) == 0 ? "Merokok" : "Tidak Ada");
                v.put("education", yn(rng, 0.9));
            }
            case PTM_VISIT, MENTAL_HEALTH_VISIT -> {
                boolean ptm = l.target() == RowKind.PTM_VISIT;
                long p = (ptm ? 900_000 : 950_000) + i / 12;
                LocalDate d = LocalDate.of(spec.year(), 1 + i % 12, 1 + (int) (p % 28));
                if (d.isAfter(yearEnd())) {
                    d = yearEnd().minusDays(i % 12);
                }
                person(v, p, 30, 70, rng, f, d);
                v.put("date", date(d, f, rng));
                if (ptm) {
                    v.put("diagnosis", p % 3 == 0 ? "E11" : "Hipertensi");
                    v.put("systolic", Integer.toString(120 + rng.nextInt(60)));
                    v.put("diastolic", Integer.toString(70 + rng.nextInt(30)));
                    if (p % 3 == 0) {
                        v.put("glucoseTest", "GDP");
                        v.put("glucoseResult", Integer.toString(100 + rng.nextInt(150)));
                    }
                    v.put("clinicalExam", yn(rng, 0.95));
                    v.put("education", yn(rng, 0.9));
                    v.put("drugTherapy", yn(rng, 0.85));
                } else {
                    v.put("diagnosis", p % 4 == 0 ? "Psikotik Akut" : "Skizofrenia");
                    v.put("mentalStatusExam", yn(rng, 0.9));
                    v.put("interview", yn(rng, 0.9));
                    v.put("education", yn(rng, 0.9));
                    v.put("management", yn(rng, 0.85));
                }
            }
            case TB_PRESUMPTION -> {
                LocalDate d = within(rng, yearStart(), yearEnd().minusDays(14));
                person(v, 1_000_000 + (long) i, 5, 80, rng, f, d);
                v.put("presumedDate", date(d, f, rng));
                if (rng.nextInt(10) < 8) {
                    v.put("examDate", date(d.plusDays(rng.nextInt(14)), f, rng));
                    v.put("examType", rng.nextBoolean() ? "TCM" : "Rontgen");
                    v.put("result", rng.nextInt(10) == 0 ? "Positif" : "Negatif");
                }
            }
            case HIV_RISK_RECORD -> {
                LocalDate d = within(rng, yearStart(), yearEnd().minusDays(14));
                person(v, 1_100_000 + (long) i, 15, 60, rng, f, d);
                v.put("group", RiskGroup.values()[i % RiskGroup.values().length].label());
                v.put("recordedDate", date(d, f, rng));
                if (rng.nextInt(10) < 8) {
                    v.put("testDate", date(d.plusDays(rng.nextInt(14)), f, rng));
                    v.put("testType", "R1");
                    v.put("result", "Non Reaktif");
                }
            }
            case PUSKESMAS -> {
                String kec = spec.kecamatan().get(i);
                v.put("code", puskesmasCode(i));
                v.put("name", "Puskesmas " + (i + 1));
                v.put("kecamatan", kec);
                v.put("desaCodes", String.join(";", spec.desa().getOrDefault(kec, List.of())));
                v.put("population", Integer.toString(10_000 + rng.nextInt(30_000)));
            }
            case MONTHLY_COUNT -> {
                int svc = i % 12;
                int month = (i / 12) % 12;
                int pkm = (i / 144) % pkmCount;
                int year = spec.year() - 1 - i / (144 * pkmCount);
                v.put("puskesmas", puskesmasCode(pkm));
                v.put("year", Integer.toString(year));
                v.put("month", Integer.toString(month + 1));
                v.put("service", SpmService.ofNumber(svc + 1).code());
                v.put("compliant", Integer.toString(rng.nextInt(200)));
                v.put("nonCompliant", Integer.toString(rng.nextInt(30)));
            }
            case TARGET -> {
                int svc = i % 12;
                int pkm = (i / 12) % pkmCount;
                v.put("area", spec.kecamatan().get(pkm));
                v.put("year", Integer.toString(spec.year() - i / (12 * pkmCount)));
                v.put("service", SpmService.ofNumber(svc + 1).code());
                v.put("amount", Integer.toString(100 + rng.nextInt(5000)));
                v.put("source", svc < 7 ? "Proyeksi BPS" : svc == 10 ? "Formula TBC" : "Prevalensi");
            }
            case POPULATION -> {
                int g = i % AGE_GROUPS.length;
                int pkm = (i / AGE_GROUPS.length) % pkmCount;
                v.put("area", spec.kecamatan().get(pkm));
                v.put("year", Integer.toString(spec.year() - i / (AGE_GROUPS.length * pkmCount)));
                v.put("ageGroup", AGE_GROUPS[g]);
                v.put("male", Integer.toString(500 + rng.nextInt(3000)));
                v.put("female", Integer.toString(500 + rng.nextInt(3000)));
            }
            case QUALITY -> {
                int item = i % 5;
                int kind = (i / 5) % 4;
                int svc = (i / 20) % 12;
                int pkm = (i / 240) % pkmCount;
                v.put("area", spec.kecamatan().get(pkm));
                v.put("year", Integer.toString(spec.year() - i / (240 * pkmCount)));
                v.put("quarter", Integer.toString(1 + kind));
                v.put("service", SpmService.ofNumber(svc + 1).code());
                v.put("kind", item < 3 ? "Barang" : "SDM");
                v.put("item", (item < 3 ? "Barang " : "Tenaga ") + (item + 1));
                v.put("unit", item < 3 ? "paket" : "orang");
                v.put("need", Integer.toString(10 + rng.nextInt(50)));
                v.put("stock", Integer.toString(rng.nextInt(60)));
                v.put("unitPrice", item < 3 ? Integer.toString(1000 * (1 + rng.nextInt(500))) : null);
            }
            default -> throw new IllegalStateException(l.target().name());
        }
        return v;
    }

    /** Writes rows to whichever writer the format uses. */
    private record Sink(CsvWriter csv, XlsxWriter xlsx) {
        void row(List<?> cells) throws IOException {
            if (csv != null) {
                csv.row(cells);
            } else {
                xlsx.row(cells);
            }
        }

        void close() throws IOException {
            if (csv != null) {
                csv.close();
            } else {
                xlsx.close();
            }
        }
    }
}
