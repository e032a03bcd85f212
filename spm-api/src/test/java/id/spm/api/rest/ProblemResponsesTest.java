package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every error of every resource is {@code application/problem+json} with a stable code (issue 8, finding 7): a
 * parameter that does not parse, a body that is not JSON or does not bind, a {@code null} where an object belongs,
 * an unknown path, a wrong method, media type or Accept. None of them shows a stack trace or an internal class name.
 */
@QuarkusTest
class ProblemResponsesTest {

    @Inject
    TestTokens tokens;

    /** The body of a problem never names the implementation. */
    static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("code", equalTo(code))
                .body(allOf(not(containsString("id.spm.")), not(containsString("com.fasterxml")),
                        not(containsString("Exception")), not(containsString("\tat ")),
                        not(containsString("java.lang"))));
    }

    @ParameterizedTest(name = "{0} → 400 INVALID_PARAMETER naming {1}")
    @CsvSource(delimiter = '|', value = { "/api/v1/achievements?area=73.18&year=abc|year",
            "/api/v1/achievements?area=73.18&year=99999999999|year",
            "/api/v1/achievements?area=73.18&year=2025&quarter=first|quarter",
            "/api/v1/achievements/73.18/abc/services/1.02.02.2.02.0001/persons|year",
            "/api/v1/achievements/73.18/2025/services/1.02.02.2.02.0001/persons?page=x|page",
            "/api/v1/targets?area=73.18&year=2O25|year", "/api/v1/submissions/73.18/abc|year",
            "/api/v1/persons/abc/decisions?year=abc|year", "/api/v1/imports/abc|id" })
    void parametersThatDoNotParseAre400NamingTheParameter(String path, String parameter) {
        problem(given().auth().oauth2(tokens.admin()).get(path).then(), 400, "INVALID_PARAMETER")
                .body("violations[0].field", equalTo(parameter)).body("detail", containsString("'" + parameter + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "{not json|1|2", "{\"year\":2025,\"persons\":[|1|26",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",}]}|1|36", "{\"year\":2025,\"persons\":[] x|1|29" })
    void bodiesThatAreNotJsonAreMalformedJsonWithTheirPosition(String body, int line, int column) {
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/evaluate")
                .then(), 400, "MALFORMED_JSON").body("detail", containsString("line " + line));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"year\":\"abc\",\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\"}]}|year",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"sex\":\"X\"}]}|persons[0].sex",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-13-45\"}]}|persons[0].birthDate",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\"},{\"id\":\"q\",\"birthDate\":\"1990-01-01\",\"ancVisits\":[{\"date\":\"2025-01-10\",\"examiner\":\"WIZARD\"}]}]}|persons[1].ancVisits[0].examiner",
            "{\"year\":2025,\"persons\":{\"id\":\"p\"}}|persons",
            "{\"year\":2025,\"persons\":[\"p-1\"]}|persons[0]",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"ancVisits\":[{\"date\":\"2025-01-10\"}]}]}|persons[0].ancVisits[0]",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"ancVisits\":[{\"date\":\"2025-01-10\",\"puskesmas\":\"P7318010101\",\"examiner\":\"DOCTOR\",\"tenT\":[null]}]}]}|persons[0].ancVisits[0]",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"ancVisits\":[{\"date\":\"2025-01-10\",\"puskesmas\":\"P7318010101\",\"examiner\":\"DOCTOR\",\"tenT\":[\"NOPE\"]}]}]}|persons[0].ancVisits[0].tenT[0]",
            "{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"newborns\":[{\"birthDate\":\"2025-01-10\",\"puskesmas\":\"P7318010101\",\"essentialCare\":[null]}]}]}|persons[0].newborns[0]" })
    void valuesThatDoNotBindAreValidationFailedNamingTheField(String body, String field) {
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/evaluate")
                .then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo(field))
                .body("detail", containsString(field));
    }

    @Test
    void anUnknownEnumValueNamesTheAcceptedOnes() {
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\":2025,\"persons\":[{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"sex\":\"X\"}]}")
                .post("/api/v1/evaluate").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].message", allOf(containsString("FEMALE"), containsString("MALE")));
    }

    @Test
    void aBodyOfTheWrongShapeIsValidationFailed() {
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body("[1,2]")
                .post("/api/v1/evaluate").then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void aNullPersonIs400NotA500() {
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body("{\"year\":2025,\"persons\":[null]}").post("/api/v1/evaluate").then(), 400, "VALIDATION_FAILED")
                .body("violations[0].field", equalTo("persons[0]"));
    }

    @Test
    void bindingErrorsAreProblemsOnEveryResource() {
        String importer = tokens.token("imp", List.of("73.18"), "importer");
        problem(given().auth().oauth2(importer).contentType(ContentType.JSON)
                .body("{\"area\":\"73.18\",\"year\":2025,\"serviceCode\":\"1\",\"amount\":10,\"source\":\"GUESS\"}")
                .post("/api/v1/targets").then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo("source"));
        problem(given().auth().oauth2(importer).contentType(ContentType.JSON).body("{\"area\":")
                .post("/api/v1/targets/derive").then(), 400, "MALFORMED_JSON");
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body("{\"subject\":\"x\",\"areas\":\"73.18\",\"roles\":[\"viewer\"]}").post("/api/v1/dev/tokens").then(),
                400, "VALIDATION_FAILED");
        problem(given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON).body("{\"district\":\"73.18\",\"year\":[]}")
                .post("/api/v1/submissions").then(), 400, "VALIDATION_FAILED").body("violations[0].field", equalTo("year"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/v1/nothing-here", "/api/v1/regions", "/api/v1/evaluate/extra", "/api/v2/services" })
    void unknownPathsAreNotFoundProblems(String path) {
        problem(given().auth().oauth2(tokens.admin()).get(path).then(), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405Problem() {
        problem(given().auth().oauth2(tokens.admin()).get("/api/v1/evaluate").then(), 405, "METHOD_NOT_ALLOWED");
        problem(given().auth().oauth2(tokens.admin()).delete("/api/v1/services").then(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        problem(given().auth().oauth2(tokens.admin()).contentType("text/plain").body("year=2025")
                .post("/api/v1/evaluate").then(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unacceptableAcceptIs406Problem() {
        problem(given().auth().oauth2(tokens.admin()).accept("application/xml").get("/api/v1/services").then(), 406,
                "NOT_ACCEPTABLE");
    }
}
