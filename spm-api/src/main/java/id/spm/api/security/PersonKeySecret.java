package id.spm.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.spm.api.config.SpmConfig;
import id.spm.ingest.key.PersonKeys;

/**
 * The one person-key secret (HMAC of the NIK): the importer keys persons with it and
 * {@code POST /persons/lookup} keys a NIK with it, so both agree. From {@code SPM_IMPORT_PERSON_KEY},
 * else a file mounted from the secret store ({@code SPM_IMPORT_PERSON_KEY_FILE}), kept apart from the
 * database; the embedded default keeps a generated one in the data folder.
 */
@ApplicationScoped
public class PersonKeySecret {

    private final PersonKeys keys;

    public PersonKeySecret(SpmConfig config, @ConfigProperty(name = "spm.import.person-key") Optional<String> hex,
            @ConfigProperty(name = "spm.import.person-key-file") Optional<String> file) {
        Path data = Path.of(config.dataDir());
        try {
            if (hex.isPresent()) {
                this.keys = PersonKeys.ofHex(hex.get());
            } else if (file.isPresent()) {
                this.keys = PersonKeys.ofHex(Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII).strip());
            } else {
                this.keys = PersonKeys.loadOrCreate(data.resolve("keys").resolve("person-key.hex"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the person-key secret (data folder " + data + ")", e);
        }
    }

    public PersonKeys keys() {
        return keys;
    }
}
