package id.spm.api.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.model.Laporan;
import id.spm.api.model.LaporanTyped;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The typed parts of the Laporan (what the forms' inputs will provide through {@link LaporanInputs}): placed in their
 * sections, marked filled, money summed and its percentage computed, typed text escaped in HTML, and the PDF renders
 * them; the figures stay the computation's.
 */
@QuarkusTest
class LaporanTypedPartsTest {

    static final String DISTRICT = "75.03";
    static final String PKM = "P7503010101";

    @Inject
    LaporanService service;

    @Inject
    LaporanDocument document;

    @Inject
    TestTokens tokens;

    @Test
    void typedPartsFillTheirSectionsAndTypedTextIsEscaped() throws IOException {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Tapa", "kecamatanCode", "75.03.01", "population", 9000L,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
        String ibuHamil = SpmService.ANTENATAL.code();
        LaporanTyped typed = new LaporanTyped(
                new LaporanTyped.Narrative("Puji syukur <script>alert(1)</script>", "Latar belakang kabupaten.",
                        List.of("UU 23/2014", "Perbup Bone Bolango 1/2025"), "Kebijakan umum.", "Arah kebijakan.",
                        "Penutup laporan."),
                List.of(new LaporanTyped.Budget(ibuHamil, new BigDecimal("656212697"), new BigDecimal("512000000"),
                        List.of("DAK Non Fisik", "JKN")),
                        new LaporanTyped.Budget(SpmService.DELIVERY.code(), new BigDecimal("121250000"), null,
                                List.of("APBD"))),
                List.of(new LaporanTyped.Kendala(ibuHamil, List.of("Geografis", "Mobilisasi penduduk"),
                        List.of("Sosialisasi pemanfaatan RTK"))),
                List.of(new LaporanTyped.Program(ibuHamil, "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                        "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar", "Orang",
                        new BigDecimal("6423"), "RENSTRA", new BigDecimal("656212697"), "DAK Non Fisik")),
                List.of(new LaporanTyped.Stage("Pengumpulan Data", true, "SK sasaran 2025")));

        Laporan l = service.laporan(DISTRICT, Period.ofYear(2025), null, typed);

        assertThat(l.anggaranTotal()).isEqualByComparingTo("777462697");
        assertThat(l.anggaran().get(0).realisasiPercent()).isEqualByComparingTo("78.02");
        assertThat(l.anggaran().get(1).realisasiPercent()).isNull();
        Laporan.KendalaRow k = l.permasalahan().stream().filter(r -> r.serviceCode().equals(ibuHamil)).findFirst()
                .orElseThrow();
        assertThat(k.filled()).isTrue();
        assertThat(k.solusi()).containsExactly("Sosialisasi pemanfaatan RTK");
        assertThat(l.sections()).filteredOn(s -> List.of("KP", "I.A", "II.5", "II.7", "III", "IV").contains(s.id()))
                .allMatch(Laporan.Section::filled);
        // Other services below target are still prefilled, unfilled: II.6 is not complete.
        assertThat(l.sections()).filteredOn(s -> s.id().equals("II.6")).noneMatch(Laporan.Section::filled);

        String html = document.html(l);
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(html).contains("656.212.697").contains("777.462.697").contains("78,02")
                .contains("DAK Non Fisik, JKN").contains("Perbup Bone Bolango 1/2025")
                .doesNotContain("Daftar baku (reports.md");
        try (PDDocument pdf = Loader.loadPDF(document.pdf(l))) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Geografis").contains("Sosialisasi pemanfaatan RTK")
                    .contains("Pengelolaan Pelayanan").contains("6.423").contains("SK sasaran 2025")
                    .contains("Penutup laporan.").contains("777.462.697");
        }
    }
}
