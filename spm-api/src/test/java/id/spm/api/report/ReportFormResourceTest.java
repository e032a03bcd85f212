package id.spm.api.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PopulationRepository.QualityItemRow;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 10: each form's figures are those of GET /achievements for the same area and period; the xlsx and csv
 * downloads parse back to them; typed inputs round trip through the API and the import with located errors; writes
 * are area-scoped; a submitted period renders its frozen inputs. District 75.01 (Kabupaten Gorontalo) is this
 * test's own.
 */
@QuarkusTest
class ReportFormResourceTest {

    static final String DISTRICT = "75.01";
    static final String KEC_A = "75.01.01";
    static final String KEC_B = "75.01.02";
    static final String PKM_A = "P7501010101";
    static final String PKM_B = "P7501020101";
    static final int YEAR = 2025;
    static boolean loaded;

    @Inject
    TestTokens tokens;
    @Inject
    FactRepository facts;
    @Inject
    PopulationRepository population;
    @Inject
    DataVersionRepository versions;
    @Inject
    javax.sql.DataSource dataSource;

    String admin;

    @BeforeEach
    void setUp() {
        admin = tokens.admin();
        if (loaded) {
            return;
        }
        register(PKM_A, "Puskesmas Limboto", KEC_A);
        register(PKM_B, "Puskesmas Telaga", KEC_B);
        facts.write(DISTRICT, SampleData.persons("rep", 240, YEAR, List.of(PKM_A, PKM_B), 1010));
        target(DISTRICT, SpmService.HIV_RISK, 150);
        target(DISTRICT, SpmService.TB_PRESUMPTIVE, 90);
        target(KEC_A, SpmService.HIV_RISK, 70);
        population.addQualityItems(DISTRICT, List.of(
                new QualityItemRow(DISTRICT, YEAR, null, SpmService.HIV_RISK.code(), "GOODS", "Tes cepat HIV", "tes",
                        new BigDecimal("150"), new BigDecimal("120"), new BigDecimal("25000")),
                new QualityItemRow(DISTRICT, YEAR, null, SpmService.HIV_RISK.code(), "STAFF", "Dokter umum", "orang",
                        new BigDecimal("4"), new BigDecimal("4"), null),
                new QualityItemRow(DISTRICT, YEAR, null, SpmService.TB_PRESUMPTIVE.code(), "GOODS", "Cartridge TCM",
                        "buah", new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("350000"))));
        versions.bump(DISTRICT, YEAR);
        loaded = true;
    }

