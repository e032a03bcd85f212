package id.spm.sample.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.write.CsvWriter;
import id.spm.ingest.write.XlsxWriter;
import id.spm.rules.count.ByNameLayout;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Event;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.Screening;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbPresumption;
import id.spm.rules.model.TenTItem;
import id.spm.sample.SampleNames;

/**
 * Writes the records of a generated population (spm-rules' {@code PopulationGenerator}) as the
 * exports a district would upload: one file per event layout plus the {@code puskesmas} registry,
 * so that importing them gives back the same records (person keys aside). A person's NIK is
 * {@link #syntheticNik(String)} of their generated id, so the same person links across files and a
 * newborn's NIK Ibu finds the mother.
 */
public final class PopulationFiles implements Closeable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final LayoutRegistry layouts;
    private final Path dir;
    private final SampleFiles.Format format;
    private final Map<String, Writer> writers = new LinkedHashMap<>();

    public PopulationFiles(LayoutRegistry layouts, Path dir, SampleFiles.Format format) throws IOException {
        this.layouts = layouts;
        this.dir = Files.createDirectories(dir);
        this.format = format;
    }

    /**
     * A deterministic 16-digit NIK for a generated person id: {@code 99} (no Indonesian province has
     * code 99, so it cannot be anyone's real NIK) and 14 digits of the id's SHA-256.
     */
    public static String syntheticNik(String personId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(personId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xFF);
            }
            return "99" + String.format("%014d", Math.floorMod(v, 100_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Writes the registry of the district's Puskesmas (layout {@code puskesmas}). */
    public Path puskesmas(List<PuskesmasInfo> registry) throws IOException {
        Writer w = writer("puskesmas");
        for (PuskesmasInfo p : registry) {
            Map<String, Object> v = new HashMap<>();
            v.put("code", p.code());
            v.put("name", p.name());
            v.put("kecamatan", p.kecamatanCode());
            v.put("desaCodes", String.join(";", new TreeSet<>(p.desaCodes())));
            v.put("population", p.population());
            w.row(v);
        }
        return w.file;
    }

    /** Writes the aggregate monthly counts (layout {@code rekap-bulanan}). */
    public Path monthlyCounts(List<MonthlyCount> counts) throws IOException {
        Writer w = writer("rekap-bulanan");
        for (MonthlyCount m : counts) {
            Map<String, Object> v = new HashMap<>();
            v.put("puskesmas", m.puskesmas());
            v.put("year", m.year());
            v.put("month", m.month());
            v.put("service", m.service().code());
            v.put("compliant", m.compliant());
            v.put("nonCompliant", m.nonCompliant());
            w.row(v);
        }
        return w.file;
    }

    /** Writes every event of a person into its layout's file. */
    public void add(PersonRecord r) throws IOException {
        for (Event e : r.events()) {
            String name = ByNameLayout.of(e).id();
            Map<String, Object> v = person(r.person(), e);
            fill(v, e);
            writer(name).row(v);
        }
    }

    /** Rows written per layout. */
    public Map<String, Integer> rows() {
        Map<String, Integer> out = new LinkedHashMap<>();
        writers.forEach((k, w) -> out.put(k, w.rows));
        return out;
    }

    /** The files written, by layout. */
    public Map<String, Path> files() {
        Map<String, Path> out = new LinkedHashMap<>();
        writers.forEach((k, w) -> out.put(k, w.file));
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Map<String, Object> person(Person p, Event e) {
        Map<String, Object> v = new HashMap<>();
        v.put("nik", syntheticNik(p.id()));
        v.put("name", SampleNames.of(p));
        v.put("birthDate", p.birthDate());
        v.put("sex", p.sex() == null ? null : p.sex() == Sex.MALE ? "L" : "P");
        v.put("puskesmas", e.puskesmas());
        v.put("desa", p.desaCode());
        return v;
    }

    private static void fill(Map<String, Object> v, Event event) {
        if (event instanceof AncVisit e) {
            v.put("date", e.date());
            v.put("hpht", e.hpht());
            v.put("visitCode", e.visitCode());
            v.put("examiner", e.examiner());
            v.put("usg", e.usg());
            Set<TenTItem> tenT = e.tenT() == null ? EnumSet.noneOf(TenTItem.class) : e.tenT();
            for (TenTItem t : TenTItem.values()) {
                v.put("tenT." + t.name(), tenT.contains(t));
            }
        } else if (event instanceof PregnancyOutcome e) {
            v.put("date", e.date());
            v.put("hpht", e.hpht());
            v.put("outcome", e.outcome());
            v.put("place", e.place());
            v.put("doctors", e.doctors());
            v.put("midwives", e.midwives());
            v.put("nurses", e.nurses());
            v.put("complication", e.complication());
            v.put("limitedAccess", e.limitedAccess());
        } else if (event instanceof Newborn e) {
            v.put("birthTime", e.birthTime());
            v.put("motherNik", e.motherId() == null ? null : syntheticNik(e.motherId()));
            v.put("birthWeight", e.birthWeightGrams());
            v.put("liveBorn", Boolean.toString(e.liveBorn()));
            for (EssentialCare c : EssentialCare.values()) {
                v.put("care." + c.name(), e.essentialCare().contains(c));
            }
            v.put("kn1", e.kn1Date() == null ? null
                    : e.kn1Date() + (e.kn1Time() == null ? "" : " " + e.kn1Time().format(TIME)));
            v.put("kn2", e.kn2());
            v.put("kn3", e.kn3());
        } else if (event instanceof ChildService e) {
            v.put("date", e.date());
            v.put("serviceType", e.type());
            v.put("antigen", e.antigen());
            v.put("value", e.value());
        } else if (event instanceof SchoolExam e) {
            v.put("npsn", e.npsn());
            v.put("place", e.place());
            v.put("grade", e.grade());
            v.put("date", e.date());
            v.put("nutrition", e.nutrition());
            v.put("vitalSigns", e.vitalSigns());
            v.put("oralDental", e.oralDental());
            v.put("sight", e.sight());
            v.put("hearing", e.hearing());
            v.put("anaemia", e.anaemia());
            v.put("followUp", e.followUp());
            v.put("bias", e.bias());
        } else if (event instanceof Screening e) {
            v.put("desa", e.desaCode());
            v.put("date", e.date());
            v.put("place", e.place());
            v.put("weight", e.weightKg());
            v.put("height", e.heightCm());
            v.put("waist", e.waistCm());
            v.put("lila", e.lilaCm());
            v.put("systolic", e.systolic());
            v.put("diastolic", e.diastolic());
            v.put("glucose", e.bloodGlucose());
            v.put("cholesterol", e.cholesterol());
            v.put("puma", e.puma());
            v.put("sight", e.sight());
            v.put("hearing", e.hearing());
            v.put("mentalHealth", e.mentalHealth());
            v.put("riskyBehaviour", e.riskyBehaviour());
            v.put("iva", e.iva());
            v.put("sadanis", e.sadanis());
            v.put("tetanusStatus", e.tetanusStatus());
            v.put("skilas", e.skilas());
            v.put("adlBarthel", e.adlBarthel());
            v.put("familyHistoryDm", e.familyHistoryDm());
            v.put("brideOrGroom", e.brideOrGroom());
            v.put("education", e.education());
        } else if (event instanceof PtmVisit e) {
            v.put("date", e.date());
            v.put("diagnosis", e.diagnosis());
            v.put("systolic", e.systolic());
            v.put("diastolic", e.diastolic());
            v.put("glucoseTest", e.glucoseTest());
            v.put("glucoseResult", e.glucoseResult());
            v.put("clinicalExam", e.clinicalExam());
            v.put("education", e.education());
            v.put("drugTherapy", e.drugTherapy());
            v.put("referral", e.referral());
        } else if (event instanceof MentalHealthVisit e) {
            v.put("date", e.date());
            v.put("diagnosis", e.diagnosis());
            v.put("mentalStatusExam", e.mentalStatusExam());
            v.put("interview", e.interview());
            v.put("education", e.education());
            v.put("management", e.management());
            v.put("referral", e.referral());
        } else if (event instanceof TbPresumption e) {
            v.put("presumedDate", e.presumedDate());
            v.put("examDate", e.examDate());
            v.put("examType", e.examType());
            v.put("result", e.result());
        } else if (event instanceof HivRiskRecord e) {
            v.put("group", e.group());
            v.put("recordedDate", e.recordedDate());
            v.put("testDate", e.testDate());
            v.put("testType", e.testType());
            v.put("result", e.result());
        }
    }

    private Writer writer(String layout) throws IOException {
        Writer w = writers.get(layout);
        if (w == null) {
            Layout l = layouts.find(layout).orElseThrow(() -> new IllegalArgumentException("no layout " + layout));
            w = new Writer(l, dir.resolve(layout + (format == SampleFiles.Format.CSV ? ".csv" : ".xlsx")), format);
            writers.put(layout, w);
        }
        return w;
    }

    /** One layout's file: header row, then one row per record, cells as the layout reads them. */
    private static final class Writer implements Closeable {
        private final Layout layout;
        private final Path file;
        private final OutputStream os;
        private final CsvWriter csv;
        private final XlsxWriter xlsx;
        private final Map<String, Map<String, String>> vocabulary = new HashMap<>();
        private int rows;

        Writer(Layout layout, Path file, SampleFiles.Format format) throws IOException {
            this.layout = layout;
            this.file = file;
            this.os = Files.newOutputStream(file);
            this.csv = format == SampleFiles.Format.CSV ? new CsvWriter(os, StandardCharsets.UTF_8, ';', false) : null;
            this.xlsx = format == SampleFiles.Format.CSV ? null : new XlsxWriter(os, "Data", true);
            List<Object> header = new ArrayList<>();
            for (ColumnSpec c : layout.columns()) {
                header.add(c.header());
                if (c.vocabulary() != null && !c.vocabulary().isEmpty()) {
                    // The first spelling of each value reads back as that value.
                    Map<String, String> inverse = new HashMap<>();
                    c.vocabulary().forEach((text, value) -> inverse.putIfAbsent(value, text));
                    vocabulary.put(c.field(), inverse);
                }
            }
            write(header);
        }

        void row(Map<String, Object> v) throws IOException {
            List<Object> cells = new ArrayList<>(layout.columns().size());
            for (ColumnSpec c : layout.columns()) {
                cells.add(text(c, v.get(c.field())));
            }
            write(cells);
            rows++;
        }

        private String text(ColumnSpec c, Object value) {
            if (value == null) {
                return "";
            }
            Map<String, String> vocab = vocabulary.get(c.field());
            if (vocab != null) {
                String key = value instanceof Enum<?> en ? en.name() : value.toString();
                String text = vocab.get(key);
                if (text == null) {
                    text = vocab.get(key.toUpperCase(java.util.Locale.ROOT));
                }
                if (text == null && c.type() == ColumnType.ICD10) {
                    // A code within the column's ICD-10 ranges reads as itself.
                    text = key;
                }
                if (text == null) {
                    throw new IllegalStateException("layout " + layout.name() + " column " + c.field()
                            + " has no spelling for " + key);
                }
                return text;
            }
            if (value instanceof Boolean b) {
                return b ? "Ya" : "Tidak";
            }
            if (value instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (value instanceof LocalTime t) {
                return t.format(TIME);
            }
            if (value instanceof LocalDate d) {
                return d.toString();
            }
            return value.toString();
        }

        private void write(List<Object> cells) throws IOException {
            try {
                if (csv != null) {
                    csv.row(cells);
                } else {
                    xlsx.row(cells);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (csv != null) {
                    csv.close();
                } else {
                    xlsx.close();
                }
            } finally {
                os.close();
            }
        }
    }

}
