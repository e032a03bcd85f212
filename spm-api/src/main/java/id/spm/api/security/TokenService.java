package id.spm.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.config.SpmConfig;
import io.smallrye.jwt.build.Jwt;

/** Mints bearer tokens with the embedded default's private key (local use and tests only). */
@ApplicationScoped
public class TokenService {

    private final SpmConfig config;

    public TokenService(SpmConfig config) {
        this.config = config;
    }

    public String mint(String subject, List<String> areas, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(config.jwt().issuer()).audience(config.jwt().audience()).upn(subject).subject(subject).groups(roles)
                .claim(CallerScope.AREAS_CLAIM, List.copyOf(areas)).expiresIn(lifetime).sign();
    }

    public String mint(String subject, List<String> areas, Set<String> roles) {
        return mint(subject, areas, roles, config.jwt().tokenLifetime());
    }
}
