package id.spm.api.service;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import id.spm.api.chart.Charts;
import id.spm.api.export.Table;
import id.spm.api.model.Laporan;
import id.spm.api.model.Laporan.KendalaRow;
import id.spm.api.model.Laporan.QuarterPoint;
import id.spm.api.model.Laporan.Section;
import id.spm.api.model.Laporan.ServiceRow;
import id.spm.api.model.LaporanTyped;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The Laporan Penerapan SPM as a document: XHTML from a Qute template ({@code templates/laporan.html}) with the
 * charts embedded as PNG data URIs, and PDF from that XHTML with openhtmltopdf (A4, page numbers, the footnote of
 * rule set, category scheme, data version and computation time on every page). Labels and numbers are Indonesian.
 */
@ApplicationScoped
@TemplateData(target = Laporan.class)
@TemplateData(target = Laporan.Summary.class)
@TemplateData(target = Laporan.CategorySchemeNote.class)
@TemplateData(target = Laporan.Section.class)
@TemplateData(target = Laporan.Frozen.class)
@TemplateData(target = LaporanTyped.Stage.class)
public class LaporanDocument {

    /** Fonts tried in order for the PDF (Unicode coverage); without one, the PDF falls back to Helvetica. */
    static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF");

    private final Template template;

    public LaporanDocument(@Location("laporan.html") Template template) {
        this.template = template;
    }

    /** The charts drawn, in order: what a reader would rather look at than read (issue 10). */
    public static final List<String> CHARTS = List.of("coverage", "index", "categories", "quarters",
            "quarterCoverage");

    /** The forms printed inside the annual report: the mutu lines in II.4, the rest as LAMPIRAN (reports.md §5.4). */
    public static final List<String> MUTU_FORMS = List.of("2.B.4", "2.B.5");
    public static final List<String> APPENDIX_FORMS = List.of("2.A.2", "2.A.3", "2.C.3", "2.C.4", "2.D.2", "2.E.2");

    /**
     * A report form filled for the same area and period, printed inside the annual report: the forms' own table
     * ({@code GET /reports/forms/{form}}), never a second computation.
     */
    public record Appendix(String form, String name, Table table) {
    }

    public String html(Laporan l) {
        return html(l, List.of());
    }

    /** The report with the forms of {@link #MUTU_FORMS} and {@link #APPENDIX_FORMS} it is given printed in it. */
    public String html(Laporan l, List<Appendix> forms) {
        return template.data("v", view(l, forms)).render();
    }

    public byte[] pdf(Laporan l) {
        return pdf(l, List.of());
    }

