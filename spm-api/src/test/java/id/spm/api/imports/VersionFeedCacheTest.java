package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.DataVersionFeed;
import id.spm.api.rest.AchievementResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The data versions pushed to each instance (issue 13, {@link DataVersionFeed}): a cached {@code GET /achievements}
 * reads no version from the database, yet a write committed here is seen by the very next read here, another
 * instance's write (a plain JDBC connection, not this instance's services) within the notification's delivery, and
 * while the listener is not connected every read queries the database and nothing stays remembered.
 */
@QuarkusTest
class VersionFeedCacheTest {

    static final int YEAR = 2024;

    @Inject
    TestTokens tokens;

    @Inject
    DataVersionFeed feed;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Import, target, registry change and freeze here: each is in the very next GET, without waiting. */
    @Test
    void aWriteCommittedHereIsInTheVeryNextRead() throws SQLException {
        String district = "75.04";
        String pkm = "P7504010101";
        String admin = tokens.token("admin-feed", List.of(district), "admin");
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Popayato", "75.04.01");
        String get = "/api/v1/achievements?area=" + district + "&year=" + YEAR;
        awaitListening();

        for (int i = 1; i <= 3; i++) {
            // Warm: the versions are remembered; then an import commits and the next read must show it.
            // (the previous write's notification ends its transaction's mark; reads meanwhile query the database)
            await("remembered after a read", () -> read(admin, get) != null && feed.remembers(district));
            JsonPath before = read(admin, get);
            // The notification held back: the read may not wait for it.
            feed.holdNotifications(true);
            JsonPath after;
            try {
                assertThat(run(admin, csv(row("750400000000000" + i, pkm, "07/0" + i + "/2024", true)),
                        "feed-" + i + ".csv").getString("phase")).isEqualTo("DONE");
                after = read(admin, get);
            } finally {
                feed.holdNotifications(false);
            }
            assertThat(after.getLong("dataVersion")).as("import %d", i).isGreaterThan(before.getLong("dataVersion"))
                    .isEqualTo(windowVersion(district, YEAR));
        }

        await("remembered", () -> read(admin, get) != null && feed.remembers(district));
        feed.holdNotifications(true);
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("area", district, "year", YEAR, "serviceCode", "0001", "amount", 321, "source",
                            "BPS_PROJECTION"))
                    .post("/api/v1/targets").then().statusCode(201);
            assertThat(read(admin, get).getLong("dataVersion")).as("target").isEqualTo(windowVersion(district, YEAR));
        } finally {
            feed.holdNotifications(false);
        }

        await("remembered", () -> read(admin, get) != null && feed.remembers(district));
        feed.holdNotifications(true);
        try {
            given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("code", "P7504010102", "name", "Puskesmas Popayato Dua", "kecamatanCode", "75.04.01",
                            "population", 5000L, "desaCodes", List.of()))
                    .put("/api/v1/puskesmas/P7504010102").then().statusCode(200);
            assertThat(read(admin, get).getLong("dataVersion")).as("registry")
                    .isEqualTo(windowVersion(district, YEAR));
        } finally {
            feed.holdNotifications(false);
        }

        await("remembered", () -> read(admin, get) != null && feed.remembers(district));
        assertThat(read(admin, get).getMap("submission")).isNull();
        feed.holdNotifications(true);
        try {
            long id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("district", district, "year", YEAR)).post("/api/v1/submissions").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
            assertThat(read(admin, get).getLong("submission.id")).as("freeze").isEqualTo(id);
        } finally {
            feed.holdNotifications(false);
        }
    }

    /**
     * Another instance's writes (a separate plain JDBC connection bumps the version and freezes a quarter) are read
     * within 5 s (the notification), and from then on every read has them.
     */
    @Test
    void anotherWritersChangeIsReadOnceNotified() throws SQLException {
        String district = "75.05";
        String pkm = "P7505010101";
        String admin = tokens.token("admin-feed-other", List.of(district), "admin");
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Atinggola", "75.05.01");
        assertThat(run(admin, csv(row("7505000000000001", pkm, "07/01/2024", true)), "feed-other.csv")
                .getString("phase")).isEqualTo("DONE");
        String get = "/api/v1/achievements?area=" + district + "&year=" + YEAR;
        awaitListening();
        await("remembered", () -> read(admin, get) != null && feed.remembers(district));
        long before = read(admin, get).getLong("dataVersion");

        feed.holdNotifications(true);
        try {
            bumpElsewhere(district, YEAR);
            // Not yet heard of here: the read is answered from memory, without asking the database.
            assertThat(read(admin, get).getLong("dataVersion")).isEqualTo(before);
        } finally {
            feed.holdNotifications(false);
        }
        long now = windowVersion(district, YEAR);
        assertThat(now).isEqualTo(before + 1);
        await("the other writer's version", () -> read(admin, get).getLong("dataVersion") == now);
        for (int i = 0; i < 20; i++) {
            assertThat(read(admin, get).getLong("dataVersion")).isEqualTo(now);
        }

        // A submission of quarter 3 frozen by the other instance (its figures copied from one frozen here).
        String q3 = get + "&quarter=3";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("district", district, "year", YEAR, "quarter", 2)).post("/api/v1/submissions").then()
                .statusCode(201);
        await("remembered", () -> read(admin, q3).getMap("submission") == null && feed.remembers(district));
        long id;
        try (Connection other = plainConnection(); PreparedStatement ps = other.prepareStatement("""
                insert into submission (kabkota_code, year, quarter, data_version, rule_set_id, frozen_by, result)
                select kabkota_code, year, 3, data_version, rule_set_id, 'other-instance', result from submission
                where kabkota_code = ? and year = ? and quarter = 2
                returning id
                """)) {
            ps.setString(1, district);
            ps.setShort(2, (short) YEAR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        await("the other writer's submission", () -> {
            Object s = read(admin, q3).get("submission.id");
            return s != null && ((Number) s).longValue() == id;
        });
        for (int i = 0; i < 20; i++) {
            assertThat(read(admin, q3).getLong("submission.id")).isEqualTo(id);
        }
    }

    /**
     * Not listening (suspended, or the connection killed): nothing is remembered, every read queries the database
     * (a change no notification announced is read at once); on reconnection the entries start empty.
     */
    @Test
    void withoutTheListenerEveryReadQueriesTheDatabaseAndAReconnectionStartsEmpty() throws SQLException {
        String district = "75.71";
        String pkm = "P7571010101";
        String admin = tokens.token("admin-feed-off", List.of(district), "admin");
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Kota Barat", "75.71.01");
        assertThat(run(admin, csv(row("7571000000000001", pkm, "07/01/2024", true)), "feed-off.csv")
                .getString("phase")).isEqualTo("DONE");
        String get = "/api/v1/achievements?area=" + district + "&year=" + YEAR;
        awaitListening();
        await("remembered", () -> read(admin, get) != null && feed.remembers(district));

        // The connection lost: the entries go with it, and the new connection starts empty.
        long connections = feed.connections();
        try (Connection other = plainConnection();
                PreparedStatement ps = other.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, DataVersionFeed.APPLICATION_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the listener's backend").isTrue();
            }
        }
        await("a new listening connection", () -> feed.connections() > connections && feed.listening());
        assertThat(feed.remembers(district)).as("cleared on reconnection").isFalse();

        feed.suspend();
        try {
            await("not listening", () -> !feed.listening());
            assertThat(feed.remembers(district)).isFalse();
            for (int i = 0; i < 3; i++) {
                bumpElsewhere(district, YEAR);
                // No notification can arrive: the read queries the version, and remembers nothing.
                assertThat(read(admin, get).getLong("dataVersion")).isEqualTo(windowVersion(district, YEAR));
                assertThat(feed.remembers(district)).isFalse();
            }
        } finally {
            feed.resume();
        }
        await("listening again", feed::listening);
        assertThat(read(admin, get).getLong("dataVersion")).isEqualTo(windowVersion(district, YEAR));
        await("remembered again", () -> read(admin, get) != null && feed.remembers(district));
        bumpElsewhere(district, YEAR);
        long now = windowVersion(district, YEAR);
        await("the next change, notified", () -> read(admin, get).getLong("dataVersion") == now);
    }

    /**
     * The answer from memory (event loop) and the one from the database (worker; forced by suspending the feed) are the
     * same bytes and tag; a caller outside the area is 403 on both; If-None-Match is 304 on both.
     */
    @Test
    void theAnswerFromMemoryEqualsTheAnswerFromTheDatabase() {
        String district = "75.02";
        String pkm = "P7502010101";
        String admin = tokens.token("admin-feed-same", List.of(district), "admin");
        String stranger = tokens.token("viewer-feed-other-area", List.of("75.01"), "viewer");
        ImportResourceTest.register(tokens.admin(), pkm, "Puskesmas Feed Same", "75.02.01");
        assertThat(run(admin, csv(row("7502000000000001", pkm, "07/01/2024", true)), "feed-same.csv")
                .getString("phase")).isEqualTo("DONE");
        for (String get : List.of("/api/v1/achievements?area=" + district + "&year=" + YEAR,
                "/api/v1/achievements?area=75.02.01&year=" + YEAR + "&quarter=2")) {
            awaitListening();
            await("remembered", () -> read(admin, get) != null && feed.remembers(district));
            double before = answered("memory");
            Response fast = given().auth().oauth2(admin).get(get);
            fast.then().statusCode(200);
            assertThat(answered("memory")).as("answered from memory").isEqualTo(before + 1);
            given().auth().oauth2(stranger).get(get).then().statusCode(403);
            given().auth().oauth2(admin).header("If-None-Match", fast.getHeader("ETag")).get(get).then().statusCode(304);
            feed.suspend();
            try {
                await("not listening", () -> !feed.listening());
                double worker = answered("worker");
                Response slow = given().auth().oauth2(admin).get(get);
                slow.then().statusCode(200);
                assertThat(answered("worker")).as("answered on a worker").isEqualTo(worker + 1);
                assertThat(slow.getHeader("ETag")).isEqualTo(fast.getHeader("ETag"));
                assertThat(slow.asByteArray()).isEqualTo(fast.asByteArray());
                assertThat(slow.getContentType()).isEqualTo(fast.getContentType());
                given().auth().oauth2(stranger).get(get).then().statusCode(403);
                given().auth().oauth2(admin).header("If-None-Match", fast.getHeader("ETag")).get(get).then()
                        .statusCode(304);
            } finally {
                feed.resume();
            }
        }
    }

    private double answered(String path) {
        return meters.counter(AchievementResource.ANSWERED, "path", path).count();
    }

    private void bumpElsewhere(String district, int year) throws SQLException {
        try (Connection other = plainConnection();
                PreparedStatement ps = other.prepareStatement(
                        "update data_version set version = version + 1 where kabkota_code = ? and year = ?")) {
            ps.setString(1, district);
            ps.setShort(2, (short) year);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonPath read(String token, String url) {
        Response r = given().auth().oauth2(token).get(url);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    private void awaitListening() {
        await("the listener", feed::listening);
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within 5 s", what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Not the service's pool: what another instance would use. */
    private Connection plainConnection() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(url, p);
    }

    private long windowVersion(String district, int year) throws SQLException {
        try (Connection c = plainConnection(); PreparedStatement ps = c.prepareStatement("""
                select coalesce(sum(version), 0) from data_version
                where kabkota_code = ? and (year between ? and ? or year = 0)
                """)) {
            ps.setString(1, district);
            ps.setShort(2, (short) (year - 5));
            ps.setShort(3, (short) year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
