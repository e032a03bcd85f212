package id.spm.api.imports;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The importer's settings ({@code spm.import.*}, see the README). A mapping of its own, so they can be
 * set in application.properties and as system properties, not only as environment variables.
 */
@ConfigMapping(prefix = "spm.import")
public interface ImportConfig {

    /** Hex secret of the NIK → person-key HMAC; generated in the data folder when absent. */
    Optional<String> personKey();

    /** The same secret read from a file (a mounted secret), kept apart from the database. */
    Optional<String> personKeyFile();

    /** A region's own layout files besides the built-in ones. */
    Optional<String> layoutsDir();

    /** Largest upload the importer reads. */
    @WithDefault("536870912")
    long maxFileBytes();

    /** Import jobs running at once. */
    @WithDefault("2")
    int workers();

    /** Uploads that may wait for a worker; one more is answered 503 with Retry-After. */
    @WithDefault("8")
    int maxQueued();

    /** How often an instance refreshes its heartbeat and its jobs', and recovers dead instances' jobs. */
    @WithDefault("PT5S")
    Duration heartbeatInterval();

    /** An open job whose heartbeat is older, and whose owner instance is not alive, is marked FAILED. */
    @WithDefault("PT60S")
    Duration heartbeatTimeout();

    /** Retry-After of the 503 answered when the queue is full. */
    @WithDefault("PT30S")
    Duration retryAfter();

    /**
     * Threads that parse, validate and key a file's rows besides the one reading it (rows settle in file
     * order whatever the number), and threads that encode the accepted rows for COPY; by default the
     * machine's processors.
     */
    Optional<Integer> parseThreads();

    /** Compute the district-years an import changed in the background after it commits. */
    @WithDefault("true")
    boolean precompute();
}
