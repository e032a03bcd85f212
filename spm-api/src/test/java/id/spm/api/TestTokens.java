package id.spm.api;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import id.spm.api.security.TokenService;

/** Bearer tokens for tests, signed with the throwaway key pair of the test data folder. */
@ApplicationScoped
public class TestTokens {

    @Inject
    TokenService tokens;

    public String admin() {
        return tokens.mint("test-admin", List.of("*"), Set.of("admin"));
    }

    public String token(String subject, List<String> areas, String... roles) {
        return tokens.mint(subject, areas, Set.of(roles));
    }
}
