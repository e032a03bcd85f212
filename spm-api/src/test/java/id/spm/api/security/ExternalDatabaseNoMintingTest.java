package id.spm.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue 7, finding 3: as soon as the database is not the embedded default's, the service mints no token
 * (the logged admin token follows the same switch, {@link LocalTokens#logAdminToken()}).
 */
@QuarkusTest
@TestProfile(ExternalDatabaseNoMintingTest.ExternalDatabase.class)
class ExternalDatabaseNoMintingTest {

    /** What the embedded default reports when a JDBC URL was configured: no embedded database. */
    public static class ExternalDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spm.embedded.active", "false");
        }
    }

    @Inject
    TestTokens tokens;
    @Inject
    LocalTokens local;

    @Test
    void devTokensAreOffAndNoAdminTokenIsLogged() {
        given().auth().oauth2(tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "areas", List.of("73.18"), "roles", List.of("viewer")))
                .post("/api/v1/dev/tokens").then().statusCode(404).body("code", equalTo("DEV_TOKENS_DISABLED"));
        org.assertj.core.api.Assertions.assertThat(local.logAdminToken()).isFalse();
    }
}
