package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.read.Limits;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.Report;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.TenTItem;

class IngestorTest {

    static final String PKM = "P7318010101";
    static final List<String> ANC_HEADER = List.of("No", "NIK Ibu", "Nama Ibu", "Tgl. Lahir Ibu", "Kode PKM",
            "Kode Desa", "HPHT", "Tanggal Kunjungan", "Kunjungan Ke", "Pemeriksa", "USG", "Tekanan Darah");
    static final String NIK = "7318014101900001";

    @TempDir
    Path dir;

    final Ingestor ingestor = TestFiles.ingestor(PuskesmasRegistry.of(Set.of(PKM)));
    final List<Accepted> rows = new ArrayList<>();

    Report read(Path f, String layout) throws IOException {
        return ingestor.read(f, f.getFileName().toString(), new Ingestor.Options(layout, TestFiles.TODAY), rows::add);
    }

    static List<Object> anc(Object nik, Object birth, Object pkm, Object desa, Object date, Object visit,
            Object examiner, Object usg, Object bp) {
        return Arrays.asList("1", nik, "Siti", birth, pkm, desa, "01/03/2025", date, visit, examiner, usg, bp);
    }

    List<List<?>> ancFile(List<?>... data) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("DINAS KESEHATAN KABUPATEN TANA TORAJA"));
        rows.add(List.of("PUSKESMAS BONGGAKARADENG", "Kode: " + PKM));
        rows.add(List.of("BULAN: Agustus 2025"));
        rows.add(List.of());
        rows.add(ANC_HEADER);
        rows.addAll(Arrays.asList(data));
        return rows;
    }

    @Test
    void headerBelowTitleRowsAndTitleValuesAreFound() throws IOException {
        Path f = TestFiles.xlsx(dir, "anc.xlsx", ancFile(
                anc(NIK, "12/05/1990", PKM, "7318012010", "05/08/2025", "K1A", "Dokter", "Ya", "Y")), true);
        Report r = read(f, null);
        assertThat(r.errors()).isEmpty();
        assertThat(r.layout()).isEqualTo("ekohort-anc");
        assertThat(r.headerRow()).isEqualTo(5);
        assertThat(r.title().puskesmas()).isEqualTo(PKM);
        assertThat(r.title().year()).isEqualTo(2025);
        assertThat(r.title().month()).isEqualTo(8);
        assertThat(r.unknownColumns()).containsExactly("No (A)");
        assertThat(r.columns()).containsEntry("D", "Tgl. Lahir Ibu");
        assertThat(r.rowsAccepted()).isEqualTo(1);
        Accepted.EventRow e = (Accepted.EventRow) rows.get(0);
        AncVisit v = (AncVisit) e.event();
        assertThat(v.date()).isEqualTo(LocalDate.of(2025, 8, 5));
        assertThat(v.tenT()).containsExactly(TenTItem.BLOOD_PRESSURE);
        assertThat(e.person().id()).isEqualTo(TestFiles.KEYS.ofNik(NIK));
        assertThat(e.person().desaCode()).isEqualTo("73.18.01.2010");
        assertThat(e.naturalKey()).isEqualTo("2025-08-05|K1A");
        assertThat(e.location()).isEqualTo(new Accepted.Location("Data", 6));
        assertThat(r.puskesmas()).containsExactly(PKM);
    }

    /** Each error code, located as the user sees it: sheet, row (title rows counted), letter, header, raw. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "NIK|3.27311E+15|NIK_NOT_TEXT|B|NIK Ibu|3.273***+**",
            "NIK|123|NIK_INVALID|B|NIK Ibu|123",
            "NIK||REQUIRED_MISSING|B|NIK Ibu|null",
            "BIRTH|31/02/1990|INVALID_DATE|D|Tgl. Lahir Ibu|31/02/1990",
            "BIRTH|01/01/1899|DATE_BEFORE_1900|D|Tgl. Lahir Ibu|01/01/1899",
            "BIRTH|06/08/2025|BIRTH_AFTER_EVENT|D|Tgl. Lahir Ibu|06/08/2025",
            "DATE|20/01/2026|DATE_IN_FUTURE|H|Tanggal Kunjungan|20/01/2026",
            "PKM|P7318010199|UNKNOWN_PUSKESMAS|E|Kode PKM|P7318010199",
            "PKM|PKM1|INVALID_CODE|E|Kode PKM|PKM1",
            "DESA|7318019999|UNKNOWN_REGION|F|Kode Desa|7318019999",
            "VISIT|K9|INVALID_VALUE|I|Kunjungan Ke|K9",
            "USG|mungkin|INVALID_YESNO|K|USG|mungkin",
            "USG|x|FORMULA|K|USG|x" })
    void everyErrorCodeWithItsLocation(String what, String raw, ErrorCode code, String letter, String header,
            String shown) throws IOException {
        String value = raw == null ? "" : raw;
        if (code == ErrorCode.FORMULA) {
            value = "=cmd|' /C calc'!A0";
            shown = value;
        }
        List<Object> row = anc(NIK, "12/05/1990", PKM, "7318012010", "05/08/2025", "K1A", "Dokter", "Ya", "Y");
        int idx = switch (what) {
            case "NIK" -> 1;
            case "BIRTH" -> 3;
            case "PKM" -> 4;
            case "DESA" -> 5;
            case "DATE" -> 7;
            case "VISIT" -> 8;
            default -> 10;
        };
        row.set(idx, value.isEmpty() ? null : value);
        Path f = TestFiles.csv(dir, "anc.csv", ancFile(row));
        Report r = read(f, "ekohort-anc");
        assertThat(r.rowsRejected()).isEqualTo(1);
        assertThat(r.rowsAccepted()).isZero();
        assertThat(rows).isEmpty();
        assertThat(r.errors()).hasSize(1);
        CellError e = r.errors().get(0).errors().get(0);
        assertThat(e).isEqualTo(new CellError(code, "anc.csv", 6, letter, header, shown, e.reason()));
        assertThat(e.reason()).isNotBlank();
    }

    @Test
    void aNumericNikCellInXlsxIsAnErrorTellingToFormatAsText() throws IOException {
        Path f = TestFiles.xlsx(dir, "anc.xlsx", ancFile(
                anc(7318014101900001L, "12/05/1990", PKM, null, "05/08/2025", "K2", "Bidan", "T", null)), false);
        Report r = read(f, null);
        CellError e = r.errors().get(0).errors().get(0);
        assertThat(e.code()).isEqualTo(ErrorCode.NIK_NOT_TEXT);
        assertThat(e.value()).isEqualTo("7318************");
        assertThat(e.reason()).contains("Text");
    }

    @Test
    void excelSerialDatesAndDuplicates() throws IOException {
        List<Object> a = anc(NIK, LocalDate.of(1990, 5, 12), PKM, null, LocalDate.of(2025, 8, 5), "K1A", "Dokter",
                "Ya", null);
        Path f = TestFiles.xlsx(dir, "anc.xlsx", ancFile(a, a), true);
        Report r = read(f, null);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(r.errors().get(0).code()).isEqualTo(ErrorCode.DUPLICATE_ROW);
        assertThat(r.errors().get(0).errors().get(0).row()).isEqualTo(7);
        assertThat(((AncVisit) ((Accepted.EventRow) rows.get(0)).event()).date()).isEqualTo(LocalDate.of(2025, 8, 5));
    }

    @Test
    void thousandsOfUnknownColumnsAreIgnoredAndListed() throws IOException {
        List<Object> header = new ArrayList<>(ANC_HEADER);
        List<Object> row = new ArrayList<>(anc(NIK, "12/05/1990", PKM, null, "05/08/2025", "K1A", "Dokter", "Ya", null));
        for (int i = 0; i < 1200; i++) {
            header.add("Ekstra " + i);
            row.add("x" + i);
        }
        Path f = TestFiles.csv(dir, "wide.csv", List.of(header, row));
        Report r = read(f, null);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(r.unknownColumns()).hasSize(1201);
        assertThat(r.warnings()).anyMatch(w -> w.contains("1201 column(s)"));
    }

    @Test
    void aHeaderMatchingNoLayoutOrNotTheClaimedOneIsRefused() throws IOException {
        Path f = TestFiles.csv(dir, "x.csv", List.of(List.of("Foo", "Bar"), List.of("1", "2")));
        assertThatThrownBy(() -> read(f, null)).isInstanceOfSatisfying(FileRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(FileRefusedException.Code.NO_HEADER));
        Path g = TestFiles.csv(dir, "anc.csv",
                ancFile(anc(NIK, "12/05/1990", PKM, null, "05/08/2025", "K1A", "Dokter", "Ya", null)));
        assertThatThrownBy(() -> read(g, "ptm-kunjungan")).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(FileRefusedException.Code.LAYOUT_MISMATCH);
            assertThat(e.getMessage()).contains("Diagnosis");
        });
        assertThatThrownBy(() -> read(g, "tidak-ada")).isInstanceOfSatisfying(FileRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(FileRefusedException.Code.UNKNOWN_LAYOUT));
    }

    @Test
    void aRegionAddsItsOwnLayoutFileWithoutCode() throws IOException {
        Path layouts = Files.createDirectories(dir.resolve("layouts"));
        Files.writeString(layouts.resolve("anc-kab.json"), """
                { "name": "ekohort-anc-kab", "extends": "ekohort-anc",
                  "aliases": { "nik": ["No Induk Bumil"], "date": ["Tgl Datang"] },
                  "columns": [ { "field": "examiner", "header": "Nakes", "type": "enum",
                                 "values": { "dr": "DOCTOR", "bdn": "MIDWIFE" }, "required": true } ] }
                """);
        LayoutRegistry reg = LayoutRegistry.withDirectory(layouts);
        Ingestor own = new Ingestor(reg, TestFiles.REGIONS, PuskesmasRegistry.of(Set.of(PKM)), TestFiles.KEYS,
                Limits.defaults());
        Path f = TestFiles.csv(dir, "kab.csv", List.of(
                List.of("No Induk Bumil", "Nama Ibu", "Tanggal Lahir Ibu", "Kode Puskesmas", "Kode Desa", "HPHT",
                        "Tgl Datang", "Kunjungan Ke", "Nakes", "USG"),
                List.of(NIK, "Siti", "12/05/1990", PKM, "", "", "05/08/2025", "3", "bdn", "tidak")));
        Report r = own.read(f, "kab.csv", new Ingestor.Options(null, TestFiles.TODAY), rows::add);
        assertThat(r.layout()).isEqualTo("ekohort-anc-kab");
        assertThat(r.rowsAccepted()).isEqualTo(1);
        AncVisit v = (AncVisit) ((Accepted.EventRow) rows.get(0)).event();
        assertThat(v.visitCode()).isEqualTo("K3");
        assertThat(v.tenT()).isNull();
    }

    @Test
    void aBabyWithoutNikIsKeyedByMotherBirthAndName() throws IOException {
        Path f = TestFiles.csv(dir, "bayi.csv", List.of(
                List.of("NIK Bayi", "Nama Bayi", "Tanggal Lahir", "Jenis Kelamin", "NIK Ibu", "Kode Puskesmas",
                        "Kode Desa", "Berat Lahir (g)", "Lahir Hidup/Mati", "Perawatan Tali Pusat", "IMD",
                        "Vitamin K1", "Salep Mata", "HB0", "KN1", "KN2", "KN3"),
                List.of("", "Bayi  Ny. Siti", "01/08/2025", "P", NIK, PKM, "", "3100", "Hidup", "Ya", "Ya", "Ya",
                        "Ya", "Ya", "01/08/2025 20:30", "04/08/2025", ""),
                List.of("", "Bayi B", "02/08/2025", "L", NIK, PKM, "", "3000", "Hidup", "", "", "", "", "",
                        "01/08/2025 10:00", "", "")));
        Report r = read(f, null);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        Accepted.EventRow e = (Accepted.EventRow) rows.get(0);
        assertThat(e.person().id()).isEqualTo(TestFiles.KEYS.ofBaby(NIK, LocalDate.of(2025, 8, 1), "bayi ny siti"));
        Newborn n = (Newborn) e.event();
        assertThat(n.motherId()).isEqualTo(TestFiles.KEYS.ofNik(NIK));
        assertThat(n.kn1DateTime()).isEqualTo(LocalDate.of(2025, 8, 1).atTime(20, 30));
        assertThat(n.essentialCare()).hasSize(5);
        CellError err = r.errors().get(0).errors().get(0);
        assertThat(err.code()).isEqualTo(ErrorCode.BIRTH_AFTER_EVENT);
        assertThat(err.column()).isEqualTo("O");
        assertThat(err.row()).isEqualTo(3);
    }

    @Test
    void personKeysLinkAcrossFilesAndAreKeyed() throws IOException {
        PersonKeys other = PersonKeys.of(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
        assertThat(TestFiles.KEYS.ofNik(NIK)).isEqualTo(TestFiles.KEYS.ofNik(NIK)).isNotEqualTo(other.ofNik(NIK))
                .matches("[0-9a-f]{64}");
        Path keyFile = dir.resolve("data/person-key.hex");
        PersonKeys created = PersonKeys.loadOrCreate(keyFile);
        assertThat(PersonKeys.loadOrCreate(keyFile).ofNik(NIK)).isEqualTo(created.ofNik(NIK));
        assertThat(Files.readString(keyFile).strip()).hasSize(64);
        assertThatThrownBy(() -> PersonKeys.of(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
