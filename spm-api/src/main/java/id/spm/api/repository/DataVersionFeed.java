package id.spm.api.repository;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import id.spm.api.config.SpmConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Data versions pushed to this instance (issue 13, cached {@code GET /achievements}): the district's {@code data_version}
 * rows and frozen submissions remembered in memory, so a cached read needs no round trip to PostgreSQL.
 * <p>
 * Consistency, in this order of precedence:
 * <ul>
 * <li><b>Not listening</b> (starting, database restarting, connection lost, {@code spm.cache.version-max-age} = 0): nothing
 * is remembered and every read queries the database, as before.</li>
 * <li><b>This instance's writes</b> are exact: every writer goes through {@link DataVersions#bump} (or
 * {@link DataVersions#written} for a submission), which marks the district as written by its transaction (its
 * {@code txid}) before the commit. While a district has such a mark its reads query the database; the mark goes when
 * the notification of that transaction arrives (it committed: the district's entry is dropped with it) or when the
 * transaction is seen ended ({@code txid_status}: rolled back, or committed while not listening). So the next read
 * after a commit here never sees the version before it, whether the notification has arrived or not.</li>
 * <li><b>Other instances' writes</b> arrive as notifications of channel {@code spm_data_version} (trigger of V131,
 * sent at commit) on one dedicated connection (not from the pool) read by a daemon thread; each drops the district's
 * entry. A read that began before a notification was processed never stores what it read after it (a generation
 * counter), so once a notification is processed no entry older than the database is served.</li>
 * <li>On every (re)connection the entries are cleared after {@code LISTEN} and before use: notifications missed
 * while disconnected leave nothing stale. Entries also expire after {@code spm.cache.version-max-age}, a bound on
 * what a lost notification could pin.</li>
 * </ul>
 */
@ApplicationScoped
public class DataVersionFeed {

    private static final Logger LOG = Logger.getLogger(DataVersionFeed.class);
    static final String CHANNEL = "spm_data_version";
    /** The listening connection's {@code application_name} (visible in {@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "spm-data-version-listener";
    private static final long POLL_MILLIS = 250;
    private static final long CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    /** The data versions and submission ids of a district, as read in one statement. */
    public record District(Map<Integer, Long> versions, Map<Integer, Long> submissions, long loadedAt) {

        /** {@link DataVersions#windowVersion}: years {@code year - lookback … year} and the registry year. */
        public long windowVersion(int year, int lookbackYears) {
            long sum = versions.getOrDefault(DataVersions.REGISTRY_YEAR, 0L);
            for (int y = Math.max(year - lookbackYears, 1); y <= year; y++) {
                sum += versions.getOrDefault(y, 0L);
            }
            return sum;
        }

        /** The id of the district's frozen submission of a period (quarter 0: the year), if any. */
        public Long submission(int year, int quarter) {
            return submissions.get(year * 10 + quarter);
        }
    }

    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final long maxAgeNanos;

    private final Map<String, District> districts = new ConcurrentHashMap<>();
    /** Districts written by transactions of this instance not yet seen ended: txid → when marked. */
    private final Map<String, Map<Long, Long>> written = new ConcurrentHashMap<>();
    /** Guards every change of {@link #districts}, {@link #written} and {@link #generation}. */
    private final Object lock = new Object();
    private volatile long generation;
    private volatile boolean listening;
    private volatile boolean suspended;
    private volatile boolean held;
    private volatile boolean running;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private Thread thread;

