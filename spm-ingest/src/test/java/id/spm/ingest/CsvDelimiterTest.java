package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.CsvSheetReader;
import id.spm.ingest.read.Limits;
import id.spm.ingest.report.Report;
import id.spm.rules.model.PuskesmasInfo;

/**
 * Issue 8 finding 1: the delimiter of a CSV is decided by its header, not by counting {@code ;}
 * against {@code ,} over the first lines (a registry's desa lists are {@code ;}-separated).
 */
class CsvDelimiterTest {

    @TempDir
    Path dir;

    final Ingestor ingestor = TestFiles.ingestor(PuskesmasRegistry.unchecked());
    final List<Accepted> rows = new ArrayList<>();

    Report read(Path f) throws IOException {
        return ingestor.read(f, f.getFileName().toString(), new Ingestor.Options(null, TestFiles.TODAY), rows::add);
    }

    /** The desa of a kecamatan of Tana Toraja, plain 10-digit codes joined by {@code ;}. */
    static String desa(String kecamatan, int n) {
        List<String> all = TestFiles.REGIONS.below(kecamatan, 10);
        assertThat(all.size()).isGreaterThanOrEqualTo(n);
        List<String> plain = new ArrayList<>();
        for (String d : all.subList(0, n)) {
            plain.add(d.replace(".", ""));
        }
        return String.join(";", plain);
    }

    /** A district's registry as a spreadsheet program saves it: commas, desa lists with semicolons. */
    /** Desa per Puskesmas: a Puskesmas in Tana Toraja serves 5 to 15 desa and kelurahan. */
    static final int[] sizes = { 8, 12, 6, 10, 6, 5 };

    String registry(boolean quoteLists) {
        List<String> kec = TestFiles.REGIONS.below("73.18", 6).subList(0, 6);
        StringBuilder sb = new StringBuilder();
        sb.append("DAFTAR PUSKESMAS KABUPATEN TANA TORAJA\r\n");
        sb.append("Tahun 2025\r\n");
        sb.append("Kode Puskesmas,Nama Puskesmas,Kode Kecamatan,Kode Desa Wilayah Kerja,Penduduk Wilayah Kerja\r\n");
        for (int i = 0; i < kec.size(); i++) {
            String k = kec.get(i);
            String list = desa(k, sizes[i]);
            sb.append("P").append(k.replace(".", "")).append("0101,Puskesmas ").append(i + 1).append(",").append(k)
                    .append(",").append(quoteLists ? "\"" + list + "\"" : list).append(",").append(10_000 + i)
                    .append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void registryCsvWithUnquotedSemicolonListsIsReadWithCommas() throws IOException {
        Path f = Files.writeString(dir.resolve("puskesmas.csv"), registry(false), StandardCharsets.UTF_8);
        Report r = read(f);
        assertThat(r.refusal()).isNull();
        assertThat(r.layout()).isEqualTo("puskesmas");
        assertThat(r.headerRow()).isEqualTo(3);
        assertThat(r.errors()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(6);
        assertThat(r.rowsAccepted()).isEqualTo(6);
        PuskesmasInfo first = ((Accepted.PuskesmasRow) rows.get(0)).info();
        assertThat(first.desaCodes()).hasSize(8);
        assertThat(((Accepted.PuskesmasRow) rows.get(1)).info().desaCodes()).hasSize(12);
        assertThat(((Accepted.PuskesmasRow) rows.get(5)).info().desaCodes()).hasSize(5);
    }

    @Test
    void theReaderAloneDecidesByTheHeaderRow() throws IOException {
        Path comma = Files.writeString(dir.resolve("a.csv"), registry(false), StandardCharsets.UTF_8);
        try (CsvSheetReader r = CsvSheetReader.open(comma, "a.csv", Limits.defaults())) {
            assertThat(r.delimiter()).isEqualTo(',');
        }
        Path semi = Files.writeString(dir.resolve("b.csv"),
                "Puskesmas Makale, Kabupaten Tana Toraja, Sulawesi Selatan\n"
                        + "NIK;Nama;Tanggal Lahir;Jenis Kelamin;Berat Badan;Catatan\n"
                        + "1;Siti, Dewi, Ani;12/05/1990;P;52,5;hamil, anemia, rujuk, kontrol, edukasi, gizi\n",
                StandardCharsets.UTF_8);
        try (CsvSheetReader r = CsvSheetReader.open(semi, "b.csv", Limits.defaults())) {
            assertThat(r.delimiter()).isEqualTo(';');
        }
    }

    @Test
    void registryCsvWithQuotedSemicolonListsIsReadWithCommas() throws IOException {
        Path f = Files.writeString(dir.resolve("puskesmas.csv"), registry(true), StandardCharsets.UTF_8);
        Report r = read(f);
        assertThat(r.refusal()).isNull();
        assertThat(r.rowsAccepted()).isEqualTo(6);
        assertThat(((Accepted.PuskesmasRow) rows.get(3)).info().desaCodes()).hasSize(10);
    }

    @Test
    void semicolonCsvWithCommasInValuesStillUsesSemicolons() throws IOException {
        // A semicolon export (Excel in an Indonesian locale) whose values carry decimal commas and
        // commas in free text: the commas outnumber the semicolons, the header decides.
        String kec = TestFiles.REGIONS.below("73.18", 6).get(0);
        String pkm = "P" + kec.replace(".", "") + "0101";
        StringBuilder sb = new StringBuilder();
        sb.append("Kode Puskesmas;Nama Puskesmas;Kode Kecamatan;Kode Desa Wilayah Kerja;Penduduk Wilayah Kerja\n");
        sb.append(pkm).append(";Puskesmas Satu, Dua, Tiga, Empat, Lima, Enam, Tujuh, Delapan, Sembilan, Sepuluh;").append(kec)
                .append(";")
                .append(desa(kec, 1)).append(";12000\n");
        Path f = Files.writeString(dir.resolve("puskesmas-titik-koma.csv"), sb.toString(), StandardCharsets.UTF_8);
        Report r = read(f);
        assertThat(r.refusal()).isNull();
        assertThat(r.layout()).isEqualTo("puskesmas");
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(((Accepted.PuskesmasRow) rows.get(0)).info().name())
                .isEqualTo("Puskesmas Satu, Dua, Tiga, Empat, Lima, Enam, Tujuh, Delapan, Sembilan, Sepuluh");
        assertThat(((Accepted.PuskesmasRow) rows.get(0)).info().desaCodes()).hasSize(1);
    }

    @Test
    void byNameSemicolonExportIsStillRead() throws IOException {
        String nik = "7318014101900001";
        String csv = "NIK;Nama;Tanggal Lahir;Jenis Kelamin;Kode Puskesmas;Kelompok Risiko;Tanggal Tercatat\n" + nik
                + ";Siti;12/05/1990;P;P7318010101;Ibu Hamil;03/01/2025\n";
        Path f = Files.writeString(dir.resolve("hiv.csv"), csv, StandardCharsets.UTF_8);
        Ingestor strict = TestFiles.ingestor(PuskesmasRegistry.of(Set.of("P7318010101")));
        Report r = strict.read(f, "hiv.csv", new Ingestor.Options(null, TestFiles.TODAY), rows::add);
        assertThat(r.layout()).isEqualTo("hiv-tes");
        assertThat(r.rowsAccepted()).isEqualTo(1);
    }
}
