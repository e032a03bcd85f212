package id.spm.api.rest;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.service.Numbers;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The Laporan's typed sections come from the forms' typed inputs (issue 10; reports.md §5.4, §9): anggaran, kendala,
 * rencana and narasi rows PUT through the API appear in their sections of the JSON and the PDF, the budget table
 * equals form "anggaran", the ETag follows the typed inputs, and a frozen submission keeps the inputs it was frozen
 * with.
 */
@QuarkusTest
class LaporanInputsResourceTest {

    static final String DISTRICT = "76.01";
    static final String PKM = "P7601010101";
    static final int YEAR = 2025;
    static final String LAPORAN = "/api/v1/reports/laporan";
    static final String ANC = SpmService.ANTENATAL.code();
    static final String DELIVERY = SpmService.DELIVERY.code();

    @Inject
    TestTokens tokens;

    String admin;
    String viewer;

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        viewer = tokens.token("laporan-inputs-viewer", List.of(DISTRICT), "viewer");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Bambalamotu", "kecamatanCode", "76.01.01", "population",
                        12000L, "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
    }

    private void put(String layout, Integer quarter, List<Map<String, Object>> rows) {
        var req = given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("area", DISTRICT)
                .queryParam("year", YEAR);
        if (quarter != null) {
            req = req.queryParam("quarter", quarter);
        }
        req.body(rows).put("/api/v1/reports/inputs/" + layout).then().statusCode(200);
    }

    private Response laporan(Integer quarter, String format, Long submission) {
        var req = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .queryParam("format", format);
        if (quarter != null) {
            req = req.queryParam("quarter", quarter);
        }
        if (submission != null) {
            req = req.queryParam("submission", submission);
        }
        return req.get(LAPORAN);
    }

    @Test
    void typedInputsFillTheirSectionsInJsonAndPdfAndTheBudgetEqualsFormAnggaran() throws IOException {
        put("anggaran", null, List.of(
                Map.of("service", ANC, "fund", "DAK Non Fisik", "allocation", 656212697, "realisation", 500000000),
                Map.of("service", ANC, "fund", "JKN", "allocation", 120000000, "realisation", 12000000),
                Map.of("service", DELIVERY, "fund", "APBD", "allocation", 121250000)));
        put("kendala", null, List.of(Map.of("service", ANC, "problems", "Akses geografis sulit\nMobilisasi penduduk",
                "solutions", "Kunjungan rumah terjadwal")));
        put("rencana", null, List.of(Map.of("document", "Renstra", "code", "1.02.02.2.02.0001", "name",
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "service", ANC, "indicator",
                "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar", "unit", "Orang", "year", YEAR,
                "target", 6423, "budget", 656212697, "fund", "DAK Non Fisik")));
        put("narasi", null, List.of(Map.of("section", "Kata Pengantar", "text", "Puji syukur Pasangkayu <b>tebal</b>"),
                Map.of("section", "Latar Belakang", "text", "Latar belakang Pasangkayu"),
                Map.of("section", "Kebijakan Umum", "text", "Kebijakan umum Pasangkayu"),
                Map.of("section", "Arah Kebijakan", "text", "Arah kebijakan Pasangkayu"),
                Map.of("section", "Pengumpulan Data", "text", "SK sasaran Pasangkayu", "status", "Selesai"),
                Map.of("section", "Pelaksanaan", "text", "Pelaksanaan berjalan", "status", "Belum"),
                Map.of("section", "Penutup", "text", "Penutup laporan Pasangkayu")));

        JsonPath l = laporan(null, "json", null).then().statusCode(200).extract().jsonPath();
        assertThat(l.getString("typed.narrative.kataPengantar")).isEqualTo("Puji syukur Pasangkayu <b>tebal</b>");
        assertThat(l.getString("typed.narrative.latarBelakang")).isEqualTo("Latar belakang Pasangkayu");
        assertThat(l.getString("typed.narrative.kebijakanUmum")).isEqualTo("Kebijakan umum Pasangkayu");
        assertThat(l.getString("typed.narrative.arahKebijakan")).isEqualTo("Arah kebijakan Pasangkayu");
        assertThat(l.getString("typed.narrative.penutup")).isEqualTo("Penutup laporan Pasangkayu");
        assertThat(l.getList("typed.stages")).hasSize(5);
        assertThat(l.getBoolean("typed.stages[0].done")).isTrue();
        assertThat(l.getString("typed.stages[0].note")).isEqualTo("SK sasaran Pasangkayu");
        assertThat(l.getBoolean("typed.stages[1].done")).isFalse();
        assertThat(l.getBoolean("typed.stages[3].done")).isFalse();
        assertThat(l.getString("typed.programs[0].nama")).isEqualTo("Pengelolaan Pelayanan Kesehatan Ibu Hamil");
        assertThat(l.getString("typed.programs[0].dokumen")).isEqualTo("RENSTRA");
        Map<String, Object> kendala = l.getMap("permasalahan.find { it.serviceCode == '" + ANC + "' }");
        assertThat(kendala.get("permasalahan")).isEqualTo(List.of("Akses geografis sulit", "Mobilisasi penduduk"));
        assertThat(kendala.get("solusi")).isEqualTo(List.of("Kunjungan rumah terjadwal"));
        assertThat(kendala.get("filled")).isEqualTo(true);
        for (String id : List.of("KP", "I.A", "I.C", "I.D", "II.5", "II.7", "III", "IV")) {
            assertThat(l.getBoolean("sections.find { it.id == '" + id + "' }.filled")).as(id).isTrue();
        }

        // The budget table is form "anggaran": same services, allocation, realisation and funds; same total.
        JsonPath form = given().auth().oauth2(viewer).queryParam("area", DISTRICT).queryParam("year", YEAR)
                .get("/api/v1/reports/forms/anggaran").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> budget = l.getList("anggaran");
        assertThat(budget).extracting(b -> b.get("serviceCode")).containsExactly(ANC, DELIVERY);
        for (Map<String, Object> b : budget) {
            Map<String, Object> row = form.getMap("rows.find { it.serviceCode == '" + b.get("serviceCode") + "' }");
            assertThat(new BigDecimal(b.get("alokasi").toString()))
                    .isEqualByComparingTo(new BigDecimal(row.get("allocation").toString()));
            assertThat(b.get("realisasi") == null ? null : new BigDecimal(b.get("realisasi").toString()))
                    .isEqualTo(row.get("realisation") == null ? null : new BigDecimal(row.get("realisation").toString()));
            assertThat(String.join(", ", (List<String>) b.get("sumberDana"))).isEqualTo(row.get("funds"));
        }
        assertThat(new BigDecimal(l.getString("anggaranTotal")))
                .isEqualByComparingTo(new BigDecimal(form.getString("totals[0].allocation")))
                .isEqualByComparingTo("897462697");

        byte[] pdf = laporan(null, "pdf", null).then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Puji syukur Pasangkayu <b>tebal</b>", "Latar belakang Pasangkayu",
                    "Kebijakan umum Pasangkayu", "Arah kebijakan Pasangkayu", "Penutup laporan Pasangkayu",
                    "SK sasaran Pasangkayu", "Akses geografis sulit", "Kunjungan rumah terjadwal",
                    "Pengelolaan", "RENSTRA", Numbers.rupiah(new BigDecimal("897462697")),
                    Numbers.rupiah(new BigDecimal("776212697")));
        }
        // Typed text is escaped in the HTML.
        String html = laporan(null, "html", null).then().statusCode(200).extract().asString();
        assertThat(html).contains("Puji syukur Pasangkayu &lt;b&gt;tebal&lt;/b&gt;").doesNotContain("<b>tebal</b>");
    }

    @Test
    void theEtagFollowsTypedInputsAndAFrozenSubmissionKeepsItsInputs() {
        int q = 2;
        put("kendala", q, List.of(Map.of("service", DELIVERY, "problems", "Kendala pertama triwulan dua")));
        Response first = laporan(q, "json", null);
        String tag = first.getHeader("ETag");
        assertThat(tag).isNotBlank();
        given().auth().oauth2(viewer).header("If-None-Match", tag).queryParam("area", DISTRICT)
                .queryParam("year", YEAR).queryParam("quarter", q).queryParam("format", "json").get(LAPORAN).then()
                .statusCode(304);

        put("kendala", q, List.of(Map.of("service", DELIVERY, "problems", "Kendala kedua triwulan dua")));
        Response second = laporan(q, "json", null);
        assertThat(second.getHeader("ETag")).isNotEqualTo(tag);
        given().auth().oauth2(viewer).header("If-None-Match", tag).queryParam("area", DISTRICT)
                .queryParam("year", YEAR).queryParam("quarter", q).queryParam("format", "json").get(LAPORAN).then()
                .statusCode(200);

        long id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", DISTRICT, "year", YEAR, "quarter", q)).post("/api/v1/submissions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        put("kendala", q, List.of(Map.of("service", DELIVERY, "problems", "Kendala sesudah submission")));

        JsonPath current = laporan(q, "json", null).then().statusCode(200).extract().jsonPath();
        assertThat(current.getList("permasalahan.find { it.serviceCode == '" + DELIVERY + "' }.permasalahan"))
                .containsExactly("Kendala sesudah submission");
        JsonPath frozen = laporan(q, "json", id).then().statusCode(200).extract().jsonPath();
        assertThat(frozen.getLong("submission.id")).isEqualTo(id);
        assertThat(frozen.getList("permasalahan.find { it.serviceCode == '" + DELIVERY + "' }.permasalahan"))
                .containsExactly("Kendala kedua triwulan dua");
        String frozenHtml = laporan(q, "html", id).then().statusCode(200).extract().asString();
        assertThat(frozenHtml).contains("Kendala kedua triwulan dua").doesNotContain("Kendala sesudah submission");
    }
}
