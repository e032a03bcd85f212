package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.layout.Layout;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.layout.RowKind;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.Limits;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.Report;

/** The typed-input layouts of the report forms (issue 10; reports.md §9) read through the one reader. */
class FormInputLayoutsTest {

    static final LayoutRegistry INPUTS = LayoutRegistry.formInputs();

    @TempDir
    Path dir;

    @Test
    void the_six_input_layouts_load_apart_from_the_built_ins() {
        assertThat(INPUTS.all()).extracting(Layout::name).containsExactly("anggaran", "kendala", "fasyankes-sdm",
                "kebutuhan-sdm", "rencana", "narasi");
        assertThat(INPUTS.all()).allMatch(l -> l.target() == RowKind.FORM_INPUT && !l.key().isEmpty());
        // An import job never detects them: they are not among the built-ins.
        assertThat(LayoutRegistry.builtIn().find("anggaran")).isEmpty();
        // reports.md §4.3: the funding sources.
        assertThat(INPUTS.find("anggaran").orElseThrow().column("fund").vocabulary().values()).contains("APBD",
                "DAK_FISIK", "DAK_NON_FISIK", "JKN_KAPITASI", "BLUD", "APBN", "LAINNYA");
    }

    @Test
    void rows_become_typed_values_and_bad_rows_are_located() throws Exception {
        Path f = dir.resolve("anggaran.csv");
        Files.writeString(f, """
                Kode Wilayah;Tahun;Triwulan;Kode Layanan;Sumber Dana;Alokasi Anggaran (Rp);Realisasi (Rp)
                73.18;2025;2;1.02.02.2.02.0001;DAK Non Fisik;656212697;300000000
                73.18;2025;2;1.02.02.2.02.0001;Hibah;1000;
                73.18;2025;2;1.02.02.2.02.0001;BOK;5;
                """, StandardCharsets.UTF_8);
        Ingestor ingestor = new Ingestor(INPUTS, TestFiles.REGIONS, PuskesmasRegistry.of(Set.of()), TestFiles.KEYS,
                Limits.defaults());
        List<Accepted> rows = new ArrayList<>();
        Report r = ingestor.read(f, "anggaran.csv", new Ingestor.Options("anggaran", LocalDate.of(2025, 12, 1)),
                rows::add);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(r.rowsRejected()).isEqualTo(2);
        Accepted.InputRow row = (Accepted.InputRow) rows.get(0);
        assertThat(row.areaCode()).isEqualTo("73.18");
        assertThat(row.values()).containsEntry("service", "1.02.02.2.02.0001").containsEntry("fund", "DAK_NON_FISIK")
                .containsEntry("quarter", 2L);
        assertThat((BigDecimal) row.values().get("allocation")).isEqualByComparingTo("656212697");
        List<CellError> errors = r.errors().stream().flatMap(g -> g.errors().stream()).toList();
        // Row 3: a fund outside the vocabulary, at its cell; row 4: BOK is DAK Non Fisik again, a duplicate key.
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("E");
            assertThat(e.header()).isEqualTo("Sumber Dana");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ROW);
            assertThat(e.row()).isEqualTo(4);
        });
    }

    @Test
    void narrative_rows_take_a_section_from_the_closed_list_and_a_bad_section_is_located() throws Exception {
        Path f = dir.resolve("narasi.csv");
        Files.writeString(f, """
                Kode Wilayah;Tahun;Triwulan;Bagian;Teks;Status Tahapan
                73.18;2025;;Latar Belakang;"Baris satu.
                Baris dua.";
                73.18;2025;;Pengumpulan Data;SK sasaran ditetapkan;Selesai
                73.18;2025;;Bab Lima;Teks;
                """, StandardCharsets.UTF_8);
        Ingestor ingestor = new Ingestor(INPUTS, TestFiles.REGIONS, PuskesmasRegistry.of(Set.of()), TestFiles.KEYS,
                Limits.defaults());
        List<Accepted> rows = new ArrayList<>();
        Report r = ingestor.read(f, "narasi.csv", new Ingestor.Options("narasi", LocalDate.of(2025, 12, 1)), rows::add);
        assertThat(r.rowsAccepted()).isEqualTo(2);
        assertThat(((Accepted.InputRow) rows.get(0)).values()).containsEntry("section", "LATAR_BELAKANG")
                .containsEntry("text", "Baris satu.\nBaris dua.");
        assertThat(((Accepted.InputRow) rows.get(1)).values()).containsEntry("section", "TAHAP_PENGUMPULAN_DATA")
                .containsEntry("status", "SELESAI");
        List<CellError> errors = r.errors().stream().flatMap(g -> g.errors().stream()).toList();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            // Row 4: the fourth record (the quoted two-line text is one record).
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("D");
            assertThat(e.header()).isEqualTo("Bagian");
        });
    }
}