    public DataVersionFeed(SpmConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxAgeNanos = config.cache().versionMaxAge().toNanos();
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    /** Starts the listening thread (once); without a JDBC URL or with a max age of 0 nothing is ever remembered. */
    synchronized void start() {
        if (thread != null || maxAgeNanos <= 0 || url.isEmpty()) {
            return;
        }
        DataVersions.observe(this::written);
        running = true;
        thread = new Thread(this::listen, "spm-data-version-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        DataVersions.observe(null);
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
        forget(false);
    }

    /** Whether versions are pushed now (else every read queries the database). */
    public boolean listening() {
        return listening;
    }

    /** How many times the listening connection was opened (1 after the start, +1 per reconnection). */
    public long connections() {
        return connections.get();
    }

    /** Whether a district's versions are remembered now (tests and diagnostics). */
    public boolean remembers(String kabkota) {
        return districts.containsKey(kabkota);
    }

    /**
     * Stops listening (closing the connection: reads query the database) until {@link #resume}; for tests of the
     * disconnected state and for an operator who distrusts the notifications.
     */
    public void suspend() {
        // The listening thread closes its connection and forgets the entries within one poll ({@link #listening}
        // turns false then).
        suspended = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Listens again after {@link #suspend} (entries are cleared on the new connection before use). */
    public void resume() {
        suspended = false;
    }

    /**
     * For tests: notifications received while held are processed only when released (as if delivery were slow), so a
     * test can tell what a read answers before this instance has heard of a change.
     */
    public void holdNotifications(boolean hold) {
        held = hold;
    }

    /**
     * The remembered versions of a district, if they may be used now: listening, not written by an open or
     * unconfirmed transaction of this instance, and younger than the max age. Else null: query the database.
     */
    District usable(String kabkota) {
        if (!listening || written.containsKey(kabkota)) {
            return null;
        }
        District d = districts.get(kabkota);
        if (d == null || System.nanoTime() - d.loadedAt() > maxAgeNanos) {
            return null;
        }
        return d;
    }

    /**
     * Taken before a read that may be remembered: -1 when it may not (not listening, or the district is being
     * written here); else the generation that {@link #offer} checks.
     */
    long ticket(String kabkota) {
        long g = generation;
        return listening && !written.containsKey(kabkota) ? g : -1;
    }

    /** Remembers what a read taken with {@code ticket} found, unless anything was invalidated since. */
    void offer(String kabkota, long ticket, District d) {
        if (ticket < 0) {
            return;
        }
        synchronized (lock) {
            if (generation == ticket && listening && !written.containsKey(kabkota)) {
                districts.put(kabkota, d);
            }
        }
    }

    /** A transaction of this instance wrote a district's versions or submissions (before its commit). */
    void written(String kabkota, long txid) {
        synchronized (lock) {
            generation++;
            districts.remove(kabkota);
            written.computeIfAbsent(kabkota, k -> new HashMap<>()).put(txid, System.nanoTime());
        }
    }

    /** A committed change of a district (a notification): drop its entry, then the mark of that transaction. */
    private void changed(String kabkota, Long txid) {
        synchronized (lock) {
            generation++;
            if (kabkota == null) {
                // Every district changed; the marks of this instance's open transactions stay until they end.
                districts.clear();
                return;
            }
            districts.remove(kabkota);
            Map<Long, Long> marks = written.get(kabkota);
            if (marks != null && txid != null) {
                marks.remove(txid);
                if (marks.isEmpty()) {
                    written.remove(kabkota);
                }
            }
        }
    }

    /** Clears every entry (not the marks of open transactions); with {@code listening} false, stops their use. */
    private void forget(boolean keepListening) {
        synchronized (lock) {
            if (!keepListening) {
                listening = false;
            }
            generation++;
            districts.clear();
        }
    }

    private void listen() {
        long backoff = 100;
        boolean lost = false;
        while (running) {
            if (suspended) {
                sleep(POLL_MILLIS);
                continue;
            }
            try (Connection c = connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                // Cleared after LISTEN and before use: what changed while not listening is read afresh.
                synchronized (lock) {
                    generation++;
                    districts.clear();
                    listening = !suspended;
                }
                if (connections.incrementAndGet() > 1 && lost) {
                    LOG.infof("Listening to %s again: data versions are pushed to this instance", CHANNEL);
                }
                lost = false;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                List<String> late = new java.util.ArrayList<>();
                while (running && !suspended) {
                    PGNotification[] ns = pg.getNotifications((int) POLL_MILLIS);
                    if (ns != null) {
                        for (PGNotification n : ns) {
                            late.add(n.getParameter());
                        }
                    }
                    if (!held) {
                        late.forEach(this::handle);
                        late.clear();
                    }
                    if (System.nanoTime() - checked > CHECK_NANOS && !held) {
                        check(c);
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running && !suspended && !lost) {
                    // Once per loss (the retries, every 0.1 to 2 s, are silent).
                    LOG.warnf("Not listening to %s (%s): reads query the data versions until it is back", CHANNEL,
                            e.toString());
                    lost = true;
                }
            } finally {
                forget(false);
            }
            if (running && !suspended) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    /** {@code kabkota|year|quarter|version|txid}, or {@code *} (a truncation: everything changed). */
    void handle(String payload) {
        notifications.incrementAndGet();
        if (payload == null || payload.startsWith("*")) {
            changed(null, null);
            return;
        }
        String[] f = payload.split("\\|", -1);
        Long txid = null;
        try {
            txid = Long.valueOf(f[f.length - 1]);
        } catch (NumberFormatException e) {
            // an unexpected payload still drops the district
        }
        changed(f[0], txid);
    }

    /**
     * Once a second: the connection is alive (a query), and the marks of this instance's transactions older than a
     * second are resolved by {@code txid_status}: ended ones (rolled back, or committed with a notification this
     * connection did not see) are removed, with the district's entry.
     */
    private void check(Connection c) throws SQLException {
        long now = System.nanoTime();
        Map<Long, List<String>> old = new HashMap<>();
        synchronized (lock) {
            written.forEach((kabkota, marks) -> marks.forEach((txid, at) -> {
                if (now - at > CHECK_NANOS) {
                    old.computeIfAbsent(txid, k -> new java.util.ArrayList<>()).add(kabkota);
                }
            }));
        }
        if (old.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.execute("select 1");
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select txid_status(?)")) {
            for (Map.Entry<Long, List<String>> e : old.entrySet()) {
                ps.setLong(1, e.getKey());
                String status;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    status = rs.getString(1);
                } catch (SQLException unknown) {
                    if (!c.isValid(5)) {
                        throw unknown;
                    }
                    // An id this database does not know (it was restored or recreated): that transaction is over.
                    status = null;
                }
                if (!"in progress".equals(status)) {
                    for (String kabkota : e.getValue()) {
                        changed(kabkota, e.getKey());
                    }
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "10");
        // A half-open connection fails the once-a-second query within this many seconds.
        p.setProperty("socketTimeout", "10");
        Connection c = DriverManager.getConnection(url.orElseThrow(), p);
        c.setAutoCommit(true);
        return c;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // stop() or suspend(): the loop looks at the flags
        }
    }
}