    private void register(String code, String name, String kec) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kecamatanCode", kec, "population", 10000L, "desaCodes",
                        List.of()))
                .put("/api/v1/puskesmas/" + code).then().statusCode(200);
    }

    private void target(String area, SpmService s, long amount) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", area, "year", YEAR, "serviceCode", s.code(), "amount", amount, "source",
                        "DECREE", "note", "test"))
                .post("/api/v1/targets").then().statusCode(201);
    }

    private static String q(Integer quarter) {
        return quarter == null ? "" : "&quarter=" + quarter;
    }

    private JsonPath achievements(String area, Integer quarter) {
        return given().auth().oauth2(admin).get("/api/v1/achievements?area=" + area + "&year=" + YEAR + q(quarter))
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath form(String form, String area, Integer quarter) {
        return given().auth().oauth2(admin)
                .get("/api/v1/reports/forms/" + form + "?area=" + area + "&year=" + YEAR + q(quarter)).then()
                .statusCode(200).extract().jsonPath();
    }

    static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    static void sameNumber(Object form, Object achievement, String what) {
        if (achievement == null) {
            assertThat(form).as(what).isNull();
        } else {
            assertThat(dec(form)).as(what).isEqualByComparingTo(dec(achievement));
        }
    }

    @ParameterizedTest
    @CsvSource(value = { "75.01,", "75.01,2", "75.01.01,", "75.01.01,2", "P7501020101,", "P7501020101,2" })
    void forms_2E2_2D2_and_espm_carry_the_achievements_figures(String area, Integer quarter) {
        JsonPath a = achievements(area, quarter);
        List<Map<String, Object>> services = a.getList("services");
        for (String f : List.of("2.E.2", "2.D.2", "e-spm")) {
            JsonPath form = form(f, area, quarter);
            assertThat(form.getString("area")).isEqualTo(area);
            assertThat(form.getString("period")).isEqualTo(a.getString("period"));
            assertThat(form.getLong("dataVersion")).isEqualTo(a.getLong("dataVersion"));
            List<Map<String, Object>> rows = form.getList("rows");
            assertThat(rows).hasSize(12);
            for (int i = 0; i < 12; i++) {
                Map<String, Object> s = services.get(i);
                Map<String, Object> r = rows.get(i);
                String what = f + " " + area + " " + quarter + " " + s.get("serviceCode");
                assertThat(r.get("serviceCode")).isEqualTo(s.get("serviceCode"));
                @SuppressWarnings("unchecked")
                Map<String, Object> den = (Map<String, Object>) s.get("denominator");
                @SuppressWarnings("unchecked")
                Map<String, Object> gap = (Map<String, Object>) s.get("gap");
                sameNumber(r.get("sasaran"), den.get("amount"), what + " sasaran");
                sameNumber(r.get("numerator"), s.get("numerator"), what + " numerator");
                if (f.equals("2.D.2")) {
                    sameNumber(r.get("coverage"), s.get("coveragePercent"), what + " coverage");
                    sameNumber(r.get("notServed"), gap == null ? null : gap.get("toFullCoverage"), what + " gap");
                    sameNumber(r.get("gapNextCategory"), gap == null ? null : gap.get("toNextCategory"),
                            what + " gap next");
                } else {
                    sameNumber(r.get("penerima"), s.get("penerimaPercent"), what + " penerima");
                    sameNumber(r.get("mutu"), s.get("qualityPercent"), what + " mutu");
                    sameNumber(r.get("index"), s.get("index"), what + " index");
                    assertThat(r.get("category")).as(what).isEqualTo(s.get("category"));
                }
            }
            if (!f.equals("2.D.2")) {
                Map<String, Object> sector = form.getList("totals", Map.class).get(0);
                assertThat(sector.get("service")).isEqualTo("BIDANG KESEHATAN");
                sameNumber(sector.get("index"), a.get("sectorIndex"), f + " sector");
                assertThat(sector.get("category")).isEqualTo(a.get("sectorCategory"));
            }
        }
    }

    @Test
    void the_gap_in_persons_is_in_every_achievement() {
        JsonPath a = achievements(DISTRICT, null);
        Map<String, Object> hiv = a.getList("services", Map.class).stream()
                .filter(s -> s.get("serviceCode").equals(SpmService.HIV_RISK.code())).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> den = (Map<String, Object>) hiv.get("denominator");
        @SuppressWarnings("unchecked")
        Map<String, Object> gap = (Map<String, Object>) hiv.get("gap");
        long numerator = ((Number) hiv.get("numerator")).longValue();
        long sasaran = ((Number) den.get("amount")).longValue();
        assertThat(((Number) gap.get("toFullCoverage")).longValue()).isEqualTo(Math.max(0, sasaran - numerator));
        assertThat(hiv.get("qualityPercent")).isNotNull();
        if (!"Tuntas Paripurna".equals(hiv.get("category"))) {
            assertThat(gap.get("nextCategory")).isNotNull();
        }
    }

    @Test
    void form_2A2_rows_are_the_kecamatan_sasaran() {
        JsonPath form = form("2.A.2", DISTRICT, null);
        List<Map<String, Object>> rows = form.getList("rows");
        assertThat(rows).extracting(r -> r.get("key")).containsExactly(KEC_A, KEC_B);
        for (Map<String, Object> r : rows) {
            JsonPath a = achievements((String) r.get("key"), null);
            List<Map<String, Object>> services = a.getList("services");
            @SuppressWarnings("unchecked")
            Map<String, Object> hivDen = (Map<String, Object>) services.get(11).get("denominator");
            sameNumber(r.get("sasaranHivRisk"), hivDen.get("amount"), "2.A.2 " + r.get("key"));
        }
        Map<String, Object> total = form.getList("totals", Map.class).get(0);
        sameNumber(total.get("sasaranHivRisk"), 150, "2.A.2 JUMLAH = the district's own sasaran");
    }

    @Test
    void form_2B4_lines_are_the_mutu_computation() {
        JsonPath form = form("2.B.4", DISTRICT, null);
        List<Map<String, Object>> rows = form.getList("rows");
        Map<String, Object> hiv = rows.stream().filter(r -> "Tes cepat HIV".equals(r.get("item"))).findFirst()
                .orElseThrow();
        sameNumber(hiv.get("need"), 150, "need");
        sameNumber(hiv.get("stock"), 120, "stock");
        sameNumber(hiv.get("gap"), 30, "gap");
        sameNumber(hiv.get("cost"), 750000, "cost = gap × price");
        assertThat(rows).noneMatch(r -> "Dokter umum".equals(r.get("item")));
        sameNumber(form.getList("totals", Map.class).get(0).get("cost"), 750000, "JUMLAH");
    }

    @Test
    void xlsx_and_csv_parse_back_to_the_json_figures() throws Exception {
        JsonPath json = form("2.E.2", DISTRICT, 2);
        List<Map<String, Object>> rows = json.getList("rows");
        byte[] xlsx = given().auth().oauth2(admin)
                .get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR + "&quarter=2&format=xlsx").then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx"))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("FORM 2.E.2 REKAPITULASI CAPAIAN")
                    .contains("TRIWULAN II TAHUN 2025");
            int header = -1;
            for (Row r : sheet) {
                Cell c = r.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals("NO")) {
                    header = r.getRowNum();
                    break;
                }
            }
            assertThat(header).isPositive();
            assertThat(sheet.getRow(header + 1).getCell(6).getStringCellValue()).isEqualTo("(7)");
            for (int i = 0; i < 12; i++) {
                Row r = sheet.getRow(header + 2 + i);
                Map<String, Object> j = rows.get(i);
                assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) r.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo(j.get("service"));
                // columns (3)-(7): sasaran, terlayani, % penerima, % mutu, IPSPM: numeric cells or blank
                String[] keys = { "sasaran", "numerator", "penerima", "mutu", "index" };
                for (int k = 0; k < keys.length; k++) {
                    Cell c = r.getCell(2 + k);
                    Object v = j.get(keys[k]);
                    if (v == null) {
                        assertThat(c.getCellType()).isIn(CellType.BLANK, CellType.STRING);
                        assertThat(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "").isEmpty();
                    } else {
                        assertThat(c.getCellType()).as(keys[k]).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(c.getNumericCellValue())).isEqualByComparingTo(dec(v));
                        assertThat(c.getCellStyle().getDataFormatString()).startsWith("[$-421]#,##0");
                    }
                }
                assertThat(r.getCell(7).getStringCellValue())
                        .isEqualTo(j.get("category") == null ? "" : j.get("category"));
            }
            Row sector = sheet.getRow(header + 14);
            assertThat(sector.getCell(1).getStringCellValue()).isEqualTo("BIDANG KESEHATAN");
            if (json.get("totals[0].index") != null) {
                assertThat(BigDecimal.valueOf(sector.getCell(6).getNumericCellValue()))
                        .isEqualByComparingTo(dec(json.get("totals[0].index")));
            }
            for (Row r : sheet) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        String csv = new String(given().auth().oauth2(admin)
                .get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR + "&quarter=2&format=csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        int h = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("NO;")) {
                h = i;
                break;
            }
        }
        assertThat(h).isPositive();
        assertThat(lines.get(h + 1)).startsWith("(1);(2);(3)");
        for (int i = 0; i < 12; i++) {
            String[] f = lines.get(h + 2 + i).split(";", -1);
            Map<String, Object> j = rows.get(i);
            assertThat(f[0]).isEqualTo(Integer.toString(i + 1));
            String[] keys = { "sasaran", "numerator", "penerima", "mutu", "index" };
            for (int k = 0; k < keys.length; k++) {
                Object v = j.get(keys[k]);
                if (v == null) {
                    assertThat(f[2 + k]).isEmpty();
                } else {
                    assertThat(new BigDecimal(f[2 + k].replace(',', '.'))).isEqualByComparingTo(dec(v));
                }
            }
        }
    }

    @Test
    void budget_inputs_round_trip_through_the_api_into_2D2_and_the_budget_table() {
        String hiv = SpmService.HIV_RISK.code();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("service", hiv, "fund", "DAK Non Fisik", "allocation", 31620600, "realisation",
                                15000000),
                        Map.of("service", hiv, "fund", "JKN", "allocation", 1000000)))
                .put("/api/v1/reports/inputs/anggaran?area=" + DISTRICT + "&year=" + YEAR + "&quarter=3").then()
                .statusCode(200).body("stored", equalTo(true)).body("rowsAccepted", equalTo(2));
        given().auth().oauth2(admin).get("/api/v1/reports/inputs/anggaran?area=" + DISTRICT + "&year=" + YEAR).then()
                .statusCode(200).body("values.fund", hasItem("DAK_NON_FISIK"));
        JsonPath d2 = form("2.D.2", DISTRICT, 3);
        Map<String, Object> row = d2.getList("rows", Map.class).get(11);
        sameNumber(row.get("allocation"), 32620600, "allocation");
        sameNumber(row.get("realisation"), 15000000, "realisation");
        sameNumber(row.get("budgetPercent"), new BigDecimal("45.98"), "% realisasi");
        assertThat((String) row.get("note")).contains("DAK Non Fisik (BOK)").contains("JKN Kapitasi");
        sameNumber(d2.getList("totals", Map.class).get(0).get("allocation"), 32620600, "JUMLAH");

        // A bad row is refused with its location; nothing is stored.
        JsonPath bad = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("service", hiv, "fund", "APBD", "allocation", 5),
                        Map.of("service", hiv, "fund", "Hibah", "allocation", 7)))
                .put("/api/v1/reports/inputs/anggaran?area=" + DISTRICT + "&year=" + YEAR + "&quarter=3").then()
                .statusCode(422).extract().jsonPath();
        assertThat(bad.getBoolean("stored")).isFalse();
        assertThat(bad.getString("errors[0].code")).isEqualTo("INVALID_VALUE");
        assertThat(bad.getInt("errors[0].row")).isEqualTo(3);
        assertThat(bad.getString("errors[0].header")).isEqualTo("Sumber Dana");
        sameNumber(form("2.D.2", DISTRICT, 3).getList("rows", Map.class).get(11).get("allocation"), 32620600,
                "unchanged");
    }

    @Test
    void kendala_import_locates_bad_rows_neutralises_formulas_and_is_frozen_with_the_submission() {
        String hiv = SpmService.HIV_RISK.code();
        String bad = "Kode Wilayah;Tahun;Triwulan;Kode Layanan;Permasalahan;Solusi\n"
                + DISTRICT + ";" + YEAR + ";1;" + hiv + ";Geografis;Advokasi sarpras\n"
                + DISTRICT + ";" + YEAR + ";1;9.99;Mobilisasi penduduk;Sosialisasi\n";
        JsonPath r = given().auth().oauth2(admin)
                .multiPart("file", "kendala.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/kendala/import").then().statusCode(422).extract().jsonPath();
        assertThat(r.getInt("rowsRejected")).isEqualTo(1);
        assertThat(r.getInt("errors[0].row")).isEqualTo(3);
        assertThat(r.getString("errors[0].column")).isEqualTo("D");
        assertThat(r.getString("errors[0].header")).isEqualTo("Kode Layanan");

        // A formula is refused by the reader (spm-ingest), located at its cell.
        String formula = "Kode Wilayah;Tahun;Triwulan;Kode Layanan;Permasalahan;Solusi\n"
                + DISTRICT + ";" + YEAR + ";1;" + hiv + ";=HYPERLINK(\"x\");Advokasi sarpras\n";
        given().auth().oauth2(admin)
                .multiPart("file", "kendala.csv", formula.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/kendala/import").then().statusCode(422)
                .body("errors[0].code", equalTo("FORMULA")).body("errors[0].column", equalTo("E"));
        // Text a spreadsheet would still read as a formula (a leading -, +, @) is neutralised in downloads.
        String good = "Kode Wilayah;Tahun;Triwulan;Kode Layanan;Permasalahan;Solusi\n"
                + DISTRICT + ";" + YEAR + ";1;" + hiv + ";\"- Geografis\n- Mobilisasi penduduk\";@Advokasi sarpras\n";
        given().auth().oauth2(admin).multiPart("file", "kendala.csv", good.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/kendala/import").then().statusCode(200).body("stored", equalTo(true));
        JsonPath m = form("monitoring", DISTRICT, 1);
        assertThat(m.getString("rows[11].problems")).isEqualTo("- Geografis\n- Mobilisasi penduduk");
        String csv = given().auth().oauth2(admin)
                .get("/api/v1/reports/forms/monitoring?area=" + DISTRICT + "&year=" + YEAR + "&quarter=1&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains(";\"'- Geografis\n- Mobilisasi penduduk\";'@Advokasi sarpras").doesNotContain(";@");

        // Freeze Q1, then change the input: the frozen form keeps the submitted text, current=true shows the new.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", DISTRICT, "year", YEAR, "quarter", 1)).post("/api/v1/submissions").then()
                .statusCode(201);
        JsonPath frozenBefore = form("e-spm", DISTRICT, 1);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("service", hiv, "problems", "Kehamilan tidak terdeteksi", "solutions", "RTK")))
                .put("/api/v1/reports/inputs/kendala?area=" + DISTRICT + "&year=" + YEAR + "&quarter=1").then()
                .statusCode(200);
        JsonPath frozen = form("e-spm", DISTRICT, 1);
        assertThat(frozen.getLong("submission.id")).isPositive();
        assertThat(frozen.getString("rows[11].problems")).isEqualTo("- Geografis\n- Mobilisasi penduduk");
        assertThat(frozen.getList("rows")).isEqualTo(frozenBefore.getList("rows"));
        JsonPath current = given().auth().oauth2(admin).get("/api/v1/reports/forms/e-spm?area=" + DISTRICT + "&year="
                + YEAR + "&quarter=1&current=true").then().statusCode(200).extract().jsonPath();
        assertThat(current.getString("rows[11].problems")).isEqualTo("Kehamilan tidak terdeteksi");
        assertThat(current.getMap("submission")).isNull();

        // Issue 10 (left open then): the layouts are frozen too. A layout edited after the freeze (here: the frozen
        // copy stands for the submitted edition) prints the frozen form as submitted, today's form as edited.
        long submission = frozen.getLong("submission.id");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("update submission_form_layout set layout = jsonb_set(layout, "
                    + "'{columns,1,header}', '\"JENIS PELAYANAN (SAAT DISERAHKAN)\"') where submission_id = "
                    + submission + " and form = 'e-spm'")).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(form("e-spm", DISTRICT, 1).getString("columns[1].header"))
                .isEqualTo("JENIS PELAYANAN (SAAT DISERAHKAN)");
        assertThat(given().auth().oauth2(admin).get("/api/v1/reports/forms/e-spm?area=" + DISTRICT + "&year=" + YEAR
                + "&quarter=1&current=true").then().statusCode(200).extract().jsonPath().getString("columns[1].header"))
                .isEqualTo(frozenBefore.getString("columns[1].header")).isNotEqualTo("JENIS PELAYANAN (SAAT DISERAHKAN)");
    }

    @Test
    void facilities_and_staff_need_fill_2A3_and_2B5() {
        String csv = "Kode Wilayah;Tahun;Nama Fasilitas;Jenis Fasilitas;Jenis SDM Kesehatan;Jumlah SDM Kesehatan\n"
                + PKM_A + ";" + YEAR + ";Puskesmas Limboto;Puskesmas;Dokter;2\n"
                + PKM_A + ";" + YEAR + ";Puskesmas Limboto;Puskesmas;Bidan;30\n"
                + PKM_B + ";" + YEAR + ";Puskesmas Telaga;Puskesmas;Bidan;12\n";
        given().auth().oauth2(admin).multiPart("file", "fasyankes.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/fasyankes-sdm/import").then().statusCode(200);
        JsonPath a3 = form("2.A.3", DISTRICT, null);
        assertThat(a3.getList("rows")).hasSize(2);
        sameNumber(a3.get("rows[0].staffBidan"), 30, "bidan");
        sameNumber(a3.get("totals[0].staffBidan"), 42, "JUMLAH bidan");
        sameNumber(a3.get("totals[0].staffTotal"), 44, "JUMLAH");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("service", SpmService.ANTENATAL.code(), "staffType", "Bidan", "need", 50)))
                .put("/api/v1/reports/inputs/kebutuhan-sdm?area=" + DISTRICT + "&year=" + YEAR).then().statusCode(200);
        JsonPath b5 = form("2.B.5", DISTRICT, null);
        sameNumber(b5.get("rows[0].need"), 50, "need");
        sameNumber(b5.get("rows[0].available"), 42, "available = Σ 2.A.3");
        sameNumber(b5.get("rows[0].gap"), 8, "gap");
    }

    @Test
    void plan_rows_fill_2C3_and_2C4_by_document() {
        String csv = "Kode Wilayah;Dokumen;Kode Program/Kegiatan/Sub Kegiatan;Program/Kegiatan/Sub Kegiatan;Kode Layanan SPM;Tahun;Target;Pagu Indikatif (Rp)\n"
                + DISTRICT
                + ";RPJMD;1.02.02.2.02.0012;Pengelolaan Pelayanan Kesehatan Orang Dengan Risiko Terinfeksi HIV;1.02.02.2.02.0012;"
                + YEAR + ";150;31620600\n"
                + DISTRICT
                + ";Renstra;1.02.02.2.02.0012;Pengelolaan Pelayanan Kesehatan Orang Dengan Risiko Terinfeksi HIV;1.02.02.2.02.0012;"
                + (YEAR + 1) + ";160;35000000\n";
        given().auth().oauth2(admin).multiPart("file", "rencana.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/rencana/import").then().statusCode(200);
        JsonPath c3 = form("2.C.3", DISTRICT, null);
        assertThat(c3.getList("rows")).hasSize(1);
        sameNumber(c3.get("rows[0].budget"), 31620600, "RPJMD pagu");
        JsonPath c4 = form("2.C.4", DISTRICT, null);
        assertThat(c4.getList("rows")).hasSize(1);
        sameNumber(c4.get("rows[0].year"), YEAR + 1, "Renstra year");
    }

    @Test
    void inputs_of_another_district_are_refused() {
        String other = tokens.token("importer-7318", List.of("73.18"), "importer");
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(List.of(Map.of("service", SpmService.HIV_RISK.code(), "problems", "x")))
                .put("/api/v1/reports/inputs/kendala?area=" + DISTRICT + "&year=" + YEAR).then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
        String csv = "Kode Wilayah;Tahun;Kode Layanan;Permasalahan\n" + DISTRICT + ";" + YEAR + ";"
                + SpmService.HIV_RISK.code() + ";x\n";
        given().auth().oauth2(other).multiPart("file", "kendala.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/reports/inputs/kendala/import").then().statusCode(422)
                .body("errors[0].code", equalTo("AREA_NOT_COVERED"));
        given().auth().oauth2(other).get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR).then()
                .statusCode(403);
        String viewer = tokens.token("viewer-7501", List.of(DISTRICT), "viewer");
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(List.of())
                .put("/api/v1/reports/inputs/kendala?area=" + DISTRICT + "&year=" + YEAR).then().statusCode(403);
    }

    @Test
    void catalogue_etag_and_unknown_form() {
        given().auth().oauth2(admin).get("/api/v1/reports/forms").then().statusCode(200).body("code",
                hasItem("e-spm"));
        String etag = given().auth().oauth2(admin)
                .get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(admin).header("If-None-Match", etag)
                .get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR).then().statusCode(304);
        given().auth().oauth2(admin).get("/api/v1/reports/forms/9.Z.9?area=" + DISTRICT + "&year=" + YEAR).then()
                .statusCode(404).body("code", equalTo("UNKNOWN_FORM"));
        given().auth().oauth2(admin).get("/api/v1/reports/forms/2.E.2?area=" + DISTRICT + "&year=" + YEAR
                + "&format=pdf").then().statusCode(400).body("code", equalTo("INVALID_FORMAT"));
        // A province's form: the figures of its achievements, no district inputs.
        JsonPath province = form("2.E.2", "75", null);
        assertThat(province.getString("level")).isEqualTo("PROVINCE");
        assertThat(province.getList("rows")).hasSize(12);
        // No rows empty the scope.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of())
                .put("/api/v1/reports/inputs/kebutuhan-sdm?area=" + KEC_B + "&year=" + YEAR).then().statusCode(200)
                .body("stored", equalTo(true));
    }
}
