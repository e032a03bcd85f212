package id.spm.api.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The embedded default, decided while configuration is assembled (so it serves the packaged app,
 * {@code quarkus:dev} and {@code @QuarkusTest} alike): with no JDBC URL configured, start an embedded
 * PostgreSQL on the data folder; with no JWT public key configured, generate an RSA key pair there.
 * A configured value (environment, system property, application.properties) always wins.
 */
public class EmbeddedDefaultsConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and environment variables (300): a fallback only. */
    public static final int ORDINAL = 150;
    /** Name of the configuration source holding the embedded default's values. */
    public static final String SOURCE_NAME = "spm-embedded-defaults";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (duringBuild()) {
            // Quarkus also reads configuration while it builds the application, and records runtime values
            // it sees then as defaults: a database started at build time would be baked into the jar.
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        Path dataDir = Path.of(get(context, "spm.data-dir", "./data")).toAbsolutePath().normalize();
        boolean ephemeral = Boolean.parseBoolean(get(context, "spm.embedded.ephemeral", "false"));

        if (isBlank(context, "quarkus.datasource.jdbc.url")
                && Boolean.parseBoolean(get(context, "spm.embedded.database", "true"))) {
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"), ephemeral);
            values.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            values.put("quarkus.datasource.username", db.username());
            values.put("quarkus.datasource.password", db.password());
            values.put("spm.embedded.active", "true");
        }
        if (isBlank(context, "mp.jwt.verify.publickey.location") && isBlank(context, "mp.jwt.verify.publickey")
                && Boolean.parseBoolean(get(context, "spm.embedded.keys", "true"))) {
            LocalKeyPair keys = LocalKeyPair.ensure(dataDir.resolve("keys"));
            values.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
            values.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
            values.put("spm.embedded.keys-active", "true");
        }
        return List.of(new PropertiesConfigSource(values, SOURCE_NAME, ORDINAL));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(ORDINAL);
    }

    private static boolean duringBuild() {
        return StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("io.quarkus.deployment.configuration.")));
    }

    private static String get(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }

    private static boolean isBlank(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank();
    }
}
