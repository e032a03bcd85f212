package id.spm.api.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as an operator starts
 * it with nothing configured: the embedded default starts its PostgreSQL and writes its key pair in the
 * data folder. Checks health, the OpenAPI document and one authenticated read, with a token signed by
 * the key the embedded default wrote (the packaged app has no test token service).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppIT.EmbeddedDefault.class)
class PackagedAppIT {

    /** The data folder of the packaged app: its PostgreSQL and its generated keys. */
    static final Path DATA = Path.of("target", "packaged-app-it").toAbsolutePath();
    /** The embedded default's issuer ({@code spm.jwt.issuer}'s default). */
    static final String ISSUER = "https://spm-kesehatan.local/embedded";

    /** The embedded default on a fresh data folder; an ephemeral database, wiped at stop. */
    public static class EmbeddedDefault implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            delete(DATA);
            Map<String, String> p = new HashMap<>();
            p.put("spm.data-dir", DATA.toString());
            p.put("spm.embedded.database", "true");
            p.put("spm.embedded.keys", "true");
            p.put("spm.embedded.ephemeral", "true");
            p.put("spm.jwt.log-admin-token", "false");
            // Nothing about JWT: the failsafe configuration (pom.xml) keeps Quarkus' JWT dev service from
            // handing the launched jar a key pair, so the app generates its own, as an operator's does.
            return p;
        }

        @Override
        public void stop() {
            // The folder stays for a look after a failure; the next run starts afresh.
        }
    }

    @Test
    void healthIsUpWithTheEmbeddedDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentIsServedWithItsPublishedSchemaNames() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("SPM Kesehatan API"))
                .body("components.schemas", hasKey("TargetSource"))
                .body("components.securitySchemes", hasKey("bearer"));
    }

    @Test
    void anAuthenticatedReadAnswersAndAnAnonymousOneIsRefused() throws IOException, GeneralSecurityException {
        given().get("/api/v1/regions/73.18").then().statusCode(401);
        String token = Jwt.issuer(ISSUER).audience("spm-api").upn("it-viewer")
                .subject("it-viewer").groups(Set.of("viewer")).claim("areas", List.of("73.18"))
                .expiresIn(Duration.ofMinutes(5)).sign(privateKey(DATA.resolve("keys/jwt-private.pem")));
        given().auth().oauth2(token).get("/api/v1/regions/7318").then().statusCode(200)
                .body("code", equalTo("73.18")).body("name", equalTo("Kabupaten Tana Toraja"));
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String body = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
