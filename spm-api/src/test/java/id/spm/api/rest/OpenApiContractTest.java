package id.spm.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The contract integrators build on: the served {@code /q/openapi} as a client generator reads it. Fails
 * when the document stops parsing cleanly, an operation loses its (unique) operationId, a public operation
 * its explicit {@code security: []}, or an example stops matching its own schema.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** Operations anyone may call without a token. */
    private static final Set<String> PUBLIC = Set.of("getServices");

    private static String text;
    private static JsonNode doc;

    @BeforeEach
    void fetch() throws Exception {
        if (doc != null) {
            return;
        }
        text = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        doc = JSON.readTree(text);
    }

    @Test
    void parsesWithoutErrorsOrWarningsAsAGeneratorWould() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void infoHasALicenceIdentifierAndServersAreDeclared() {
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(doc.at("/info/license/name").asText()).isNotBlank();
        assertThat(doc.path("servers").isArray() && doc.path("servers").size() > 0).as("servers").isTrue();
        for (JsonNode server : doc.path("servers")) {
            assertThat(server.path("url").asText()).isNotBlank();
        }
    }

    @Test
    void everyOperationHasAUniqueMeaningfulOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        operations((where, op) -> {
            String id = op.path("operationId").asText("");
            if (!id.matches("[a-z][A-Za-z0-9]+")) {
                problems.add(where + ": operationId '" + id + "'");
            } else if (seen.putIfAbsent(id, where) != null) {
                problems.add(where + ": operationId '" + id + "' also on " + seen.get(id));
            }
        });
        assertThat(problems).isEmpty();
        assertThat(seen).containsKeys("getAchievements", "listNotCountedPersons", "submitImport", "getImport", "listImports",
                "lookupPerson", "getPersonDecisions", "getServices", "evaluate", "getSubmission", "listChanges");
    }

    @Test
    void everyOperationDeclaresItsSecurityAndPublicOnesAnEmptyList() {
        List<String> problems = new ArrayList<>();
        operations((where, op) -> {
            String id = op.path("operationId").asText();
            JsonNode security = op.get("security");
            if (PUBLIC.contains(id)) {
                if (security == null || !security.isArray() || security.size() != 0) {
                    problems.add(where + ": public, needs security: []");
                }
            } else if (security == null || security.size() == 0) {
                problems.add(where + ": no security requirement");
            }
        });
        assertThat(problems).isEmpty();
    }

    /**
     * Issue 15: an upload without its file is refused (FILE_REQUIRED), so the contract says the multipart
     * {@code file} part is required; a generated client then makes it a mandatory argument.
     */
    @Test
    void everyMultipartFilePartIsRequired() {
        List<String> problems = new ArrayList<>();
        operations((where, op) -> {
            JsonNode schema = op.path("requestBody").path("content").path("multipart/form-data").path("schema");
            if (schema.path("properties").has("file")) {
                boolean required = false;
                for (JsonNode r : schema.path("required")) {
                    required |= r.asText().equals("file");
                }
                if (!required) {
                    problems.add(where + ": multipart part 'file' is not required");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /**
     * Two classes of one simple name become {@code Summary} and {@code Summary1}: generated clients then carry
     * a class named by accident ({@code PersonDecisions1 getPersonDecisions(...)}). Every schema is named.
     */
    @Test
    void noSchemaIsNamedByANumberedClash() {
        List<String> numbered = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*\\D\\d+")) {
                numbered.add(name);
            }
        });
        assertThat(numbered).as("schemas named by a clash of simple class names").isEmpty();
    }

    @Test
    void everyTagIsDeclaredWithADescription() {
        Set<String> declared = new TreeSet<>();
        for (JsonNode tag : doc.path("tags")) {
            assertThat(tag.path("description").asText()).as("description of tag " + tag.path("name")).isNotBlank();
            declared.add(tag.path("name").asText());
        }
        operations((where, op) -> {
            assertThat(op.path("tags").size()).as(where + " tags").isPositive();
            op.path("tags").forEach(t -> assertThat(declared).as(where).contains(t.asText()));
            assertThat(op.path("summary").asText()).as(where + " summary").isNotBlank();
        });
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = { 0 };
        operations((where, op) -> {
            for (JsonNode param : op.path("parameters")) {
                if (param.has("example")) {
                    checked[0]++;
                    check(where + " parameter " + param.path("name").asText(), param.path("schema"), param.get("example"),
                            problems);
                }
            }
            op.path("requestBody").path("content").fields()
                    .forEachRemaining(c -> media(where + " request " + c.getKey(), c.getValue(), problems, checked));
            op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(
                    c -> media(where + " response " + r.getKey() + " " + c.getKey(), c.getValue(), problems, checked)));
        });
        doc.at("/components/schemas").fields().forEachRemaining(s -> walkSchemaExamples("#/components/schemas/" + s.getKey(),
                s.getValue(), problems, checked));
        assertThat(problems).isEmpty();
        assertThat(checked[0]).as("examples checked").isGreaterThan(40);
    }

    // -- helpers ---------------------------------------------------------------------------------------------

    private interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }

    private static void operations(OperationVisitor visitor) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                visitor.visit(m.getKey().toUpperCase() + " " + path.getKey(), m.getValue());
            }
        }));
    }

    private static void media(String where, JsonNode media, List<String> problems, int[] checked) {
        JsonNode schema = media.path("schema");
        if (media.has("example")) {
            checked[0]++;
            check(where + " example", schema, media.get("example"), problems);
        }
        media.path("examples").fields().forEachRemaining(e -> {
            if (e.getValue().has("value")) {
                checked[0]++;
                check(where + " example '" + e.getKey() + "'", schema, e.getValue().get("value"), problems);
            }
        });
    }

    /** Examples inside the component schemas: each property's {@code examples}/{@code example} against the property. */
    private static void walkSchemaExamples(String where, JsonNode schema, List<String> problems, int[] checked) {
        if (!schema.isObject()) {
            return;
        }
        for (JsonNode example : schema.path("examples")) {
            checked[0]++;
            check(where + " examples", schema, example, problems);
        }
        if (schema.has("example")) {
            checked[0]++;
            check(where + " example", schema, schema.get("example"), problems);
        }
        schema.path("properties").fields()
                .forEachRemaining(p -> walkSchemaExamples(where + "/" + p.getKey(), p.getValue(), problems, checked));
        if (schema.has("items")) {
            walkSchemaExamples(where + "[]", schema.get("items"), problems, checked);
        }
    }

    /**
     * Validates with JSON Schema 2020-12 (OpenAPI 3.1's dialect): the schema, with the document's components
     * beside it so that {@code #/components/schemas/…} references resolve.
     */
    private static void check(String where, JsonNode schema, JsonNode example, List<String> problems) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.putArray("allOf").add(schema.deepCopy());
        root.set("components", doc.path("components").deepCopy());
        JsonNode value = example;
        if (example.isTextual() && !isStringSchema(schema)) {
            // Parameter and some media examples are written as text: read them as the JSON they denote.
            try {
                value = JSON.readTree(example.asText());
            } catch (Exception notJson) {
                value = example;
            }
        }
        JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        Set<ValidationMessage> messages = compiled.validate(value);
        for (ValidationMessage message : messages) {
            problems.add(where + ": " + message.getMessage());
        }
    }

    private static boolean isStringSchema(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.asText().equals("string") || (type.isArray() && type.toString().contains("\"string\""));
    }
}
