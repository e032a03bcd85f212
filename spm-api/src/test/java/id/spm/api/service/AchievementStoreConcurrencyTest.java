package id.spm.api.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.SampleData;
import id.spm.api.TestTokens;
import id.spm.api.repository.DataVersions;
import id.spm.api.repository.FactRepository;
import id.spm.rules.Period;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Several computations of one district-year at once (two replicas answering the first requests after
 * an import, issue 8 finding 6): every one succeeds, and the stored rows are those of the newest data
 * version. In one JVM requests for a unit queue behind one lock, so the computations of the other
 * "replicas" are called directly, together with requests through the API. District 73.15 (Pinrang).
 */
@QuarkusTest
class AchievementStoreConcurrencyTest {

    static final String DISTRICT = "73.15";
    static final String PKM = "P7315010101";
    static final int YEAR = 2025;

    @Inject
    AchievementService service;
    @Inject
    FactRepository facts;
    @Inject
    DataSource dataSource;
    @Inject
    TestTokens tokens;

    @Test
    void concurrentComputationsOfOneDistrictYearAllSucceedAndKeepTheNewestVersion() throws Exception {
        String admin = tokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Suppa", "kecamatanCode", "73.15.01", "population", 5000L,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM).then().statusCode(200);
        facts.write(DISTRICT, SampleData.persons("conc", 60, YEAR, List.of(PKM), 15));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try {
            for (int round = 0; round < 4; round++) {
                bump();
                CyclicBarrier start = new CyclicBarrier(threads + 2);
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    running.add(pool.submit(() -> {
                        ManagedContext request = Arc.container().requestContext();
                        request.activate();
                        try {
                            AchievementService.Unit unit = service.unitOf(DISTRICT);
                            long version = service.version(unit, YEAR);
                            start.await(30, TimeUnit.SECONDS);
                            service.compute(unit, Period.ofYear(YEAR), version);
                        } catch (Throwable t) {
                            failures.add(t);
                        } finally {
                            request.terminate();
                        }
                        return null;
                    }));
                }
                for (int i = 0; i < 2; i++) {
                    running.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        int status = given().auth().oauth2(admin).get("/api/v1/achievements?area=" + DISTRICT + "&year="
                                + YEAR).then().extract().statusCode();
                        if (status != 200) {
                            failures.add(new AssertionError("GET /achievements answered " + status));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get(120, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("failures of concurrent computations").isEmpty();
        long current;
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            current = service.version(service.unitOf(DISTRICT), YEAR);
        } finally {
            request.terminate();
        }
        assertThat(count("select count(*) from achievement_result where kabkota_code = ? and year = ? and quarter = 0 "
                + "and data_version <> ?", current)).as("rows of an older version").isZero();
        assertThat(count("select count(*) from achievement_result where kabkota_code = ? and year = ? and quarter = 0 "
                + "and area_code = ? and data_version = ?", current)).isEqualTo(1);
        given().auth().oauth2(admin).get("/api/v1/achievements?area=" + DISTRICT + "&year=" + YEAR).then()
                .statusCode(200).body("dataVersion", org.hamcrest.Matchers.equalTo((int) current));
    }

    void bump() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DataVersions.bump(c, DISTRICT, YEAR);
        }
    }

    long count(String sql, long version) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, DISTRICT);
            ps.setShort(2, (short) YEAR);
            int i = 3;
            if (sql.contains("area_code")) {
                ps.setString(i++, DISTRICT);
            }
            ps.setLong(i, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
