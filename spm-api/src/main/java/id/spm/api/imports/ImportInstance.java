package id.spm.api.imports;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.spm.api.repository.ImportJobs;

/**
 * This process as an owner of import jobs. It has an id of its own (host, pid and a random part, new at
 * every start); every job it accepts carries that id as {@code owner}. Every
 * {@code spm.import.heartbeat-interval} it refreshes its row in {@code import_instance} and the
 * heartbeat of each job it still queues or runs, and marks FAILED the open jobs whose heartbeat is older
 * than {@code spm.import.heartbeat-timeout} and whose owner is not alive: jobs of a process that was
 * killed, here or on another replica. A live replica's jobs are never touched.
 */
@ApplicationScoped
public class ImportInstance {

    private static final Logger LOG = Logger.getLogger(ImportInstance.class);

    private final ImportJobs jobs;
    private final ImportSettings settings;
    private final String id;
    /** Jobs this instance has accepted and not yet ended (queued or running). */
    private final Set<Long> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    public ImportInstance(ImportJobs jobs, ImportSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
        this.id = host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's id, the {@code owner} of its jobs. */
    public String id() {
        return id;
    }

    /** Registers the instance, recovers dead instances' jobs, clears ended jobs' spooled files, starts the heartbeat. */
    synchronized void start() {
        jobs.heartbeat(id, Set.of());
        recover();
        clearSpool();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spm-import-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Import instance %s: heartbeat every %s, jobs of instances silent for %s are marked FAILED", id,
                settings.heartbeatInterval(), settings.heartbeatTimeout());
    }

    /** A job accepted by this instance (before its row commits, so the heartbeat covers it from the start). */
    void opened(long job) {
        open.add(job);
    }

    /** A job ended (whatever happened). */
    void closed(long job) {
        open.remove(job);
    }

    /** Stops the heartbeat and marks this instance's open jobs FAILED (on shutdown: they will not run here). */
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        try {
            List<Long> failed = jobs.failOwn(id, Set.of(), "The service stopped before this import ended; nothing of "
                    + "it was stored. Upload the file again.", true);
            if (!failed.isEmpty()) {
                LOG.warnf("Import job(s) %s were still open at shutdown and are marked FAILED", failed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot end this instance's open import jobs at shutdown (%s); another instance will", e.getMessage());
        }
    }

    private void beat() {
        try {
            if (!jobs.heartbeat(id, Set.copyOf(open))) {
                LOG.warnf("Import instance %s had been silent for too long and registered again", id);
            }
            // Jobs of this instance that it no longer holds (their end could not be written): they will never end.
            // The open rows first, then this instance's jobs: a job is opened here before its row commits, so a
            // row listed is a job held here unless it has ended (a copy of the held jobs taken first would miss a
            // job submitted in between and fail it while it runs).
            List<Long> candidates = new java.util.ArrayList<>(jobs.openOf(id));
            candidates.removeIf(open::contains);
            List<Long> lost = jobs.failLost(id, candidates,
                    "This import's worker ended without recording the result; nothing of it was stored. Upload the "
                            + "file again.");
            if (!lost.isEmpty()) {
                LOG.warnf("Import job(s) %s of this instance had no worker any more and are marked FAILED", lost);
            }
            recover();
        } catch (Throwable e) {
            // The next beat tries again (the database may be restarting); never let the timer die.
            LOG.warnf("Import heartbeat failed: %s", e.toString());
        }
    }

    /** Marks FAILED the open jobs of instances that stopped (see {@link ImportJobs#recoverDead}). */
    List<Long> recover() {
        List<Long> failed = jobs.recoverDead(settings.heartbeatTimeout(), id);
        if (!failed.isEmpty()) {
            LOG.warnf("Import job(s) %s were left open by a stopped instance and are marked FAILED", failed);
            for (Long job : failed) {
                deleteSpooled(job);
            }
        }
        return failed;
    }

    /** Spooled files whose job is no longer open (the spool folder may be shared by replicas). */
    private void clearSpool() {
        Path spool = settings.spoolDir();
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Long job = name.endsWith(".upload") ? parse(name.substring(0, name.length() - ".upload".length())) : null;
                if (job == null || !jobs.open(job)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot clear the import spool %s: %s", spool, e.getMessage());
        }
    }

    private void deleteSpooled(long job) {
        try {
            Files.deleteIfExists(settings.spoolDir().resolve(job + ".upload"));
        } catch (IOException e) {
            LOG.warnf("Cannot delete the spooled file of import job %d: %s", job, e.getMessage());
        }
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = ManagementFactory.getRuntimeMXBean().getName();
            }
        }
        return h.length() > 60 ? h.substring(0, 60) : h;
    }
}
