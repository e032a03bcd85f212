package id.spm.api.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

import id.spm.api.config.EmbeddedDefaultsConfigSourceFactory;
import id.spm.api.config.SpmConfig;

/**
 * Whether this instance mints tokens itself ({@code POST /api/v1/dev/tokens}, the logged local admin
 * token). Only the embedded default does: the verification key is the pair generated in the data
 * folder and the database is the embedded one. As soon as the operator configures a verification key
 * ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}) or an external database, both are off unless explicitly
 * enabled ({@code spm.jwt.dev-tokens}, {@code spm.jwt.log-admin-token}).
 */
@ApplicationScoped
public class LocalTokens {

    private final boolean minting;
    private final boolean logging;

    public LocalTokens(SpmConfig config) {
        boolean embedded = !operatorKey(ConfigProvider.getConfig()) && config.embedded().active();
        this.minting = enabled(config.jwt().devTokens(), embedded);
        this.logging = enabled(config.jwt().logAdminToken().or(config.jwt()::devTokens), embedded);
    }

    /** An explicit setting wins; unset, only the embedded default (generated keys, embedded database) mints. */
    static boolean enabled(Optional<Boolean> explicit, boolean embeddedDefault) {
        return explicit.orElse(embeddedDefault);
    }

    /**
     * Whether the operator configured the verification key (environment, system property, a properties
     * file): a source ranked above the embedded default's. Below it are only generated defaults (the
     * embedded default's own pair; in dev and test mode, Quarkus' throwaway pair).
     */
    static boolean operatorKey(Config config) {
        for (String name : List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey")) {
            ConfigValue v = config.getConfigValue(name);
            if (v != null && v.getValue() != null && !v.getValue().isBlank()
                    && v.getSourceOrdinal() > EmbeddedDefaultsConfigSourceFactory.ORDINAL) {
                return true;
            }
        }
        return false;
    }

    public boolean minting() {
        return minting;
    }

    public boolean logAdminToken() {
        return logging;
    }
}
