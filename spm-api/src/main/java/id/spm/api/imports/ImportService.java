package id.spm.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import id.spm.api.security.CallerScope;
import id.spm.api.security.Roles;
import id.spm.api.service.ApiException;
import io.quarkus.runtime.StartupEvent;

/**
 * Accepts uploads as jobs and runs them on a bounded managed executor. The same Idempotency-Key, or
 * the same file (content hash) with the same options, returns the caller's earlier job and starts
 * nothing.
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
    private final ManagedExecutor executor;

    public ImportService(DataSource dataSource, ImportJobs jobs, ImportRunner runner, ImportSettings settings) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        // No request context travels to the job: it outlives the request and captures what it needs.
        this.executor = ManagedExecutor.builder().maxAsync(settings.workers()).maxQueued(-1)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    /** Marks jobs interrupted by a stop or crash FAILED and clears their spooled files, before any new job. */
    void onStart(@Observes StartupEvent event) {
        int failed = jobs.failInterrupted();
        if (failed > 0) {
            LOG.warnf("%d import job(s) were interrupted by a stop or crash and are marked FAILED", failed);
        }
        Path spool = settings.spoolDir();
        if (Files.isDirectory(spool)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                LOG.warnf("Cannot clear the import spool %s: %s", spool, e.getMessage());
            }
        }
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One submission per caller at a time, so two equal uploads cannot both start a job.
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    ps.setString(1, "spm-import-submit:" + subject);
                    ps.execute();
                }
                Optional<ImportJob> earlier = Optional.empty();
                if (key != null) {
                    earlier = jobs.byIdempotencyKey(c, subject, key);
                    if (earlier.isPresent() && !earlier.get().contentHash().equals(hash)) {
                        throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key
                                + "' was used for another file (job " + earlier.get().id() + "); use a new key.");
                    }
                }
                if (earlier.isEmpty()) {
                    earlier = jobs.sameFile(c, subject, hash, upload.dryRun(), upload.allOrNothing(), layout);
                }
                if (earlier.isPresent()) {
                    c.rollback();
                    return new Submitted(earlier.get(), false);
                }
                id = jobs.insert(c, new ImportJobs.NewJob(subject, fileName, size, hash, key, layout, upload.dryRun(),
                        upload.allOrNothing()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create an import job", e);
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
            jobs.finish(id, ImportJob.FAILED, null, null, null, null,
                    "The upload could not be stored for processing; nothing was imported.");
            throw new UncheckedIOException("cannot spool the upload of job " + id, e);
        }
        ImportRunner.Caller who = new ImportRunner.Caller(subject, caller.areas());
        executor.runAsync(() -> runner.run(new ImportRunner.Task(id, spooled, fileName, layout, upload.dryRun(),
                upload.allOrNothing(), who)));
        return new Submitted(get(id, caller), true);
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
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
