package id.spm.api.rest;

import static id.spm.api.imports.ImportApiAccess.runImport;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.FactRepository;
import id.spm.rules.SpmService;
import id.spm.rules.model.MonthlyCount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Nullable columns read back as null, not 0 (JDBC's wasNull speaks of the column read last): an annual
 * mutu row (no Triwulan) gave every achievement of its district a 400 "quarter 0 is outside 1–4";
 * a monthly count without non-compliant persons read back as 0.
 */
@QuarkusTest
class NullableColumnsTest {

    /** Kabupaten Enrekang's own kecamatan, apart from other tests' data. */
    static final String PKM = "P7316050101";

    @Inject
    TestTokens tokens;
    @Inject
    FactRepository facts;

    @Test
    void anAnnualMutuRowLeavesTheAchievementsReadable() {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Uji Mutu", "kecamatanCode", "73.16.05", "population", 9000L,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
        String importer = tokens.token("importer-7316", List.of("73.16"), "importer");
        String mutu = "Kode Wilayah,Tahun,Triwulan,Kode Layanan,Jenis,Item,Satuan,Jumlah Kebutuhan,Jumlah Tersedia\r\n"
                + PKM + ",2025,,1.02.02.2.02.0001,Barang,Buku KIA,buah,100,80\r\n";
        JsonPath job = runImport(importer, mutu.getBytes(StandardCharsets.UTF_8), "mutu.csv");
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getLong("summary.created")).isEqualTo(1);
        given().auth().oauth2(importer).queryParam("area", "73.16").queryParam("year", 2025).get("/api/v1/achievements")
                .then().statusCode(200);
        given().auth().oauth2(importer).queryParam("area", PKM).queryParam("year", 2025).get("/api/v1/achievements")
                .then().statusCode(200);
    }

    @Test
    void aMonthlyCountWithoutNonCompliantReadsBackAsNull() {
        facts.writeMonthlyCounts("73.16", List.of(new MonthlyCount(PKM, 2025, 3,
                SpmService.HYPERTENSION, 12, null)));
        List<MonthlyCount> back = facts.monthlyCounts("73.16", 2025);
        assertThat(back).filteredOn(m -> m.month() == 3 && m.puskesmas().equals(PKM)).singleElement()
                .satisfies(m -> assertThat(m.nonCompliant()).isNull());
    }
}
