package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.spm.api.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 7, bounded inputs: JSON bodies have their own limit (spm.api.max-json-bytes, 10 MB) apart from uploads
 * (600M through quarkus.http.limits.max-body-size), /evaluate caps persons per request and events per person, and a
 * {@code null} in any of its lists is a 400 problem rather than a 500.
 */
@QuarkusTest
class BoundedInputsTest {

    static final int MAX_JSON = 10 * 1024 * 1024;

    @Inject
    TestTokens tokens;

    @TestHTTPResource("/api/v1/evaluate")
    URL evaluate;

    /** A valid evaluate body of about {@code bytes} bytes (padded with JSON whitespace). */
    static String bigBody(int bytes) {
        return "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\"}]" + " ".repeat(bytes)
                + "}";
    }

    @Test
    void jsonBodyOverTheLimitIs413ProblemWithContentLength() {
        ProblemResponsesTest.problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(bigBody(MAX_JSON + 1024)).post("/api/v1/evaluate").then(), 413, "BODY_TOO_LARGE");
    }

    @Test
    void jsonBodyOverTheLimitIs413ProblemWhenChunked() throws Exception {
        byte[] head = "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\"}]"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(new ByteArrayInputStream(head));
        for (int i = 0; i < 12; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        parts.add(new ByteArrayInputStream("}".getBytes(StandardCharsets.US_ASCII)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(evaluate.toString()))
                .header("Authorization", "Bearer " + tokens.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"BODY_TOO_LARGE\"");
    }

    @Test
    void jsonBodyUnderTheLimitIsRead() {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(bigBody(MAX_JSON - 4096))
                .post("/api/v1/evaluate").then().statusCode(200);
    }

    @Test
    void uploadsAreNotHeldToTheJsonLimit() {
        // 11 MB of CSV with a layout that does not exist: the upload is read whole and refused for the
        // layout, not for its size.
        String importer = tokens.token("imp", List.of("73.18"), "importer");
        byte[] file = ("a,b\n" + "1,2\n".repeat(11 * 1024 * 1024 / 4)).getBytes(StandardCharsets.US_ASCII);
        given().auth().oauth2(importer).multiPart("file", "big.csv", file, "text/csv")
                .multiPart("layout", "no-such-layout").post("/api/v1/imports").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("UNKNOWN_LAYOUT"))
                .body("code", not(equalTo("BODY_TOO_LARGE")));
    }

    @Test
    void tooManyPersonsIs413Problem() {
        StringBuilder b = new StringBuilder("{\"year\":2025,\"persons\":[");
        for (int i = 0; i <= 10_000; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"birthDate\":\"1990-01-01\"}");
        }
        ProblemResponsesTest.problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(b.append("]}").toString()).post("/api/v1/evaluate").then(), 413, "TOO_MANY_PERSONS");
    }

    @Test
    void tooManyEventsOfOnePersonIs413Problem() {
        StringBuilder b = new StringBuilder("{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\","
                + "\"sex\":\"MALE\",\"screenings\":[],\"hivRiskRecords\":[");
        for (int i = 0; i <= 10_000; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"recordedDate\":\"2025-03-01\",\"puskesmas\":\"P7318010101\",\"group\":\"TB_PATIENT\"}");
        }
        ProblemResponsesTest.problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(b.append("]}]}").toString()).post("/api/v1/evaluate").then(), 413, "TOO_MANY_EVENTS")
                .body("detail", org.hamcrest.Matchers.containsString("persons[0]"));
    }

    @ParameterizedTest(name = "{0}: [null]")
    @ValueSource(strings = { "ancVisits", "pregnancyOutcomes", "newborns", "childServices", "schoolExams",
            "screenings", "ptmVisits", "mentalHealthVisits", "tbPresumptions", "hivRiskRecords" })
    void aNullEventIs400NamingIt(String list) {
        ProblemResponsesTest.problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"sex\":\"FEMALE\",\"" + list
                        + "\":[null]}]}")
                .post("/api/v1/evaluate").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("persons[0]." + list + "[0]"));
    }
}
