package id.spm.api.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.config.SpmConfig;
import id.spm.api.security.PersonKeySecret;
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
    private final int maxQueued;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Duration retryAfter;
    private final boolean precompute;
    private final int parseThreads;
    private final String layoutsHash;
    private final ObjectMapper mapper;

    public ImportSettings(SpmConfig config, ImportConfig importConfig, ObjectMapper mapper,
            PersonKeySecret personKeySecret) {
        Optional<String> layoutsDir = importConfig.layoutsDir();
        long maxFileBytes = importConfig.maxFileBytes();
        int workers = importConfig.workers();
        int maxQueued = importConfig.maxQueued();
        Duration heartbeatInterval = importConfig.heartbeatInterval();
        Duration heartbeatTimeout = importConfig.heartbeatTimeout();
        Duration retryAfter = importConfig.retryAfter();
        boolean precompute = importConfig.precompute();
        this.mapper = mapper;
        this.layouts = layoutsDir.map(d -> LayoutRegistry.withDirectory(Path.of(d))).orElseGet(LayoutRegistry::builtIn);
        this.regions = Regions.builtIn();
        Path data = Path.of(config.dataDir());
        // The one secret, shared with POST /persons/lookup (PersonKeySecret).
        this.personKeys = personKeySecret.keys();
        this.limits = Limits.defaults().withMaxFileBytes(maxFileBytes);
        this.spoolDir = data.resolve("imports");
        this.workers = Math.max(1, workers);
        this.maxQueued = Math.max(0, maxQueued);
        this.heartbeatInterval = heartbeatInterval.isNegative() || heartbeatInterval.isZero() ? Duration.ofSeconds(5)
                : heartbeatInterval;
        // A timeout of less than two heartbeats would fail live jobs.
        this.heartbeatTimeout = heartbeatTimeout.compareTo(this.heartbeatInterval.multipliedBy(2)) < 0
                ? this.heartbeatInterval.multipliedBy(2)
                : heartbeatTimeout;
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        this.precompute = precompute;
        this.parseThreads = Math.max(1, importConfig.parseThreads().orElse(Runtime.getRuntime().availableProcessors()));
        this.layoutsHash = hash(layouts);
    }

    /** SHA-256 of every layout definition (records: their text is their content), by name. */
    private static String hash(LayoutRegistry layouts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            layouts.all().stream().sorted(Comparator.comparing(l -> l.name()))
                    .forEach(l -> md.update((l.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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

    /** Threads parsing a file's rows ({@code spm.import.parse-threads}). */
    public int parseThreads() {
        return parseThreads;
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

    /** Uploads that may wait for a worker; one more is answered 503 (its file is not kept). */
    public int maxQueued() {
        return maxQueued;
    }

    /** How often an instance refreshes its own heartbeat and its jobs', and looks for dead instances' jobs. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** A job whose heartbeat is older, and whose owner instance is not alive, is marked FAILED. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** The Retry-After of a 503 when the queue is full. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Compute the changed district-years in the background after an import commits. */
    public boolean precompute() {
        return precompute;
    }

    /** A short hash of the layout definitions: a change of one imports the same file again. */
    public String layoutsHash() {
        return layoutsHash;
    }

    String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