    public byte[] pdf(Laporan l, List<Appendix> forms) {
        String html = html(l, forms);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            for (String dir : FONT_DIRS) {
                File regular = new File(dir, "DejaVuSans.ttf");
                File bold = new File(dir, "DejaVuSans-Bold.ttf");
                if (regular.isFile()) {
                    b.useFont(regular, "DejaVu Sans");
                    if (bold.isFile()) {
                        b.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
                    }
                    break;
                }
            }
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report as PDF", e);
        }
    }

    // ---- the view: every text already formatted (Indonesian numbers), so the template only places it ----

    @TemplateData
    public record View(Laporan l, boolean annual, String periodText, String areaTitle, String footer,
            String schemeText, String computedAt, List<Row> rows, List<Quarter> quarters, List<Kendala> kendala,
            List<Budget> budget, String budgetTotal, List<Band> bands, Map<String, String> charts,
            Map<String, String> pending, List<String> dasarHukum, boolean dasarHukumDefault, Narrative narrative,
            List<Program> programs, List<LaporanTyped.Stage> stages, List<Section> sections,
            String sectorIndex, String frozenText, List<FormTable> mutuForms, List<FormTable> appendices) {
    }

    /** A form's table as printed: group headers merged over their columns, every cell already formatted. */
    @TemplateData
    public record FormTable(String form, String name, List<String> title, boolean grouped, List<Span> groups,
            List<Column> columns, List<List<Cell>> rows, List<List<Cell>> totals, List<String> notes) {
    }

    /** A group header over {@code span} columns; a column without a group spans both header rows. */
    @TemplateData
    public record Span(String text, int span, boolean group) {
    }

    @TemplateData
    public record Column(String header, String number, boolean grouped) {
    }

    @TemplateData
    public record Cell(String text, boolean numeric) {
    }

    @TemplateData
    public record Row(int number, String code, String name, String sasaran, String provenance, String realisasi,
            String belum, String coverage, String penerima, String mutu, String mutuStatus, String index,
            String category, boolean atTarget, String reasons) {
    }

    @TemplateData
    public record Quarter(String period, String sectorIndex, String category, int atTarget, String source) {
    }

    @TemplateData
    public record Kendala(String name, String realisasi, List<String> permasalahan, List<String> solusi,
            boolean filled) {
    }

    @TemplateData
    public record Budget(String name, String alokasi, String realisasi, String percent, String sumberDana) {
    }

    @TemplateData
    public record Program(String kode, String nama, String indikator, String satuan, String target, String dokumen,
            String pagu, String sumberDana) {
    }

    @TemplateData
    public record Band(String label, String from, int services) {
    }

    @TemplateData
    public record Narrative(String kataPengantar, String latarBelakang, String kebijakanUmum, String arahKebijakan,
            String penutup) {
    }

    static View view(Laporan l) {
        return view(l, List.of());
    }

    static View view(Laporan l, List<Appendix> forms) {
        boolean annual = l.quarter() == null;
        String periodText = annual ? "Tahun " + l.year()
                : "Triwulan " + roman(l.quarter()) + " Tahun " + l.year()
                        + " (kumulatif Januari s.d. akhir triwulan)";
        String computedAt = Numbers.time(l.computedAt());
        String scheme = l.categoryScheme().id() + " (" + l.categoryScheme().description() + "); batas kategori belum "
                + "diverifikasi terhadap Lampiran Permendagri 59/2021";
        String footer = "Aturan: " + l.ruleSet() + " · Skema kategori: " + scheme + " · Versi data: " + l.dataVersion()
                + " · Dihitung: " + computedAt
                + (l.submission() == null ? "" : " · Submission #" + l.submission().id() + " (dibekukan)");
        List<Row> rows = new ArrayList<>();
        for (ServiceRow r : l.services()) {
            rows.add(new Row(r.number(), r.serviceCode(), r.name(), Numbers.integer(r.sasaran()),
                    r.sasaranProvenance() == null ? "–" : r.sasaranProvenance(), Numbers.integer(r.realisasi()),
                    Numbers.integer(r.belumTerlayani()), Numbers.decimal(r.coveragePercent()),
                    Numbers.decimal(r.penerimaPercent()), Numbers.decimal(r.qualityPercent()),
                    mutuStatus(r.mutuStatus()), Numbers.decimal(r.index()), r.category() == null ? "–" : r.category(),
                    LaporanService.atTarget(r), String.join("; ", r.reasons())));
        }
        List<Quarter> quarters = l.quarters().stream()
                .map(q -> new Quarter("Triwulan " + roman(q.quarter()), Numbers.decimal(q.sectorIndex()),
                        q.sectorCategory() == null ? "–" : q.sectorCategory(), q.atTarget(),
                        q.source().equals("SUBMISSION") ? "dibekukan" : "dihitung"))
                .toList();
        List<Kendala> kendala = new ArrayList<>();
        for (KendalaRow k : l.permasalahan()) {
            kendala.add(new Kendala(k.name(), Numbers.decimal(k.realisasiPercent()), k.permasalahan(), k.solusi(),
                    k.filled()));
        }
        List<Budget> budget = l.anggaran().stream()
                .map(b -> new Budget(b.name(), Numbers.rupiah(b.alokasi()), Numbers.rupiah(b.realisasi()),
                        Numbers.decimal(b.realisasiPercent()), String.join(", ", b.sumberDana())))
                .toList();
        List<Band> bands = new ArrayList<>();
        for (var b : l.categoryScheme().bands()) {
            int n = (int) l.services().stream().filter(s -> b.label().equals(s.category())).count();
            bands.add(new Band(b.label(), Numbers.decimal(b.minIndex()), n));
        }
        Map<String, String> pending = new LinkedHashMap<>();
        pending.put("narrative", LaporanService.INPUT_NARRATIVE);
        pending.put("budget", LaporanService.INPUT_BUDGET);
        pending.put("kendala", LaporanService.INPUT_KENDALA);
        pending.put("program", LaporanService.INPUT_PROGRAM);
        pending.put("stages", LaporanService.INPUT_STAGES);
        pending.put("mutu", LaporanService.INPUT_MUTU_LINES);
        LaporanTyped.Narrative n = l.typed().narrative();
        Narrative narrative = new Narrative(n == null ? null : n.kataPengantar(), n == null ? null : n.latarBelakang(),
                n == null ? null : n.kebijakanUmum(), n == null ? null : n.arahKebijakan(),
                n == null ? null : n.penutup());
        boolean dhDefault = n == null || n.dasarHukum() == null || n.dasarHukum().isEmpty();
        String frozen = l.submission() == null ? null
                : "Angka dalam laporan ini adalah angka yang dibekukan pada submission #" + l.submission().id() + " ("
                        + Numbers.time(l.submission().frozenAt()) + ", versi data " + l.submission().dataVersion()
                        + ").";
        return new View(l, annual, periodText, areaTitle(l), footer, scheme, computedAt, rows, quarters, kendala,
                budget, l.anggaranTotal() == null ? null : Numbers.rupiah(l.anggaranTotal()), bands, charts(l),
                pending, dhDefault ? LaporanService.DEFAULT_DASAR_HUKUM : n.dasarHukum(), dhDefault, narrative,
                l.typed().programs().stream()
                        .map(p -> new Program(p.kode(), p.nama(), p.indikator(), p.satuan(),
                                p.target() == null ? "–" : Numbers.number(p.target()),
                                p.dokumen() == null ? "–" : p.dokumen(),
                                p.pagu() == null ? "–" : Numbers.rupiah(p.pagu()),
                                p.sumberDana() == null ? "–" : p.sumberDana()))
                        .toList(),
                l.typed().stages(), l.sections(), Numbers.decimal(l.summary().sectorIndex()),
                frozen, formTables(forms, MUTU_FORMS), formTables(forms, APPENDIX_FORMS));
    }

    static List<FormTable> formTables(List<Appendix> forms, List<String> codes) {
        List<FormTable> out = new ArrayList<>();
        for (String code : codes) {
            forms.stream().filter(f -> f.form().equals(code)).findFirst().ifPresent(f -> out.add(formTable(f)));
        }
        return out;
    }

    static FormTable formTable(Appendix f) {
        Table t = f.table();
        List<Span> groups = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        boolean grouped = t.columns().stream().anyMatch(c -> c.group() != null);
        for (int i = 0; i < t.columns().size(); i++) {
            Table.Column c = t.columns().get(i);
            columns.add(new Column(c.header(), c.number() == null ? "" : c.number(), c.group() != null));
            if (c.group() == null) {
                groups.add(new Span(c.header(), 1, false));
            } else if (i > 0 && c.group().equals(t.columns().get(i - 1).group())) {
                Span last = groups.remove(groups.size() - 1);
                groups.add(new Span(last.text(), last.span() + 1, true));
            } else {
                groups.add(new Span(c.group(), 1, true));
            }
        }
        return new FormTable(f.form(), f.name(), t.title(), grouped, groups, columns, cells(t, t.rows()),
                cells(t, t.totals()), t.notes());
    }

    private static List<List<Cell>> cells(Table t, List<Table.Row> rows) {
        List<List<Cell>> out = new ArrayList<>();
        for (Table.Row r : rows) {
            List<Cell> line = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                line.add(cell(r.cells().get(i), t.columns().get(i).type()));
            }
            out.add(line);
        }
        return out;
    }

    /** Indonesian number formats, as the rest of the report; an empty typed cell stays empty. */
    static Cell cell(Object v, Table.CellType type) {
        if (v == null) {
            return new Cell(type == Table.CellType.TEXT ? "" : "–", type != Table.CellType.TEXT);
        }
        if (v instanceof String text) {
            return new Cell(text, false);
        }
        BigDecimal d = v instanceof Long n ? BigDecimal.valueOf(n) : (BigDecimal) v;
        String text = switch (type) {
            case INTEGER -> Numbers.integer(d.longValue());
            case PERCENT -> Numbers.decimal(d);
            case MONEY -> Numbers.rupiah(d);
            case DECIMAL, TEXT -> Numbers.number(d);
        };
        return new Cell(text, true);
    }

    static Map<String, String> charts(Laporan l) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = l.services().stream().map(r -> r.number() + ". " + shortName(r.name())).toList();
        Charts.Style style = new Charts.Style(900, 430, "%", Numbers.decimalFormat(), null, true, true);
        Charts.Target target = new Charts.Target(100, "Target 100 %");
        out.put("coverage", Charts.dataUri(Charts.bars("Capaian penerima layanan dasar (%) per jenis pelayanan",
                names, Charts.series("% penerima", l.services().stream().map(ServiceRow::coveragePercent).toList()),
                target, style)));
        out.put("index", Charts.dataUri(Charts.bars("IPSPM per jenis pelayanan", names,
                Charts.series("IPSPM", l.services().stream().map(ServiceRow::index).toList()), target,
                new Charts.Style(900, 430, "IPSPM", Numbers.decimalFormat(), 110.0, true, true))));
        List<Band> bands = new ArrayList<>();
        for (var b : l.categoryScheme().bands()) {
            bands.add(new Band(b.label(),
                    "", (int) l.services().stream().filter(s -> b.label().equals(s.category())).count()));
        }
        out.put("categories", Charts.dataUri(Charts.bars("Jumlah jenis pelayanan per kategori IPSPM",
                bands.stream().map(Band::label).toList(),
                Charts.series("jenis pelayanan", bands.stream().map(b -> (Number) b.services()).toList()), null,
                new Charts.Style(900, 300, "jumlah", Numbers.integerFormat(), null, true, false))));
        List<String> qs = l.quarters().stream().map(q -> "Triwulan " + roman(q.quarter())).toList();
        Map<String, List<? extends Number>> sector = new LinkedHashMap<>();
        sector.put("IPSPM Bidang Kesehatan", l.quarters().stream().map(QuarterPoint::sectorIndex).toList());
        out.put("quarters", Charts.dataUri(Charts.lines("IPSPM Bidang Kesehatan per triwulan (kumulatif)", qs, sector,
                target, new Charts.Style(900, 330, "IPSPM", Numbers.decimalFormat(), 110.0, true, false))));
        Map<String, List<? extends Number>> perQuarter = new LinkedHashMap<>();
        for (QuarterPoint q : l.quarters()) {
            List<BigDecimal> values = new ArrayList<>();
            for (ServiceRow r : l.services()) {
                values.add(q.services().stream().filter(s -> s.serviceCode().equals(r.serviceCode())).findFirst()
                        .map(Laporan.QuarterService::coveragePercent).orElse(null));
            }
            perQuarter.put("Triwulan " + roman(q.quarter()), values);
        }
        out.put("quarterCoverage", Charts.dataUri(Charts.bars("Capaian penerima layanan dasar (%) per triwulan "
                + "(kumulatif)", names, perQuarter, target, style.withSize(900, 460))));
        return out;
    }

    static String areaTitle(Laporan l) {
        String name = l.areaName() == null ? l.area() : l.areaName();
        return switch (l.level() == null ? "" : l.level()) {
            case "DISTRICT" -> "Pemerintah " + name;
            case "PROVINCE" -> "Pemerintah Provinsi " + name;
            case "KECAMATAN" -> "Kecamatan " + name;
            default -> name;
        };
    }

    static String shortName(String name) {
        String s = name.replaceFirst("^Pelayanan kesehatan (pada )?(orang dengan |penderita |orang )?", "");
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }

    static String mutuStatus(String s) {
        if (s == null) {
            return "–";
        }
        return switch (s) {
            case "PROVIDED" -> "tersedia";
            case "NOT_PROVIDED" -> "belum ada data mutu";
            case "NO_ITEM_WITH_NEED" -> "tidak ada item dengan kebutuhan";
            default -> s;
        };
    }

    static String roman(int q) {
        return switch (q) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            default -> Integer.toString(q);
        };
    }
}
