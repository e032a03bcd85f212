package id.spm.api.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.api.TestTokens;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.rules.Evaluator;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.count.CountAccumulator;
import id.spm.rules.count.Counts;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.sample.PopulationGenerator;
import id.spm.sample.SampleDistrict;
import id.spm.sample.SampleSpec;
import id.spm.sample.files.PopulationFiles;
import id.spm.sample.files.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * End to end: a seeded population of a district, written as export files (one per layout, plus the
 * Puskesmas registry and the monthly counts), imported through the API, gives the same numerators
 * per Puskesmas and district as spm-rules applied to the generated records themselves.
 */
@QuarkusTest
class ImportEndToEndTest {

    /** Toraja Utara: no other test writes there. */
    static final String DISTRICT = "73.26";
    static final int YEAR = 2025;

    @Inject
    TestTokens tokens;

    @TempDir
    Path dir;

    @Test
    void generatedFilesImportedThroughTheApiGiveTheNumeratorsOfSpmRules() throws IOException {
        SampleDistrict district = SampleDistrict.fromKodeWilayah(regionLines(), DISTRICT);
        PopulationGenerator gen = new PopulationGenerator(
                SampleSpec.tanaToraja(11, 3_000, YEAR).withDistrict(district, district.kecamatan().size()));
        Map<String, Path> files;
        Path registry;
        try (PopulationFiles out = new PopulationFiles(LayoutRegistry.builtIn(), dir, SampleFiles.Format.CSV)) {
            registry = out.puskesmas(gen.puskesmas());
            for (PersonRecord p : gen) {
                out.add(p);
            }
            out.monthlyCounts(gen.monthlyCounts());
            files = new LinkedHashMap<>(out.files());
        }
        files.remove("puskesmas");
        String admin = tokens.token("e2e-importer", List.of(DISTRICT), "importer");

        // The registry first: event rows of an unregistered Puskesmas would be rejected.
        assertImported(ImportApi.run(admin, Files.readAllBytes(registry), registry.getFileName().toString()));
        long rows = 0;
        for (Path f : files.values()) {
            JsonPath job = ImportApi.run(admin, Files.readAllBytes(f), f.getFileName().toString());
            assertImported(job);
            rows += job.getLong("summary.created");
        }
        assertThat(rows).isGreaterThan(10_000);

        CountAccumulator acc = new CountAccumulator(new Evaluator(RuleSets.forPeriod(gen.period()).orElseThrow()),
                gen.period());
        for (PersonRecord p : gen) {
            acc.add(asExported(p));
        }
        gen.monthlyCounts().forEach(acc::addMonthlyCount);
        Counts expected = acc.result(AreaHierarchy.of(gen.puskesmas()));

        String viewer = tokens.token("e2e-viewer", List.of(DISTRICT), "viewer");
        List<String> areas = new ArrayList<>();
        areas.add(DISTRICT);
        gen.puskesmas().stream().map(PuskesmasInfo::code).forEach(areas::add);
        long total = 0;
        for (String area : areas) {
            JsonPath json = given().auth().oauth2(viewer).queryParam("area", area).queryParam("year", YEAR)
                    .get("/api/v1/achievements").then().statusCode(200).extract().jsonPath();
            for (SpmService s : SpmService.values()) {
                long want = expected.area(area, s).numerator();
                assertThat(json.getLong("services[" + s.ordinal() + "].numerator")).as("%s %s numerator", area, s)
                        .isEqualTo(want);
                total += want;
            }
        }
        assertThat(total).isGreaterThan(0);
    }

    /**
     * The record as the exports can carry it: the ekohort-anc layout requires Kunjungan Ke (formats.md),
     * so a generated visit without a visit code cannot be exported; and a second PTM visit of the same
     * day and diagnosis has the natural key of the first, so the importer rejects it as a duplicate.
     */
    static PersonRecord asExported(PersonRecord r) {
        PersonRecord.Builder b = PersonRecord.builder(r.person());
        r.ancVisits().stream().filter(v -> v.visitCode() != null).forEach(b::add);
        r.pregnancyOutcomes().forEach(b::add);
        r.newborns().forEach(b::add);
        r.childServices().forEach(b::add);
        r.schoolExams().forEach(b::add);
        r.screenings().forEach(b::add);
        Set<String> ptm = new HashSet<>();
        r.ptmVisits().stream().filter(v -> ptm.add(v.date() + "|" + v.diagnosis())).forEach(b::add);
        r.mentalHealthVisits().forEach(b::add);
        r.tbPresumptions().forEach(b::add);
        r.hivRiskRecords().forEach(b::add);
        return b.build();
    }

    private static void assertImported(JsonPath job) {
        assertThat(job.getString("phase")).as("job %s: %s", job.getString("fileName"), job.getString("message"))
                .isEqualTo("DONE");
        // The generator may give a person two visits of the same day and kind (the same natural key):
        // the importer keeps the first and rejects the second as DUPLICATE_ROW, by design. Nothing else.
        List<Map<String, Object>> errors = job.getList("summary.errors.errors.flatten()");
        assertThat(errors).as("errors of %s", job.getString("fileName")).allSatisfy(e -> assertThat(
                e.get("code").equals("DUPLICATE_ROW") || e.get("code").equals("REQUIRED_MISSING")
                        && e.get("header").equals("Kunjungan Ke"))
                .as("%s", e).isTrue());
        assertThat(job.getLong("summary.rowsRejected")).isLessThanOrEqualTo(job.getLong("summary.rowsRead") / 20);
    }

    private static List<String> regionLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ImportEndToEndTest.class.getResourceAsStream("/wilayah/kode-wilayah-2025.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
