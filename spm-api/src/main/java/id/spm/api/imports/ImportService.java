package id.spm.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import id.spm.api.error.ApiException;
import id.spm.api.model.ImportJob;
import id.spm.api.model.ImportPhase;
import id.spm.api.model.JobEnd;
import id.spm.api.repository.ImportJobs;
import id.spm.api.security.CallerScope;
import id.spm.api.security.Roles;
import id.spm.ingest.read.FileHash;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Accepts uploads as jobs and runs them on a bounded managed executor. The same Idempotency-Key, or
 * the same file (content hash) with the same options, returns the caller's earlier job and starts
 * nothing, as long as what decided its rows (registry, region list, layouts, the caller's areas:
 * {@link ImportBasis}) is unchanged and it did not fail; otherwise the file is imported again and the
 * summary says why. At most {@code spm.import.workers} jobs run and {@code spm.import.max-queued} wait;
 * one more upload is answered 503 with Retry-After and its file is not kept.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Longest Idempotency-Key accepted. */
    static final int MAX_KEY = 200;
    /** Newest jobs an admin's list looks through for those of their districts. */
    static final int ADMIN_SCAN = 5000;

    private final DataSource dataSource;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final ImportInstance instance;
    private final ManagedExecutor executor;
    /** Jobs running or waiting in this instance: workers + max-queued. */
    private final Semaphore slots;

    public ImportService(DataSource dataSource, ImportJobs jobs, ImportRunner runner, ImportSettings settings,
            ImportInstance instance) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        this.instance = instance;
        // No request context travels to the job: it outlives the request and captures what it needs. The
        // executor's own queue is never the bound: a slot is taken before a job is created (slots).
        this.executor = ManagedExecutor.builder().maxAsync(settings.workers()).maxQueued(-1)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
        this.slots = new Semaphore(settings.workers() + settings.maxQueued());
    }

    /**
     * Registers this instance, marks FAILED the jobs of instances that stopped (never a live replica's) and
     * clears the spooled files of ended jobs, before any new job.
     */
    void onStart(@Observes StartupEvent event) {
        instance.start();
    }

    /** On shutdown: stop the workers, then end this instance's open jobs (they will not run here). */
    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        instance.stop();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A submitted job and whether it is new (202) or an earlier one (200). */
    public record Submitted(ImportJob job, boolean created) {
    }

    /** An upload: the file the HTTP layer saved, and the form fields. */
    public record Upload(Path file, String fileName, String layout, boolean dryRun, boolean allOrNothing,
            String idempotencyKey) {
    }

    /** Every worker is busy and the queue is full: answered 503 with Retry-After; nothing was kept. */
    public static final class QueueFull extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        QueueFull(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public Submitted submit(Upload upload, CallerScope caller) {
        caller.requireRole(Roles.IMPORTER);
        String key = upload.idempotencyKey() == null || upload.idempotencyKey().isBlank() ? null
                : upload.idempotencyKey().strip();
        if (key != null && key.length() > MAX_KEY) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY",
                    "An Idempotency-Key has at most " + MAX_KEY + " characters.");
        }
        String layout = upload.layout() == null || upload.layout().isBlank() ? null : upload.layout().strip();
        if (layout != null && settings.layouts().find(layout).isEmpty()) {
            throw ApiException.badRequest("UNKNOWN_LAYOUT", "There is no layout '" + layout + "'.");
        }
        String fileName = upload.fileName() == null || upload.fileName().isBlank() ? "upload" : upload.fileName();
        String subject = caller.subject();
        long size;
        String hash;
        try {
            size = Files.size(upload.file());
            hash = sha256(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        long id;
        String note = null;
        boolean slot = false;
        long[] opened = { -1 };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One submission per caller at a time, so two equal uploads cannot both start a job.
                jobs.lockSubmissions(c, subject);
                ImportBasis basis = ImportBasis.current(c, settings, caller.areas());
                Optional<ImportJob> earlier = Optional.empty();
                boolean byKey = false;
                if (key != null) {
                    earlier = jobs.byIdempotencyKey(c, subject, key);
                    if (earlier.isPresent() && !earlier.get().contentHash().equals(hash)) {
                        throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key
                                + "' was used for another file (job " + earlier.get().id() + "); use a new key.");
                    }
                    byKey = earlier.isPresent();
                }
                if (earlier.isEmpty()) {
                    earlier = jobs.sameFile(c, subject, hash, upload.dryRun(), upload.allOrNothing(), layout);
                }
                Long reimportOf = null;
                if (earlier.isPresent()) {
                    ImportJob e = earlier.get();
                    List<String> changed = e.phase() == ImportPhase.FAILED ? List.of()
                            : basis.changedSince(ImportBasis.parse(jobs.basis(c, e.id())));
                    if (e.phase() != ImportPhase.FAILED && changed.isEmpty()) {
                        c.rollback();
                        deleteQuietly(upload.file());
                        return new Submitted(e, false);
                    }
                    reimportOf = e.id();
                    note = e.phase() == ImportPhase.FAILED
                            ? "This file was imported again: job " + e.id() + " of the same file failed."
                            : "This file was imported again: " + String.join(", ", changed) + " changed since job "
                                    + e.id() + " of the same file.";
                    if (byKey) {
                        // The key now names the new job: a retry with it returns the newest import.
                        jobs.releaseKey(c, e.id());
                    }
                }
                if (!slots.tryAcquire()) {
                    throw queueFull();
                }
                slot = true;
                id = jobs.insert(c, new ImportJobs.NewJob(subject, fileName, size, hash, key, layout, upload.dryRun(),
                        upload.allOrNothing(), instance.id(), basis.json(), reimportOf));
                instance.opened(id);
                opened[0] = id;
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (slot) {
                slots.release();
            }
            if (opened[0] >= 0) {
                instance.closed(opened[0]);
            }
            if (e instanceof QueueFull) {
                deleteQuietly(upload.file());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot create an import job", e);
        }
        if (note != null) {
            LOG.infof("Import job %d: %s", id, note);
        }
        Path spooled;
        try {
            Files.createDirectories(settings.spoolDir());
            spooled = settings.spoolDir().resolve(id + ".upload");
            try {
                Files.move(upload.file(), spooled, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Another file system: copy (the HTTP layer deletes its own file after the request).
                Files.copy(upload.file(), spooled, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            end(id);
            jobs.finish(id, new JobEnd.Failed("The upload could not be stored for processing; nothing was imported."));
            throw new UncheckedIOException("cannot spool the upload of job " + id, e);
        }
        ImportRunner.Caller who = new ImportRunner.Caller(subject, caller.areas());
        ImportRunner.Task task = new ImportRunner.Task(id, spooled, fileName, layout, upload.dryRun(),
                upload.allOrNothing(), who, note);
        try {
            executor.runAsync(() -> {
                try {
                    runner.run(task);
                } finally {
                    end(id);
                }
            });
        } catch (RuntimeException e) {
            // Shutting down: the job will not run here.
            end(id);
            deleteQuietly(spooled);
            jobs.finish(id, new JobEnd.Failed("The service was stopping and could not start this import; nothing was "
                    + "imported. Upload the file again."));
            throw e;
        }
        return new Submitted(get(id, caller), true);
    }

    private void end(long id) {
        instance.closed(id);
        slots.release();
    }

    private QueueFull queueFull() {
        long seconds = Math.max(1, settings.retryAfter().toSeconds());
        return new QueueFull(String.format("%d imports are running and %d are waiting, the most this instance "
                + "accepts (spm.import.workers, spm.import.max-queued); nothing was kept. Upload the file again in "
                + "%d s.", settings.workers(), settings.maxQueued(), seconds), seconds);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Cannot delete %s: %s", file, e.getMessage());
        }
    }

    /** A job of the caller (an admin sees every job); 404 otherwise, so ids reveal nothing. */
    public ImportJob get(long id, CallerScope caller) {
        caller.requireRole(Roles.IMPORTER);
        return jobs.find(id).filter(j -> visible(j, caller))
                .orElseThrow(() -> ApiException.notFound("IMPORT_NOT_FOUND", "No import job " + id + " of yours."));
    }

    /** The caller's jobs, newest first (an admin: also the jobs of the districts their areas cover). */
    public List<ImportJob> list(CallerScope caller, int limit) {
        caller.requireRole(Roles.IMPORTER);
        int n = Math.max(1, Math.min(limit, 500));
        if (!caller.roles().contains(Roles.ADMIN)) {
            return jobs.list(caller.subject(), n);
        }
        return jobs.list(null, ADMIN_SCAN).stream().filter(j -> visible(j, caller)).limit(n).toList();
    }

    /**
     * A job is its creator's; an admin also sees the jobs of a district their areas cover wholly
     * (a national admin: every job). A summary holds located errors of its district's files, so it is
     * never shown beyond that district.
     */
    static boolean visible(ImportJob job, CallerScope caller) {
        if (job.createdBy().equals(caller.subject())) {
            return true;
        }
        if (!caller.roles().contains(Roles.ADMIN)) {
            return false;
        }
        return caller.isNational() || (job.kabkotaCode() != null && caller.scope().coversRegion(job.kabkotaCode()));
    }

    static String sha256(Path file) throws IOException {
        return FileHash.sha256(file);
    }
}
