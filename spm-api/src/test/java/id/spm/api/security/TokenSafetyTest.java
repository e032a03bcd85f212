package id.spm.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import id.spm.api.config.EmbeddedDefaultsConfigSourceFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.build.Jwt;

/** Issue 7, findings 3 and 4: minted tokens stay within the caller's rights; the audience is checked. */
@QuarkusTest
class TokenSafetyTest {

    @Inject
    TestTokens tokens;

    @Test
    void aDistrictAdminCannotMintANationalOrForeignToken() {
        String districtAdmin = tokens.token("admin-7318", List.of("73.18"), "admin");
        for (String area : List.of("*", "71.01", "73", "P7101050101")) {
            given().auth().oauth2(districtAdmin).contentType(ContentType.JSON)
                    .body(Map.of("subject", "x", "areas", List.of(area), "roles", List.of("viewer")))
                    .post("/api/v1/dev/tokens").then().statusCode(403).body("code", equalTo("AREA_FORBIDDEN"));
        }
        given().auth().oauth2(districtAdmin).contentType(ContentType.JSON)
                .body(Map.of("subject", "bidan", "areas", List.of("73.18.01"), "roles", List.of("viewer")))
                .post("/api/v1/dev/tokens").then().statusCode(201).body("subject", equalTo("admin-7318/bidan"));
    }

    @Test
    void theSubjectIsDerivedFromTheCallerSoNobodyCanBeImpersonated() {
        String token = given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "other-importer", "areas", List.of("73.18"), "roles", List.of("importer")))
                .post("/api/v1/dev/tokens").then().statusCode(201).extract().path("token");
        // The import list shows the caller's own jobs: an empty list under the derived subject, not another's.
        given().auth().oauth2(token).get("/api/v1/imports").then().statusCode(200);
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "other-importer", "areas", List.of("73.18"), "roles", List.of("importer")))
                .post("/api/v1/dev/tokens").then().body("subject", startsWith("test-admin/"));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() {
        String other = Jwt.issuer("https://spm-kesehatan.local/embedded").audience("some-other-app").upn("intruder")
                .groups(Set.of("admin")).claim("areas", List.of("*")).sign();
        given().auth().oauth2(other).get("/api/v1/regions/73.18").then().statusCode(401);
        String none = Jwt.issuer("https://spm-kesehatan.local/embedded").upn("intruder").groups(Set.of("admin"))
                .claim("areas", List.of("*")).sign();
        given().auth().oauth2(none).get("/api/v1/regions/73.18").then().statusCode(401);
        String right = Jwt.issuer("https://spm-kesehatan.local/embedded").audience("spm-api").upn("someone")
                .groups(Set.of("viewer")).claim("areas", List.of("73.18")).sign();
        given().auth().oauth2(right).get("/api/v1/regions/73.18").then().statusCode(200);
    }

    @Test
    void mintingIsOnOnlyInTheEmbeddedDefault() {
        assertThat(LocalTokens.enabled(Optional.empty(), true)).isTrue();
        assertThat(LocalTokens.enabled(Optional.empty(), false)).isFalse();
        assertThat(LocalTokens.enabled(Optional.of(false), true)).isFalse();
        assertThat(LocalTokens.enabled(Optional.of(true), false)).isTrue();
        // The operator's key (environment: ordinal 300) turns the default off; the embedded default's own does not.
        assertThat(LocalTokens.operatorKey(config(300))).isTrue();
        assertThat(LocalTokens.operatorKey(config(EmbeddedDefaultsConfigSourceFactory.ORDINAL))).isFalse();
        assertThat(LocalTokens.operatorKey(new SmallRyeConfigBuilder().build())).isFalse();
    }

    private static Config config(int ordinal) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("mp.jwt.verify.publickey.location", "https://sso.example/certs"), "test", ordinal)).build();
    }
}
