package id.spm.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.config.SpmConfig;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Limits;

/**
 * The importer's settings ({@code spm.import.*}, see the README) and the read-only things every job
 * shares: layouts, the Kemendagri list, the person-key secret and the hostile-file limits.
 */
@ApplicationScoped
public class ImportSettings {

    private final LayoutRegistry layouts;
    private final Regions regions;
    private final PersonKeys personKeys;
    private final Limits limits;
    private final Path spoolDir;
    private final int workers;
    private final ObjectMapper mapper;

    public ImportSettings(SpmConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "spm.import.person-key") Optional<String> personKeyHex,
            @ConfigProperty(name = "spm.import.person-key-file") Optional<String> personKeyFile,
            @ConfigProperty(name = "spm.import.layouts-dir") Optional<String> layoutsDir,
            @ConfigProperty(name = "spm.import.max-file-bytes", defaultValue = "536870912") long maxFileBytes,
            @ConfigProperty(name = "spm.import.workers", defaultValue = "2") int workers) {
        this.mapper = mapper;
        this.layouts = layoutsDir.map(d -> LayoutRegistry.withDirectory(Path.of(d))).orElseGet(LayoutRegistry::builtIn);
        this.regions = Regions.builtIn();
        Path data = Path.of(config.dataDir());
        try {
            // Production passes the secret (SPM_IMPORT_PERSON_KEY); the embedded default keeps one in the data folder.
            // or a file mounted from the secret store (SPM_IMPORT_PERSON_KEY_FILE), kept apart from the database.
            if (personKeyHex.isPresent()) {
                this.personKeys = PersonKeys.ofHex(personKeyHex.get());
            } else if (personKeyFile.isPresent()) {
                this.personKeys = PersonKeys.ofHex(
                        Files.readString(Path.of(personKeyFile.get()), StandardCharsets.US_ASCII).strip());
            } else {
                this.personKeys = PersonKeys.loadOrCreate(data.resolve("keys").resolve("person-key.hex"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the person-key file in " + data, e);
        }
        this.limits = Limits.defaults().withMaxFileBytes(maxFileBytes);
        this.spoolDir = data.resolve("imports");
        this.workers = Math.max(1, workers);
    }

    public LayoutRegistry layouts() {
        return layouts;
    }

    public Regions regions() {
        return regions;
    }

    public PersonKeys personKeys() {
        return personKeys;
    }

    public Limits limits() {
        return limits;
    }

    /** Where uploaded files wait for their job (deleted when it ends, and at start-up). */
    public Path spoolDir() {
        return spoolDir;
    }

    /** Jobs that run at once; more wait in the queue. */
    public int workers() {
        return workers;
    }

    String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
