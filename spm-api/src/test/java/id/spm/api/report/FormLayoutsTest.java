package id.spm.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.export.Table;

/** Every form layout file loads, names only known sources, and agrees with the reports.md facts it relies on. */
class FormLayoutsTest {

    static final Map<String, FormLayout> LAYOUTS = ReportFormService.load(new ObjectMapper());

    static List<String> headers(String form) {
        return LAYOUTS.get(form).columns().stream().map(FormLayout.FormColumn::header).toList();
    }

    @Test
    void every_form_of_the_issue_is_shipped() {
        assertThat(LAYOUTS.keySet()).containsExactly("2.A.2", "2.A.3", "2.B.4", "2.B.5", "2.C.3", "2.C.4", "2.D.2",
                "2.E.2", "program", "target", "anggaran", "monitoring", "e-spm");
    }

    @Test
    void columns_are_numbered_in_order_typed_and_sourced() {
        for (FormLayout l : LAYOUTS.values()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < l.columns().size(); i++) {
                FormLayout.FormColumn c = l.columns().get(i);
                assertThat(c.number()).as(l.code() + " " + c.key()).isEqualTo("(" + (i + 1) + ")");
                assertThat(ReportFormService.knownSource(c.source())).as(l.code() + " source " + c.source()).isTrue();
                assertThat(c.kind()).isIn("computed", "typed", "rule-set", "master");
                c.cellType();
                keys.add(c.key());
            }
            assertThat(keys).as(l.code()).doesNotHaveDuplicates();
            for (FormLayout.TotalRow t : l.totals() == null ? List.<FormLayout.TotalRow> of() : l.totals()) {
                assertThat(keys).as(l.code() + " totals").containsAll(t.cells().keySet());
                t.cells().values().forEach(v -> assertThat(ReportFormService.knownTotal(v)).as(v).isTrue());
            }
            assertThat(l.title()).as(l.code()).contains("{AREA_TITLE}");
            assertThat(l.reference()).startsWith("reports.md §");
        }
    }

    @Test
    void titles_follow_reports_md_1_2() {
        // reports.md §1.2 [S]/[S-ocr] and §2 "Title": upper-case form code + title + area + year.
        Map<String, String> titles = Map.of("2.A.2", "REKAPITULASI PENDUDUK UNTUK PELAYANAN DASAR KESEHATAN", "2.A.3",
                "REKAPITULASI FASILITAS PELAYANAN KESEHATAN DAN SUMBER DAYA MANUSIA KESEHATAN", "2.B.4",
                "PENGHITUNGAN KEBUTUHAN ALAT KESEHATAN, BAHAN MEDIS HABIS PAKAI, OBAT, VAKSIN, DAN PERLENGKAPAN UNTUK PELAYANAN DASAR KESEHATAN",
                "2.B.5", "PENGHITUNGAN KEBUTUHAN SDM KESEHATAN UNTUK PELAYANAN DASAR", "2.C.3",
                "DALAM DOKUMEN RENCANA PEMBANGUNAN JANGKA MENENGAH", "2.C.4",
                "DALAM DOKUMEN RENCANA STRATEGIS PERANGKAT DAERAH", "2.D.2",
                "CAPAIAN PELAKSANAAN UNTUK PELAYANAN DASAR KESEHATAN", "2.E.2",
                "REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN");
        titles.forEach((form, text) -> {
            assertThat(LAYOUTS.get(form).title()).startsWith("FORM " + form + " ").contains(text);
        });
    }

    @Test
    void form_2B4_and_2B5_columns_are_the_seed_headers() {
        // reports.md §3.3: (1)-(9) from seed 004 L878-886; §3.4: (1)-(6) from L962-980.
        assertThat(headers("2.B.4")).containsExactly("NO", "JENIS LAYANAN DASAR", "BARANG", "JUMLAH KEBUTUHAN",
                "JUMLAH TERSEDIA", "SELISIH", "HARGA SATUAN (Rp)", "JUMLAH BIAYA (Rp)", "KETERANGAN");
        List<FormLayout.FormColumn> b4 = LAYOUTS.get("2.B.4").columns();
        assertThat(b4.get(4).kind()).isEqualTo("typed");
        assertThat(b4.get(6).kind()).isEqualTo("typed");
        assertThat(b4.get(5).kind()).isEqualTo("computed");
        assertThat(b4.get(7).kind()).isEqualTo("computed");
        assertThat(headers("2.B.5")).startsWith("NO", "JENIS LAYANAN DASAR", "JENIS SDM KESEHATAN", "JUMLAH KEBUTUHAN",
                "JUMLAH TERSEDIA", "SELISIH");
        assertThat(LAYOUTS.get("2.B.5").columns().get(3).kind()).isEqualTo("typed");
    }

    @Test
    void achievement_forms_carry_the_computed_figures() {
        // reports.md §3.7, §3.8: the legible headers, and the figures of the achievements computation.
        assertThat(headers("2.E.2").get(1)).isEqualTo("JENIS PELAYANAN DASAR (SPM KAB/KOTA)");
        assertThat(LAYOUTS.get("2.E.2").columns().stream().map(FormLayout.FormColumn::source)).contains(
                "achievement.denominator", "achievement.numerator", "achievement.penerima", "achievement.quality",
                "achievement.index", "achievement.category");
        assertThat(LAYOUTS.get("2.E.2").totals().get(0).cells()).containsEntry("service", "label:BIDANG KESEHATAN")
                .containsEntry("index", "sector.index");
        assertThat(LAYOUTS.get("2.D.2").columns().get(2).group()).startsWith("CAPAIAN PENERIMA LAYANAN DASAR (");
        assertThat(LAYOUTS.get("2.D.2").columns().stream().map(FormLayout.FormColumn::source))
                .contains("achievement.notServed", "achievement.gapToNextCategory", "budget.allocation",
                        "budget.realisation");
    }

    @Test
    void seed_tables_keep_their_headers() {
        // reports.md §4.1, §4.3, §4.4 [S-ocr].
        assertThat(headers("program")).containsExactly("No", "Kode", "Program/Kegiatan/ Sub Kegiatan",
                "Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan", "Satuan", "Target");
        assertThat(headers("anggaran")).contains("Alokasi Anggaran (Rp)", "Sumber Dana");
        assertThat(headers("monitoring")).containsExactly("No", "Jenis Pelayanan Kesehatan Dasar", "Target",
                "Realisasi", "Permasalahan", "Solusi");
        // §10 #3: Realisasi is the coverage, not the IPSPM.
        assertThat(LAYOUTS.get("monitoring").columns().get(3).source()).isEqualTo("achievement.coverage");
    }

    @Test
    void inferred_layouts_say_so() {
        // reports.md §0: the columns of 2.A.2, 2.A.3, 2.D.2, 2.E.2 are partly legible, of 2.C.3/2.C.4 not at all;
        // no e-SPM template is public (§8).
        for (String form : List.of("2.A.2", "2.A.3", "2.C.3", "2.C.4", "2.D.2", "2.E.2", "e-spm")) {
            assertThat(LAYOUTS.get(form).confidence()).as(form).isEqualTo("inferred");
            assertThat(LAYOUTS.get(form).inferred()).as(form).isNotBlank();
        }
    }

    @Test
    void the_espm_sheet_has_the_peer_blocks_in_order() {
        // reports.md §8: A. penerima (80 %), B. mutu (20 %), C. alokasi anggaran dan realisasi.
        List<String> groups = LAYOUTS.get("e-spm").columns().stream().map(FormLayout.FormColumn::group)
                .filter(g -> g != null).distinct().toList();
        assertThat(groups).containsExactly("A. PERSENTASE PENCAPAIAN PENERIMA LAYANAN DASAR (80%)",
                "B. PERSENTASE PENCAPAIAN MUTU MINIMAL LAYANAN DASAR (20%)", "C. ALOKASI ANGGARAN DAN REALISASI");
        assertThat(LAYOUTS.get("e-spm").columns().stream().map(FormLayout.FormColumn::source)).contains(
                "achievement.denominator", "achievement.numerator", "achievement.notServed", "achievement.penerima",
                "achievement.quality", "achievement.index", "budget.allocation", "budget.realisation", "budget.funds",
                "issue.problems", "issue.solutions");
    }

    @Test
    void downloads_neutralise_formulas() {
        assertThat(Table.safeText("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(Table.safeText("+1")).isEqualTo("'+1");
        assertThat(Table.safeText("-x")).isEqualTo("'-x");
        assertThat(Table.safeText("@x")).isEqualTo("'@x");
        assertThat(Table.safeText("Geografis")).isEqualTo("Geografis");
    }
}
