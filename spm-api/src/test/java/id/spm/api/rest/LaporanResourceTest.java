package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PopulationRepository.QualityItemRow;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The Laporan Penerapan SPM (issue 10): its figures are GET /achievements' for the same area and period (year, and
 * each quarter shown); the PDF carries the 12 services, the indices, the charts as images and the footnote (rule set,
 * category scheme, data version, computation time) on every page; the quarterly version; 403 for another district;
 * 304 on an unchanged report; a frozen submission rendered as frozen.
 */
@QuarkusTest
class LaporanResourceTest {

    static final String DISTRICT = "75.01";
    static final String PKM = "P7501010101";
    static final int YEAR = 2025;
    static final String URL = "/api/v1/reports/laporan";
    static boolean loaded;

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    @Inject
    PopulationRepository population;

    String admin;
    String viewer;

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        viewer = tokens.token("laporan-viewer", List.of(DISTRICT), "viewer");
        if (loaded) {
            return;
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Limboto", "kecamatanCode", "75.01.01", "population",
                        20000L, "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
        // Sasaran for every service, and one mutu item each (need 10, stock 8 → 80 %), so every IPSPM is computed.
        List<QualityItemRow> mutu = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            long amount = switch (s) {
                case HIV_RISK -> 60;
                case TB_PRESUMPTIVE -> 25;
                default -> 100 + 10L * s.ordinal();
            };
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("area", DISTRICT, "year", YEAR, "serviceCode", s.code(), "amount", amount, "source",
                            "DECREE", "note", "laporan test"))
                    .post("/api/v1/targets").then().statusCode(201);
            mutu.add(new QualityItemRow(DISTRICT, YEAR, null, s.code(), "GOODS", "Item " + s.number(), "buah",
                    BigDecimal.TEN, new BigDecimal("8"), null));
        }
        population.addQualityItems(DISTRICT, mutu);
        facts.write(DISTRICT, SampleData.persons("lap", 160, YEAR, List.of(PKM), 7));
        loaded = true;
    }

    private JsonPath achievements(Integer quarter) {
        var req = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR);
        if (quarter != null) {
            req = req.queryParam("quarter", quarter);
        }
        return req.get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
    }

    private Response laporan(Integer quarter, String format) {
        var req = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .queryParam("format", format);
        if (quarter != null) {
            req = req.queryParam("quarter", quarter);
        }
        return req.get(URL);
    }

    /** Every per-service figure and the sector index of the report equal the achievements of the same period. */
    private static void sameFigures(JsonPath report, String prefix, JsonPath ach) {
        assertThat(report.getList(prefix + "services")).hasSize(12);
        for (int i = 0; i < 12; i++) {
            String r = prefix + "services[" + i + "].";
            String a = "services[" + i + "].";
            assertThat(report.getString(r + "serviceCode")).isEqualTo(ach.getString(a + "serviceCode"));
            assertThat(report.getString(r + "name")).isEqualTo(ach.getString(a + "name"));
            assertThat(report.getLong(r + "realisasi")).isEqualTo(ach.getLong(a + "numerator"));
            assertThat(report.getString(r + "sasaran")).isEqualTo(ach.getString(a + "denominator.amount"));
            assertThat(report.getString(r + "sasaranProvenance")).isEqualTo(ach.getString(a + "denominator.explanation"));
            for (String f : List.of("coveragePercent", "penerimaPercent", "qualityPercent", "index", "category",
                    "mutuStatus")) {
                assertThat(report.getString(r + f)).as(r + f).isEqualTo(ach.getString(a + f));
            }
        }
        assertThat(report.getString(prefix + "summary.sectorIndex")).isEqualTo(ach.getString("sectorIndex"));
        assertThat(report.getString(prefix + "summary.sectorCategory")).isEqualTo(ach.getString("sectorCategory"));
    }

    static String id(String decimal) {
        DecimalFormatSymbols s = new DecimalFormatSymbols();
        s.setGroupingSeparator('.');
        s.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", s).format(new BigDecimal(decimal));
    }

    @Test
    void annualReportEqualsAchievementsAndThePdfCarriesServicesIndicesChartsAndTheFootnoteOnEveryPage()
            throws IOException {
        JsonPath ach = achievements(null);
        assertThat(ach.getString("sectorIndex")).as("the fixture computes every index").isNotNull();
        JsonPath json = laporan(null, "json").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        sameFigures(json, "", ach);
        assertThat(json.getString("kind")).isEqualTo("TAHUNAN");
        assertThat(json.getString("ruleSet")).isEqualTo(ach.getString("ruleSet"));
        assertThat(json.getLong("dataVersion")).isEqualTo(ach.getLong("dataVersion"));
        assertThat(json.getBoolean("categoryScheme.verified")).isFalse();
        long atTarget = 0;
        for (int i = 0; i < 12; i++) {
            String c = ach.getString("services[" + i + "].coveragePercent");
            if (c != null && new BigDecimal(c).compareTo(new BigDecimal("100")) >= 0) {
                atTarget++;
            }
        }
        assertThat(json.getInt("summary.atTarget")).isEqualTo(atTarget);
        assertThat(json.getString("summary.sentence")).contains("Dari 12 jenis pelayanan dasar, " + atTarget);
        // Below target → a permasalahan row, not filled (typed inputs absent), naming the input that fills it.
        assertThat(json.getList("permasalahan")).hasSize(12 - (int) atTarget);
        assertThat(json.getList("permasalahan.filled", Boolean.class)).containsOnly(false);
        assertThat(json.getList("sections.findAll { it.id == 'II.5' }.filled", Boolean.class)).containsExactly(false);
        assertThat(json.getString("sections.find { it.id == 'II.5' }.input")).contains("anggaran");
        // Quarter by quarter: the same computation for each quarter.
        assertThat(json.getList("quarters")).hasSize(4);
        for (int q = 1; q <= 4; q++) {
            JsonPath qa = achievements(q);
            String p = "quarters[" + (q - 1) + "].";
            assertThat(json.getString(p + "period")).isEqualTo(qa.getString("period"));
            assertThat(json.getString(p + "sectorIndex")).isEqualTo(qa.getString("sectorIndex"));
            for (int i = 0; i < 12; i++) {
                assertThat(json.getString(p + "services[" + i + "].index"))
                        .isEqualTo(qa.getString("services[" + i + "].index"));
                assertThat(json.getString(p + "services[" + i + "].coveragePercent"))
                        .isEqualTo(qa.getString("services[" + i + "].coveragePercent"));
            }
        }

        String html = laporan(null, "html").then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(1 + 5);
        assertThat(html).contains("Belum diisi").contains("BAB III PROGRAM DAN KEGIATAN");

        Response pdfResponse = laporan(null, "pdf");
        pdfResponse.then().statusCode(200).contentType("application/pdf").header("Content-Disposition",
                org.hamcrest.Matchers.containsString("laporan-spm-75.01-2025.pdf"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "laporan-test.pdf"), pdfResponse.asByteArray());
        try (PDDocument pdf = Loader.loadPDF(pdfResponse.asByteArray())) {
            String all = text(pdf, 1, pdf.getNumberOfPages());
            for (int i = 0; i < 12; i++) {
                assertThat(all).as("service name").contains(ach.getString("services[" + i + "].name"));
                assertThat(all).as("IPSPM of service " + (i + 1)).contains(id(ach.getString("services[" + i + "].index")));
            }
            assertThat(all).contains("IPSPM Bidang Kesehatan: " + id(ach.getString("sectorIndex")));
            assertThat(all).contains("LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN")
                    .contains("Pemerintah Kabupaten Gorontalo").contains("BAB II PENERAPAN DAN PENCAPAIAN SPM");
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int p = 1; p <= pages; p++) {
                String page = text(pdf, p, p);
                assertThat(page).as("footnote of page " + p).contains("Aturan: " + ach.getString("ruleSet"))
                        .contains("Skema kategori: BANDS-20").contains("belum diverifikasi")
                        .contains("Versi data: " + ach.getLong("dataVersion")).contains("Dihitung: ")
                        .contains("Halaman " + p + " dari " + pages);
            }
            assertThat(images(pdf)).as("embedded chart images").isGreaterThanOrEqualTo(5);
        }
    }

    /**
     * Issue 10 (left open then): II.4 lists each mutu item line (forms 2.B.4 and 2.B.5) and the LAMPIRAN prints the
     * forms themselves, each the forms endpoint's own table for the same area and year, on landscape pages that still
     * carry the footnote.
     */
    @Test
    void theAnnualReportPrintsEachMutuItemLineAndTheFormsAsItsAppendix() throws IOException {
        JsonPath goods = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .get("/api/v1/reports/forms/2.B.4").then().statusCode(200).extract().jsonPath();
        // This fixture's 12 items (need 10, stock 8); other tests of district 75.01 may add their own.
        List<String> items = goods.getList("rows.item", String.class).stream().filter(i -> i.startsWith("Item "))
                .toList();
        assertThat(items).hasSize(12);
        JsonPath e2 = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .get("/api/v1/reports/forms/2.E.2").then().statusCode(200).extract().jsonPath();

        String html = laporan(null, "html").then().statusCode(200).extract().asString();
        String ii4 = html.substring(html.indexOf("4. Mutu Minimal Layanan Dasar"), html.indexOf("5. Alokasi Anggaran"));
        assertThat(ii4).contains("Form 2.B.4").contains("Form 2.B.5").doesNotContain("belum dimuat");
        for (String item : items) {
            assertThat(ii4).as("mutu line " + item).containsPattern(java.util.regex.Pattern.quote("<td>" + item
                    + "</td><td class=\"n\">10</td><td class=\"n\">8</td><td class=\"n\">2</td>"));
        }
        String lampiran = html.substring(html.indexOf("<h2>LAMPIRAN</h2>"));
        int n = 1;
        for (String form : List.of("2.A.2", "2.A.3", "2.C.3", "2.C.4", "2.D.2", "2.E.2")) {
            assertThat(lampiran).contains("Lampiran " + n++ + ". Form " + form + " — ");
        }
        String e2Table = lampiran.substring(lampiran.indexOf("Form 2.E.2"));
        for (int i = 0; i < 12; i++) {
            assertThat(e2Table).as("2.E.2 row " + (i + 1)).contains(id(e2.getString("rows[" + i + "].index")));
        }

        try (PDDocument pdf = Loader.loadPDF(laporan(null, "pdf").then().statusCode(200).extract().asByteArray())) {
            int pages = pdf.getNumberOfPages();
            String all = text(pdf, 1, pages);
            assertThat(all).contains("Lampiran 6. Form 2.E.2").contains(items.get(11));
            var last = pdf.getPage(pages - 1).getMediaBox();
            assertThat(last.getWidth()).as("appendix pages are landscape").isGreaterThan(last.getHeight());
            assertThat(text(pdf, pages, pages)).contains("Halaman " + pages + " dari " + pages)
                    .contains("Versi data: ");
        }
    }

    @Test
    void quarterlyReportHasTheQuarterSectionsAndTheQuartersSoFar() throws IOException {
        JsonPath ach = achievements(2);
        JsonPath json = laporan(2, "json").then().statusCode(200).extract().jsonPath();
        sameFigures(json, "", ach);
        assertThat(json.getString("kind")).isEqualTo("TRIWULAN");
        assertThat(json.getString("period")).isEqualTo(YEAR + "-Q2");
        assertThat(json.getList("quarters.period")).containsExactly(YEAR + "-Q1", YEAR + "-Q2");
        assertThat(json.getList("sections.id")).containsExactly("II.2", "II.3", "II.5", "II.6", "II.7");
        try (PDDocument pdf = Loader.loadPDF(laporan(2, "pdf").then().statusCode(200).extract().asByteArray())) {
            String all = text(pdf, 1, pdf.getNumberOfPages());
            assertThat(all).contains("Triwulan II Tahun " + YEAR).doesNotContain("BAB III");
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                assertThat(text(pdf, p, p)).contains("Versi data: " + ach.getLong("dataVersion"));
            }
            assertThat(images(pdf)).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void anotherDistrictIsForbiddenAndAnUnchangedReportIs304() {
        String other = tokens.token("laporan-other", List.of("75.02"), "viewer");
        given().auth().oauth2(other).queryParam("area", DISTRICT).queryParam("year", YEAR).queryParam("format", "pdf")
                .get(URL).then().statusCode(403).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR).queryParam("format", "doc")
                .get(URL).then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("INVALID_FORMAT"));
        Response first = laporan(1, "json");
        first.then().statusCode(200);
        String tag = first.getHeader("ETag");
        assertThat(tag).isNotBlank();
        given().auth().oauth2(viewer).header("If-None-Match", tag).queryParam("area", DISTRICT)
                .queryParam("year", YEAR).queryParam("quarter", 1).queryParam("format", "json").get(URL).then()
                .statusCode(304);
        // Another representation of the same report is another tag.
        assertThat(laporan(1, "html").getHeader("ETag")).isNotEqualTo(tag);
    }

    @Test
    void aFrozenSubmissionRendersItsFrozenFigures() {
        long id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", DISTRICT, "year", YEAR, "quarter", 3)).post("/api/v1/submissions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath frozen = given().auth().oauth2(viewer).get("/api/v1/submissions/" + DISTRICT + "/" + YEAR + "?quarter=3")
                .then().statusCode(200).extract().jsonPath();
        JsonPath json = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .queryParam("quarter", 3).queryParam("submission", id).get(URL).then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getLong("submission.id")).isEqualTo(id);
        assertThat(json.getString("summary.sectorIndex")).isEqualTo(frozen.getString("frozen.sectorIndex"));
        assertThat(json.getList("services.index", String.class).toString())
                .isEqualTo(frozen.getList("frozen.services.index", String.class).toString());
        assertThat(json.getString("quarters[2].source")).isEqualTo("SUBMISSION");
        given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR).queryParam("quarter", 3)
                .queryParam("submission", id + 1000).get(URL).then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("SUBMISSION_NOT_FOUND"));
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(pdf).replaceAll("\\s+", " ");
    }

    private static int images(PDDocument pdf) throws IOException {
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            PDResources res = page.getResources();
            for (COSName name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }
}
