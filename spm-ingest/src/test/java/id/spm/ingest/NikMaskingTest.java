package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.Redaction;
import id.spm.ingest.report.Report;

/**
 * Issue 7 finding 5: no NIK reaches a report, whatever column it lands in. Any run of 16 digits
 * (also typed in groups with spaces, dots or dashes) is masked in every value, reason and note, and
 * values of name columns are cut short.
 */
class NikMaskingTest {

    static final String PKM = "P7318010101";
    static final String MOTHER = "7318014101900001";
    static final String BABY = "7318015505250002";
    static final String OTHER = "7318016607880003";
    /** 16 digits with or without separators between digit groups. */
    static final Pattern NIK_LIKE = Pattern.compile("\\d(?:[ .\\-\\u00A0]?\\d){15}");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path dir;

    final Ingestor ingestor = TestFiles.ingestor(PuskesmasRegistry.of(Set.of(PKM)));

    static final String HEADER = "NIK Bayi,Nama Bayi,Tanggal Lahir,Jenis Kelamin,NIK Ibu,Kode Puskesmas,Kode Desa,"
            + "Berat Lahir,Lahir Hidup/Mati,Perawatan Tali Pusat,IMD,Vitamin K1,Salep Mata,HB0,KN1,KN2,KN3";

    static String baby(String nik, String name, String birth) {
        return nik + "," + name + "," + birth + ",L," + MOTHER + "," + PKM
                + ",7318012010,3100,Lahir Hidup,Ya,Ya,Ya,Ya,Ya,12/05/2025 10:00,14/05/2025,20/05/2025";
    }

    Report read(String csv) throws IOException {
        Path f = Files.writeString(dir.resolve("bayi.csv"), csv, StandardCharsets.UTF_8);
        return ingestor.read(f, "bayi.csv", new Ingestor.Options(null, TestFiles.TODAY), a -> {
        });
    }

    static CellError error(Report r, ErrorCode code, String column) {
        return r.errors().stream().filter(g -> g.code() == code).flatMap(g -> g.errors().stream())
                .filter(e -> column.equals(e.column())).findFirst()
                .orElseThrow(() -> new AssertionError(code + " at " + column + " in " + r.errors()));
    }

    static void noNikIn(Object o) throws IOException {
        String json = JSON.writeValueAsString(o);
        assertThat(NIK_LIKE.matcher(json).find()).as(json).isFalse();
        for (String nik : List.of(MOTHER, BABY, OTHER)) {
            assertThat(json).doesNotContain(nik).doesNotContain(nik.substring(4));
        }
    }

    @Test
    void shiftedRowPutsTheMothersNikIntoKodePuskesmasAndItIsMasked() throws IOException {
        // An unquoted comma in the name shifts every later cell one column to the right.
        Report r = read(HEADER + "\n" + baby(BABY, "Bayi Ny. Siti, Aminah", "12/05/2025") + "\n");
        assertThat(r.rowsRejected()).isEqualTo(1);
        CellError code = error(r, ErrorCode.INVALID_CODE, "F");
        assertThat(code.header()).isEqualTo("Kode Puskesmas");
        assertThat(code.value()).isEqualTo("7318************");
        assertThat(code.reason()).contains("7318************").doesNotContain(MOTHER);
        noNikIn(r);
    }

    @Test
    void nikTypedInADateColumnIsMaskedWithOrWithoutSeparators() throws IOException {
        Report r = read(HEADER + "\n" + baby(BABY, "Bayi Ny. Siti", OTHER) + "\n"
                + baby("", "Bayi Ny. Rina", "7318 0166 0788 0003") + "\n"
                + baby("", "Bayi Ny. Ani", "7318.0166.0788.0003") + "\n"
                + baby("", "Bayi Ny. Ina", "7318-0166-0788-0003") + "\n");
        assertThat(r.rowsRejected()).isEqualTo(4);
        CellError date = error(r, ErrorCode.INVALID_DATE, "C");
        assertThat(date.value()).isEqualTo("7318************");
        noNikIn(r);
    }

    @Test
    void nikTypedInANameColumnIsCutShortAndMasked() throws IOException {
        // A formula is the error a text column can have; its value is shown cut short.
        Report r = read(HEADER + "\n" + baby(BABY, "=\"" + OTHER + " Siti Aminah\"", "12/05/2025") + "\n");
        CellError name = error(r, ErrorCode.FORMULA, "B");
        assertThat(name.value()).hasSizeLessThanOrEqualTo(5).endsWith("…");
        noNikIn(r);
    }

    @Test
    void nikInAnUnknownColumnHeaderAndInANoteIsMasked() throws IOException {
        Report r = read(HEADER + "," + OTHER + "," + OTHER + "\n" + baby(BABY, "Bayi Ny. Siti", "12/05/2025")
                + ",x,y\n");
        assertThat(r.unknownColumns()).isNotEmpty();
        noNikIn(r);
    }

    @Test
    void refusalsAndRefusedReportsAreMasked() throws IOException {
        FileRefusedException e = new FileRefusedException(FileRefusedException.Code.SHEET_NOT_FOUND,
                "The workbook has no sheet named '" + OTHER + "'.");
        assertThat(e.getMessage()).doesNotContain(OTHER).contains("7318************");
        noNikIn(Report.refused(OTHER + ".csv", "NO_HEADER", "row 1 holds " + OTHER));
    }

    @Test
    void redactionRules() {
        assertThat(Redaction.mask("NIK 7318014101900001 ok")).isEqualTo("NIK 7318************ ok");
        assertThat(Redaction.mask("7318 0141 0190 0001")).isEqualTo("7318 **** **** ****");
        assertThat(Redaction.mask("73180141019000011")).isEqualTo("7318*************");
        // Codes, dates and shorter numbers are left alone.
        String codes = "P7318010101, 73.18.01.2001, 1.02.02.2.02.0001, 12/05/2025, 081234567890, 3.27311E+15";
        assertThat(Redaction.mask(codes)).isEqualTo(codes);
        // Digit groups joined by one space count as one run: masking errs on the safe side.
        assertThat(Redaction.mask("7318012001 7318012002")).isEqualTo("7318****** **********");
        assertThat(Redaction.mask(null)).isNull();
        assertThat(Redaction.truncateName("Siti Aminah")).isEqualTo("Sit…");
        assertThat(Redaction.truncateName("Ani")).isEqualTo("Ani");
    }
}
