package id.spm.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.spm.api.config.SpmConfig;
import id.spm.ingest.key.PersonKeys;

/**
 * The one person-key secret of the service: NIK → pseudonymous person key ({@link PersonKeys}, HMAC-SHA256).
 * Production passes it as hex in {@code spm.import.person-key} ({@code SPM_IMPORT_PERSON_KEY}); the
 * embedded default keeps it in {@code <spm.data-dir>/keys/person-key.hex}, created on first use. Every
 * part that turns a NIK into a key (the importer, the lookup of a person) must use this bean, so that
 * they agree.
 */
@ApplicationScoped
public class PersonKeySource {

    /** The key file of the embedded default, relative to the data folder. */
    public static final String KEY_FILE = "keys/person-key.hex";

    private final PersonKeys keys;

    public PersonKeySource(SpmConfig config,
            @ConfigProperty(name = "spm.import.person-key") Optional<String> personKeyHex) {
        Path file = Path.of(config.dataDir()).resolve(KEY_FILE);
        try {
            Optional<String> hex = personKeyHex.filter(s -> !s.isBlank());
            this.keys = hex.isPresent() ? PersonKeys.ofHex(hex.get()) : PersonKeys.loadOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the person-key file " + file, e);
        }
    }

    public PersonKeys personKeys() {
        return keys;
    }

    /** The person key of a normalised 16-digit NIK. */
    public String ofNik(String nik16) {
        return keys.ofNik(nik16);
    }
}
