package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.Fixtures;
import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.api.service.BludCatalogService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * BLUD catalogs (issue 12): the shipped Magelang 4/2015 (33.08) and Tana Toraja 61/2025 (73.18) catalogs, values
 * in Magelang's Puskesmas, a computed catalog in 76.05 (Majene), apart from the other tests' districts.
 */
@QuarkusTest
class CatalogResourceTest {

    static final String MAGELANG = "magelang-perbup-4-2015";
    static final String TORAJA = "tana-toraja-perbup-61-2025";
    static final String PKM_1 = "P3308010101";
    static final String PKM_2 = "P3308020101";
    static final String MAJENE_PKM = "P7605010101";

    @Inject
    TestTokens tokens;

    @Inject
    FactRepository facts;

    @Inject
    BludCatalogService catalogs;

    private JsonPath catalog(String id) {
        return given().auth().oauth2(tokens.admin()).get("/api/v1/catalogs/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private Object target(JsonPath c, String code, int year) {
        return c.get("indicators.find { it.code == '" + code + "' }.targets.'" + year + "'");
    }

    @Test
    void magelangCatalogLoadsWithEveryIndicatorAndYear() {
        JsonPath c = catalog(MAGELANG);
        assertThat(c.getString("region")).isEqualTo("33.08");
        assertThat(c.getString("regulation")).startsWith("Peraturan Bupati Magelang Nomor 4 Tahun 2015");
        assertThat(c.getString("origin")).isEqualTo("SHIPPED");
        List<Map<String, Object>> inds = c.getList("indicators");
        // Lampiran: 1.a (2) + 1.b (11) + 1.c + 2.a–c (3) + 3.a–l (12) + 3.m (5) + 3.n + 4 + 5 + 6 = 38
        assertThat(inds).hasSize(38);
        for (Map<String, Object> i : inds) {
            assertThat(((Map<?, ?>) i.get("targets")).keySet().stream().map(String::valueOf).toList())
                    .as(i.get("code").toString())
                    .containsExactly("2014", "2015", "2016", "2017", "2018", "2019");
        }
        assertThat(inds.stream().filter(i -> i.get("kind").equals("PROCESS"))).hasSize(17);
        // Spot checks against the seed's Lampiran
        assertThat(c.getString("indicators.find { it.code == '1.b.7' }.unit")).isEqualTo("MINUTES");
        assertThat(c.getString("indicators.find { it.code == '1.b.7' }.direction")).isEqualTo("AT_MOST");
        assertThat(target(c, "1.b.7", 2018)).isEqualTo(120);
        assertThat(target(c, "1.b.1", 2014)).isEqualTo(5);
        assertThat(target(c, "1.b.5.a", 2016)).isEqualTo(30);
        assertThat(target(c, "1.b.6.b", 2019)).isEqualTo(15);
        assertThat(List.of(2014, 2015, 2016, 2017, 2018, 2019).stream().map(y -> target(c, "1.c", y)))
                .containsExactly(71, 73, 75, 77, 79, 81);
        assertThat(target(c, "2.c", 2017)).isEqualTo(77);
        assertThat(c.getString("indicators.find { it.code == '2.b' }.direction")).isEqualTo("AT_MOST");
        assertThat(target(c, "2.b", 2015)).isEqualTo(5);
        assertThat(target(c, "3.a", 2016)).isEqualTo(95);
        assertThat(target(c, "3.f", 2018)).isEqualTo(90);
        assertThat(target(c, "3.f", 2019)).isEqualTo(95);
        assertThat(target(c, "3.l", 2014)).isEqualTo(80);
        assertThat(c.getString("indicators.find { it.code == '3.m.1' }.unit")).isEqualTo("PER_100000");
        assertThat(target(c, "3.m.1", 2019)).isEqualTo(2);
        assertThat(target(c, "6", 2015)).isEqualTo(80);
        assertThat(target(c, "6", 2016)).isEqualTo(100);
        assertThat(c.getString("indicators.find { it.code == '1.c' }.method")).isEqualTo("SURVEY");

        JsonPath t = catalog(TORAJA);
        assertThat(t.getString("region")).isEqualTo("73.18");
        assertThat(t.getList("indicators")).hasSize(36);
        assertThat(t.getString("indicators.find { it.code == 'A.6' }.computed.figure")).isEqualTo("NUMERATOR");
        assertThat(target(t, "A.6", 2025)).isEqualTo(147514);
        assertThat(target(t, "B.7.P", 2025)).isEqualTo(80);
        assertThat(t.getString("indicators.find { it.code == 'B.7.P' }.computed.service"))
                .isEqualTo("1.02.02.2.02.0007");
        assertThat(target(t, "B.12.M", 2025)).isEqualTo(20);

        // Loading again changes nothing (idempotent)
        assertThat(catalogs.loadShipped()).isZero();
    }

    @Test
    void catalogsAreVisibleToTheirRegionOnly() {
        String toraja = tokens.token("tt", List.of("73.18"), "viewer", "importer");
        given().auth().oauth2(toraja).get("/api/v1/catalogs").then().statusCode(200)
                .body("id", hasItem(TORAJA)).body("id", not(hasItem(MAGELANG)));
        given().auth().oauth2(toraja).get("/api/v1/catalogs/" + MAGELANG).then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(toraja).get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=33.08&year=2016").then()
                .statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
        given().auth().oauth2(toraja).contentType(ContentType.JSON).body(List.of(Map.of("indicator", "1.c", "value", 80)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2016").then().statusCode(403)
                .body("code", equalTo("AREA_FORBIDDEN"));
        // a Puskesmas-level token of a Tana Toraja Puskesmas sees its district's catalog
        Fixtures.registerPuskesmas(tokens.admin());
        String pkm = tokens.token("pkm", List.of(Fixtures.PKM_A), "viewer");
        given().auth().oauth2(pkm).get("/api/v1/catalogs/" + TORAJA).then().statusCode(200);
        given().auth().oauth2(tokens.admin()).get("/api/v1/catalogs/no-such-catalog").then().statusCode(404)
                .body("code", equalTo("CATALOG_NOT_FOUND"));
        // creating a catalog for another district's region
        given().auth().oauth2(tokens.token("tt-admin", List.of("73.18"), "admin")).contentType(ContentType.JSON)
                .body(catalogBody("magelang-lain", "33.08", 2024, "NUMERATOR", "COUNT")).post("/api/v1/catalogs").then()
                .statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
    }

    private void registerMagelang() {
        String admin = tokens.admin();
        for (String[] p : new String[][] { { PKM_1, "Puskesmas Salaman I", "33.08.01" },
                { PKM_2, "Puskesmas Borobudur", "33.08.02" } }) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("code", p[0], "name", p[1], "kecamatanCode", p[2], "population", 30000))
                    .put("/api/v1/puskesmas/" + p[0]).then().statusCode(200);
        }
    }

    /**
     * Issue 12 (left open then): a catalog's typed values are a change an integrator syncs, so they appear in the change
     * feed (kind CATALOG_VALUES_SET, no data version: the SPM figures did not move), for the district and year written.
     */
    @Test
    void typedCatalogValuesAppearInTheChangeFeed() {
        registerMagelang();
        String importer = tokens.token("magelang-feed", List.of("33.08"), "importer", "viewer");
        long since = 0;
        JsonPath page;
        do {
            page = given().auth().oauth2(importer).get("/api/v1/changes?since=" + since).then().statusCode(200).extract()
                    .jsonPath();
            since = page.getLong("next");
        } while (page.getBoolean("more"));
        given().auth().oauth2(importer).contentType(ContentType.JSON).body(List.of(Map.of("indicator", "1.c", "value", 80)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2015").then().statusCode(200);

        JsonPath after = given().auth().oauth2(importer).get("/api/v1/changes?since=" + since).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getList("changes.kind", String.class)).containsExactly("CATALOG_VALUES_SET");
        assertThat(after.getString("changes[0].district")).isEqualTo("33.08");
        assertThat(after.getInt("changes[0].year")).isEqualTo(2015);
        assertThat(after.getString("changes[0].detail")).contains(MAGELANG).contains(PKM_1);
        assertThat((Object) after.get("changes[0].dataVersion")).isNull();
    }

    @Test
    void valuesAreJudgedByDirectionAndRolledUp() {
        registerMagelang();
        String importer = tokens.token("magelang-imp", List.of("33.08"), "importer", "viewer");
        given().auth().oauth2(importer).contentType(ContentType.JSON).body(List.of(
                Map.of("indicator", "1.b.7", "value", 120, "note", "Survei 60 pemeriksaan"), // ≤ 120 minutes, at: met
                Map.of("indicator", "1.b.1", "value", 6), // ≤ 5 minutes, above: not met
                Map.of("indicator", "1.b.3", "value", 14), // ≤ 15 minutes, below: met
                Map.of("indicator", "1.c", "value", 75), // ≥ 75 % (2016), at: met
                Map.of("indicator", "2.c", "value", 74.9), // ≥ 75 %, below: not met
                Map.of("indicator", "3.a", "value", 96), // ≥ 95 %, above: met
                Map.of("indicator", "2.b", "value", 5.5), // ≤ 5 % pulang paksa, above: not met
                Map.of("indicator", "3.m.1", "value", 1.99), // ≥ 2 per 100,000, below: not met
                Map.of("indicator", "1.a.1", "value", 100)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2016").then().statusCode(200)
                .body("values", hasSize(9)).body("values.find { it.indicator == '1.b.7' }.note",
                        equalTo("Survei 60 pemeriksaan"))
                .body("values[0].updatedBy", equalTo("magelang-imp"));
        given().auth().oauth2(importer).contentType(ContentType.JSON).body(List.of(
                Map.of("indicator", "1.b.7", "value", 121), // above ≤ 120: not met
                Map.of("indicator", "3.m.1", "value", 2.0))) // at ≥ 2 per 100,000: met
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_2 + "/2016").then().statusCode(200);

        JsonPath pkm = given().auth().oauth2(importer)
                .get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=" + PKM_1 + "&year=2016").then()
                .statusCode(200).body("level", equalTo("PUSKESMAS")).body("indicators", hasSize(38)).extract()
                .jsonPath();
        Map<String, Object> expected = Map.of("1.b.7", true, "1.b.1", false, "1.b.3", true, "1.c", true, "2.c", false,
                "3.a", true, "2.b", false, "3.m.1", false, "1.a.1", true);
        expected.forEach((code, met) -> assertThat(
                (Object) pkm.get("indicators.find { it.code == '" + code + "' }.met")).as(code).isEqualTo(met));
        assertThat((Object) pkm.get("indicators.find { it.code == '1.b.7' }.target")).isEqualTo(120);
        assertThat((Object) pkm.get("indicators.find { it.code == '3.b' }.met")).isNull();
        assertThat(pkm.getString("indicators.find { it.code == '3.b' }.reason")).contains("no value");

        JsonPath district = given().auth().oauth2(importer)
                .get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=33.08&year=2016").then().statusCode(200)
                .body("level", equalTo("DISTRICT")).body("puskesmas", hasSize(2)).extract().jsonPath();
        assertThat(district.getMap("indicators.find { it.code == '1.b.7' }.rollup"))
                .isEqualTo(Map.of("puskesmas", 2, "withValue", 2, "met", 1, "notMet", 1));
        assertThat(district.getMap("indicators.find { it.code == '3.m.1' }.rollup"))
                .isEqualTo(Map.of("puskesmas", 2, "withValue", 2, "met", 1, "notMet", 1));
        assertThat(district.getMap("indicators.find { it.code == '1.c' }.rollup"))
                .isEqualTo(Map.of("puskesmas", 2, "withValue", 1, "met", 1, "notMet", 0));
        assertThat((Object) district.get("indicators.find { it.code == '1.b.7' }.value")).isNull();
        assertThat((Object) district.get("puskesmas.find { it.code == '" + PKM_2
                + "' }.indicators.find { it.code == '1.b.7' }.met")).isEqualTo(false);

        // PUT replaces the Puskesmas' year
        given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body(List.of(Map.of("indicator", "1.b.7", "value", 100)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_2 + "/2016").then().statusCode(200)
                .body("values", hasSize(1));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_2 + "/2016").then()
                .statusCode(200).body("values.indicator", equalTo(List.of("1.b.7")));
        // the same figures through the shared table exporter
        String csv = given().auth().oauth2(importer)
                .get("/api/v1/catalogs/" + MAGELANG + "/achievements/export?area=33.08&year=2016&format=csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains("1.b.7").contains("Waktu penyelesaian pelayanan laboratorium").contains("Kabupaten Magelang");
        given().auth().oauth2(importer)
                .get("/api/v1/catalogs/" + MAGELANG + "/achievements/export?area=" + PKM_1 + "&year=2016&format=xlsx")
                .then().statusCode(200).contentType(containsString("spreadsheetml"));
        given().auth().oauth2(importer)
                .get("/api/v1/catalogs/" + MAGELANG + "/achievements/export?area=33.08&year=2016&format=pdf").then()
                .statusCode(400).body("code", equalTo("INVALID_FORMAT"));
        // an area outside the catalog's region
        given().auth().oauth2(tokens.admin()).get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=73.18&year=2016")
                .then().statusCode(400).body("code", equalTo("AREA_OUTSIDE_CATALOG"));
    }

    @Test
    void badValuesGetLocatedErrorsAndNothingIsStored() {
        registerMagelang();
        Fixtures.registerPuskesmas(tokens.admin());
        String admin = tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(
                Map.of("indicator", "1.b.5.b", "value", 4), // fine
                Map.of("indicator", "1.c", "value", 101), // > 100 %
                Map.of("indicator", "9.z", "value", 1), // unknown
                Map.of("indicator", "1.b.7", "value", -3), // negative minutes
                Map.of("indicator", "1.b.5.b", "value", 5), // twice
                Map.of("value", 5))) // no indicator
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2017").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("CATALOG_VALUES_INVALID"))
                .body("errors.index", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("errors[0].indicator", equalTo("1.c"))
                .body("errors[0].reason", containsString("cannot exceed 100"))
                .body("errors[1].reason", containsString("no indicator 9.z"))
                .body("errors[2].reason", containsString("cannot be negative"))
                .body("errors[3].reason", containsString("also given at index 0"))
                .body("errors[4].indicator", nullValue());
        given().auth().oauth2(admin).get("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2017").then()
                .statusCode(200).body("values", hasSize(0));
        // a year the regulation sets no target for
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(Map.of("indicator", "1.c", "value", 80)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2020").then().statusCode(400)
                .body("errors[0].reason", containsString("no target for 2020"));
        // a COMPUTED indicator is never typed
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(List.of(Map.of("indicator", "B.1.P", "value", 50)))
                .put("/api/v1/catalogs/" + TORAJA + "/values/" + Fixtures.PKM_A + "/2025").then().statusCode(400)
                .body("errors[0].index", equalTo(0)).body("errors[0].indicator", equalTo("B.1.P"))
                .body("errors[0].reason", containsString("COMPUTED"));
        // a Puskesmas of another district
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(Map.of("indicator", "1.c", "value", 80)))
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + Fixtures.PKM_A + "/2016").then().statusCode(400)
                .body("code", equalTo("PUSKESMAS_OUTSIDE_CATALOG"));
    }

    static Map<String, Object> catalogBody(String id, String region, int year, String figure, String unit) {
        return Map.of("id", id, "regulation", "Peraturan Bupati Majene (uji)", "region", region, "indicators",
                List.of(Map.of("code", "HIV-N", "name", "Jumlah orang berisiko HIV dilayani", "kind", "OUTPUT", "unit",
                        unit, "direction", "AT_LEAST", "targets", Map.of(String.valueOf(year), 10), "method", "COMPUTED",
                        "computed", Map.of("service", "12", "figure", figure), "source", "Lampiran no. 1"),
                        Map.of("code", "HIV-C", "name", "Persentase orang berisiko HIV dilayani", "kind", "OUTPUT", "unit",
                                "PERCENT", "direction", "AT_LEAST", "targets", Map.of(String.valueOf(year), 100), "method",
                                "COMPUTED", "computed", Map.of("service", "1.02.02.2.02.0012", "figure", "COVERAGE_PERCENT"),
                                "source", "Lampiran no. 2"),
                        Map.of("code", "WAIT", "name", "Waktu tunggu loket", "kind", "PROCESS", "unit", "MINUTES",
                                "direction", "AT_MOST", "targets", Map.of(String.valueOf(year), 10), "method", "SURVEY",
                                "source", "Lampiran no. 3")));
    }

    @Test
    void computedIndicatorEqualsTheAchievementItPointsTo() {
        String admin = tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", MAJENE_PKM, "name", "Puskesmas Banggae", "kecamatanCode", "76.05.01", "population",
                        9000))
                .put("/api/v1/puskesmas/" + MAJENE_PKM).then().statusCode(200);
        facts.write("76.05", SampleData.persons("blud", 60, 2024, List.of(MAJENE_PKM), 12));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", MAJENE_PKM, "year", 2024, "serviceCode", "12", "amount", 50, "source", "DECREE"))
                .post("/api/v1/targets").then().statusCode(201);
        String majeneAdmin = tokens.token("majene-admin", List.of("76.05"), "admin");
        given().auth().oauth2(majeneAdmin).contentType(ContentType.JSON)
                .body(catalogBody("majene-uji-2024", "76.05", 2024, "NUMERATOR", "COUNT")).post("/api/v1/catalogs")
                .then().statusCode(201).header("Location", containsString("/api/v1/catalogs/majene-uji-2024"))
                .body("origin", equalTo("API")).body("indicators[0].computed.service", equalTo("1.02.02.2.02.0012"));
        given().auth().oauth2(majeneAdmin).contentType(ContentType.JSON)
                .body(catalogBody("majene-uji-2024", "76.05", 2024, "NUMERATOR", "COUNT")).post("/api/v1/catalogs")
                .then().statusCode(409).body("code", equalTo("CATALOG_EXISTS"));

        for (String area : List.of(MAJENE_PKM, "76.05")) {
            JsonPath ach = given().auth().oauth2(majeneAdmin).get("/api/v1/achievements?area=" + area + "&year=2024")
                    .then().statusCode(200).extract().jsonPath();
            Object numerator = ach.get("services.find { it.serviceCode == '1.02.02.2.02.0012' }.numerator");
            Object coverage = ach.get("services.find { it.serviceCode == '1.02.02.2.02.0012' }.coveragePercent");
            assertThat(numerator).isNotNull();
            assertThat(coverage).isNotNull();
            JsonPath blud = given().auth().oauth2(majeneAdmin)
                    .get("/api/v1/catalogs/majene-uji-2024/achievements?area=" + area + "&year=2024").then()
                    .statusCode(200).extract().jsonPath();
            assertThat((Object) blud.get("indicators.find { it.code == 'HIV-N' }.value")).as(area).isEqualTo(numerator);
            assertThat((Object) blud.get("indicators.find { it.code == 'HIV-C' }.value")).as(area).isEqualTo(coverage);
            assertThat((Object) blud.get("indicators.find { it.code == 'HIV-N' }.met")).as(area)
                    .isEqualTo(((Number) numerator).intValue() >= 10);
            assertThat((Object) blud.get("indicators.find { it.code == 'HIV-C' }.met")).as(area).isEqualTo(false);
        }
    }

    @Test
    void invalidCatalogsAreRefusedWithLocatedProblems() {
        String admin = tokens.token("majene-admin", List.of("76.05"), "admin");
        Map<String, Object> bad = Map.of("id", "Bad Id", "regulation", "", "region", "76.05", "indicators", List.of(
                Map.of("code", "A", "name", "x", "kind", "OUTPUT", "unit", "PERCENT", "direction", "AT_LEAST", "targets",
                        Map.of("1990", 50, "2024", 120), "method", "LOG", "source", "s"),
                Map.of("code", "A", "name", "y", "kind", "OUTPUT", "unit", "PERCENT", "direction", "AT_LEAST", "targets",
                        Map.of("2024", 50), "method", "COMPUTED", "computed", Map.of("service", "13", "figure",
                                "NUMERATOR"),
                        "source", "s")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(bad).post("/api/v1/catalogs").then()
                .statusCode(400).body("code", equalTo("CATALOG_INVALID"))
                .body("violations.field", hasItem("id")).body("violations.field", hasItem("regulation"))
                .body("violations.field", hasItem("indicators[0].targets.1990"))
                .body("violations.field", hasItem("indicators[0].targets.2024"))
                .body("violations.field", hasItem("indicators[1].code"))
                .body("violations.field", hasItem("indicators[1].computed.service"))
                .body("violations.field", hasItem("indicators[1].unit"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("id", "x-direction", "regulation", "r", "region", "76.05", "indicators", List.of(Map.of("code",
                        "A", "name", "x", "kind", "OUTPUT", "unit", "PERCENT", "direction", "ABOVE", "targets",
                        Map.of("2024", 50), "method", "LOG", "source", "s"))))
                .post("/api/v1/catalogs").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(tokens.token("v", List.of("76.05"), "viewer")).contentType(ContentType.JSON)
                .body(catalogBody("majene-viewer", "76.05", 2024, "NUMERATOR", "COUNT")).post("/api/v1/catalogs").then()
                .statusCode(403);
    }

    @Test
    void uploadedValuesUseTheImportLayoutWithLocatedErrors() throws Exception {
        registerMagelang();
        Fixtures.registerPuskesmas(tokens.admin());
        String importer = tokens.token("magelang-upl", List.of("33.08"), "importer", "viewer");
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("blud", ".csv");
        java.nio.file.Files.writeString(bad, String.join("\n", "Kode Puskesmas,Tahun,Kode Indikator,Nilai,Keterangan",
                PKM_1 + ",2018,1.b.7,90,survei", // fine (row 2)
                PKM_1 + ",2018,1.c,104,", // > 100 % (row 3)
                PKM_1 + ",2018,9.z,1,", // unknown indicator (row 4)
                PKM_1 + ",2018,1.b.1,abc,", // not a number (row 5)
                Fixtures.PKM_A + ",2018,1.c,80,", // outside the importer's areas (row 6)
                PKM_2 + ",2018,1.b.1,4,") + "\n");
        given().auth().oauth2(importer).multiPart("file", "survei-2018.csv", java.nio.file.Files.readAllBytes(bad), "text/csv")
                .post("/api/v1/catalogs/" + MAGELANG + "/values").then().statusCode(200)
                .body("layout", equalTo("blud-capaian")).body("rowsRead", equalTo(6)).body("rowsRejected", equalTo(4))
                .body("stored", equalTo(0)).body("refusalCode", equalTo("ROWS_REJECTED"))
                .body("errors.find { it.code == 'OUT_OF_RANGE' }.errors[0].row", equalTo(3))
                .body("errors.find { it.code == 'OUT_OF_RANGE' }.errors[0].column", equalTo("D"))
                .body("errors.find { it.code == 'OUT_OF_RANGE' }.errors[0].reason", containsString("cannot exceed 100"))
                .body("errors.find { it.code == 'INVALID_VALUE' }.errors[0].row", equalTo(4))
                .body("errors.find { it.code == 'INVALID_VALUE' }.errors[0].column", equalTo("C"))
                .body("errors.find { it.code == 'INVALID_NUMBER' }.errors[0].row", equalTo(5))
                .body("errors.find { it.code == 'AREA_NOT_COVERED' }.errors[0].row", equalTo(6));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2018").then()
                .statusCode(200).body("values", hasSize(0));

        java.nio.file.Path good = java.nio.file.Files.createTempFile("blud", ".csv");
        java.nio.file.Files.writeString(good, String.join("\n", "Kode Puskesmas,Tahun,Kode Indikator,Nilai,Keterangan",
                PKM_1 + ",2018,1.b.7,90,survei lab", PKM_1 + ",2018,1.c,79,", PKM_2 + ",2018,1.b.1,4,") + "\n");
        given().auth().oauth2(importer).multiPart("file", "survei-2018.csv", java.nio.file.Files.readAllBytes(good), "text/csv")
                .post("/api/v1/catalogs/" + MAGELANG + "/values").then().statusCode(200).body("stored", equalTo(3))
                .body("rowsRejected", equalTo(0));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2018").then()
                .statusCode(200).body("values.indicator", equalTo(List.of("1.b.7", "1.c")))
                .body("values[0].note", equalTo("survei lab"));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=" + PKM_1 + "&year=2018")
                .then().statusCode(200).body("indicators.find { it.code == '1.c' }.met", equalTo(true))
                .body("indicators.find { it.code == '1.b.7' }.met", equalTo(true));
    }

    /** Issue 12 (left open then): the upload file, like the PUT, takes a register's Pembilang and Penyebut. */
    @Test
    void anUploadTakesRegisterCountsAsTheStoredValue() throws Exception {
        registerMagelang();
        String importer = tokens.token("magelang-upc", List.of("33.08"), "importer", "viewer");
        String header = "Kode Puskesmas,Tahun,Kode Indikator,Nilai,Pembilang,Penyebut,Keterangan";
        byte[] bad = (String.join("\n", header,
                PKM_2 + ",2014,3.a,90,1,2,", // both a value and counts (row 2)
                PKM_2 + ",2014,1.b.7,,1,2,", // minutes are not a ratio (row 3)
                PKM_2 + ",2014,1.c,,,,") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8); // nothing (row 4)
        given().auth().oauth2(importer).multiPart("file", "register.csv", bad, "text/csv")
                .post("/api/v1/catalogs/" + MAGELANG + "/values").then().statusCode(200)
                .body("stored", equalTo(0))
                .body("rowsRejected", equalTo(3))
                .body("errors.find { it.code == 'INCONSISTENT_ROW' }.errors.row", equalTo(List.of(2, 3)))
                .body("errors.find { it.code == 'INCONSISTENT_ROW' }.errors[1].column", equalTo("E"))
                .body("errors.find { it.code == 'INCONSISTENT_ROW' }.errors[1].reason", containsString("minutes"))
                .body("errors.find { it.code == 'REQUIRED_MISSING' }.errors[0].row", equalTo(4))
                .body("errors.find { it.code == 'REQUIRED_MISSING' }.errors[0].column", equalTo("D"));

        byte[] good = (String.join("\n", header, PKM_2 + ",2014,3.m.1,,1,50000,register 2016",
                PKM_2 + ",2014,3.a,,941,1000,") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(importer).multiPart("file", "register.csv", good, "text/csv")
                .post("/api/v1/catalogs/" + MAGELANG + "/values").then().statusCode(200).body("stored", equalTo(2));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_2 + "/2014").then()
                .statusCode(200).body("values.find { it.indicator == '3.m.1' }.value", equalTo(2.0f))
                .body("values.find { it.indicator == '3.m.1' }.numerator", equalTo(1))
                .body("values.find { it.indicator == '3.m.1' }.denominator", equalTo(50000))
                .body("values.find { it.indicator == '3.a' }.value", equalTo(94.1f));
    }

    @Test
    void ratesAndPercentagesMayBeGivenAsRegisterCounts() {
        registerMagelang();
        String importer = tokens.token("magelang-rate", List.of("33.08"), "importer", "viewer");
        given().auth().oauth2(importer).contentType(ContentType.JSON).body(List.of(
                Map.of("indicator", "3.m.1", "numerator", 1, "denominator", 50000), // 2.00 per 100,000: at ≥ 2
                Map.of("indicator", "3.a", "numerator", 941, "denominator", 1000))) // 94.10 %: below ≥ 95
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2019").then().statusCode(200)
                .body("values.find { it.indicator == '3.m.1' }.value", equalTo(2.0f))
                .body("values.find { it.indicator == '3.m.1' }.numerator", equalTo(1))
                .body("values.find { it.indicator == '3.m.1' }.denominator", equalTo(50000))
                .body("values.find { it.indicator == '3.a' }.value", equalTo(94.1f));
        given().auth().oauth2(importer).get("/api/v1/catalogs/" + MAGELANG + "/achievements?area=" + PKM_1 + "&year=2019")
                .then().statusCode(200).body("indicators.find { it.code == '3.m.1' }.met", equalTo(true))
                .body("indicators.find { it.code == '3.a' }.met", equalTo(false));
        given().auth().oauth2(importer).contentType(ContentType.JSON).body(List.of(
                Map.of("indicator", "1.b.7", "numerator", 1, "denominator", 2), // minutes are not a ratio
                Map.of("indicator", "3.a", "value", 90, "numerator", 1, "denominator", 2), // both
                Map.of("indicator", "3.a", "numerator", 1, "denominator", 0))) // no denominator
                .put("/api/v1/catalogs/" + MAGELANG + "/values/" + PKM_1 + "/2019").then().statusCode(400)
                .body("errors.index", equalTo(List.of(0, 1, 2)))
                .body("errors[0].reason", containsString("only a % or per-100,000 indicator"))
                .body("errors[1].reason", containsString("not both"))
                .body("errors[2].reason", containsString("denominator must be positive"));
    }
}
