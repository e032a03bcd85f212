package id.spm.api.imports;

import static id.spm.api.imports.ImportApi.csv;
import static id.spm.api.imports.ImportApi.row;
import static id.spm.api.imports.ImportApi.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersions;
import id.spm.rules.SpmService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The change feed (issue 15): two imports and a target change, in order, with the next cursor, area-scoped. */
@QuarkusTest
class ChangeFeedTest {

    static final String DISTRICT = "73.26";
    static final String PKM = "P7326010101";
    static final String OTHER = "74.03";
    static final String OTHER_PKM = "P7403060101";

    @Inject
    TestTokens tokens;

    @Inject
    DataSource dataSource;

    static JsonPath feed(String token, long since) {
        return given().auth().oauth2(token).get("/api/v1/changes?since=" + since).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void followsTwoImportsAndATargetChangeInOrderWithinTheCallersAreas() {
        String admin = tokens.admin();
        ImportResourceTest.register(admin, PKM, "Puskesmas Rantepao", "73.26.01");
        ImportResourceTest.register(admin, OTHER_PKM, "Puskesmas Other", "74.03.06");
        String viewer = tokens.token("viewer-feed", List.of(DISTRICT), "viewer");
        String puskesmasViewer = tokens.token("pkm-feed", List.of(PKM), "viewer");
        String otherViewer = tokens.token("other-feed", List.of(OTHER), "viewer");
        String importer = tokens.token("imp-feed", List.of(DISTRICT, OTHER), "importer");

        long start = feed(viewer, 0).getLong("next");
        // The whole feed from 0 shows the registration of the district's Puskesmas.
        assertThat(feed(viewer, 0).getList("changes.kind", String.class)).contains("REGISTRY_CHANGED");

        assertThat(run(importer, csv(row("7326000000000001", PKM, "07/01/2024", true)), "feed-1.csv").getString("phase"))
                .isEqualTo("DONE");
        assertThat(run(importer, csv(row("7403000000000001", OTHER_PKM, "07/01/2024", true)), "feed-other.csv")
                .getString("phase")).isEqualTo("DONE");
        assertThat(run(importer, csv(row("7326000000000002", PKM, "08/01/2024", true)), "feed-2.csv").getString("phase"))
                .isEqualTo("DONE");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("area", DISTRICT, "year", 2024, "serviceCode", SpmService.HIV_RISK.code(), "amount", 150,
                        "source", "DECREE", "note", "feed test"))
                .post("/api/v1/targets").then().statusCode(201);

        JsonPath page = feed(viewer, start);
        assertThat(page.getList("changes.kind", String.class)).containsExactly("IMPORT_COMMITTED", "IMPORT_COMMITTED",
                "TARGET_SET");
        assertThat(page.getList("changes.district", String.class)).containsOnly(DISTRICT);
        assertThat(page.getList("changes.year", Integer.class)).containsOnly(2024);
        List<Long> versions = page.getList("changes.dataVersion", Long.class);
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        List<Long> cursors = page.getList("changes.cursor", Long.class);
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
        long next = page.getLong("next");
        assertThat(next).isGreaterThanOrEqualTo(cursors.get(cursors.size() - 1));

        // Nothing new: an empty page and the same cursor.
        JsonPath empty = feed(viewer, next);
        assertThat(empty.getList("changes")).isEmpty();
        assertThat(empty.getLong("next")).isEqualTo(next);

        // A Puskesmas caller follows its district; a caller of another district sees only its own import.
        assertThat(feed(puskesmasViewer, start).getList("changes.kind", String.class)).containsExactly("IMPORT_COMMITTED",
                "IMPORT_COMMITTED", "TARGET_SET");
        JsonPath other = feed(otherViewer, start);
        assertThat(other.getList("changes.district", String.class)).containsExactly(OTHER);
        assertThat(other.getList("changes.kind", String.class)).containsExactly("IMPORT_COMMITTED");

        // The achievements' data version is the sum of the window; the feed named the changed year.
        given().auth().oauth2(viewer).get("/api/v1/changes?since=-1").then().statusCode(400);
    }

    /**
     * A change committed after a later-inserted one was already handed out must not fall behind the cursor: writer A
     * inserts its change first but commits last; a poller between the two commits has seen B's change and moved its
     * cursor past it. With cursors in insert order (V60's id) A's change lies behind that cursor and is never listed.
     */
    @Test
    void aChangeCommittedLateIsNotSkippedByAPollerThatSawALaterOne() throws Exception {
        String admin = tokens.admin();
        long since = end(admin);
        List<String> seen = new ArrayList<>();
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            ChangeEvents.kind(a, ChangeEvents.TARGET_SET, "gap test A");
            DataVersions.bump(a, "76.01", 2025);
            ChangeEvents.kind(b, ChangeEvents.TARGET_SET, "gap test B");
            DataVersions.bump(b, "76.02", 2025);
            b.commit();
            // A poll between the two commits: B is there, A is not committed yet.
            JsonPath first = feed(admin, since);
            seen.addAll(first.getList("changes.detail", String.class));
            since = first.getLong("next");
            a.commit();
        }
        JsonPath second = feed(admin, since);
        seen.addAll(second.getList("changes.detail", String.class));
        assertThat(seen).as("changes listed across the two polls").filteredOn(d -> d != null && d.startsWith("gap test"))
                .containsExactlyInAnyOrder("gap test A", "gap test B");
        assertThat(feed(admin, second.getLong("next")).getList("changes")).isEmpty();
    }

    /** The cursor after every change so far. */
    static long end(String token) {
        long since = 0;
        while (true) {
            JsonPath page = feed(token, since);
            since = page.getLong("next");
            if (!page.getBoolean("more")) {
                return since;
            }
        }
    }
}
