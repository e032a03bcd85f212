package id.spm.api.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.spm.api.area.AreaScope;
import id.spm.api.area.PuskesmasPlacement;
import id.spm.api.config.SpmConfig;
import id.spm.api.model.ImportJob;
import id.spm.api.model.ImportPhase;
import id.spm.api.model.JobEnd;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersions;
import id.spm.api.repository.FactRepository;
import id.spm.api.repository.ImportJobs;
import id.spm.api.repository.ImportMerger;
import id.spm.api.repository.ImportMerger.DistrictYear;
import id.spm.api.repository.ImportProbe;
import id.spm.api.repository.RegistryQueries;
import id.spm.api.repository.Staging;
import id.spm.api.repository.Staging.Kind;
import id.spm.api.service.BackgroundComputations;
import id.spm.ingest.Ingestor;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.Report;

/**
 * Runs one import job on a worker thread: reads the file with spm-ingest, streams the accepted rows
 * into a staging table with COPY, merges them into the fact tables, bumps the data version of every
 * district-year that changed and marks the job DONE, all in one transaction. Anything that goes
 * wrong rolls the whole file back; a dry run always rolls back, after previewing the consequences.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Least time between two progress writes. */
    private static final long PROGRESS_NANOS = 500_000_000L;

    private final DataSource dataSource;
    private final ImportJobs jobs;
    private final ImportSettings settings;
    private final FactRepository facts;
    private final SpmConfig config;
    private final ImportProbe probe;
    private final BackgroundComputations background;

    public ImportRunner(DataSource dataSource, ImportJobs jobs, ImportSettings settings, FactRepository facts,
            SpmConfig config, ImportProbe probe, BackgroundComputations background) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.settings = settings;
        this.facts = facts;
        this.config = config;
        this.probe = probe;
        this.background = background;
    }

    /** Who asked: the caller's areas, captured in the request (the job outlives it). */
    public record Caller(String subject, Set<String> areas) {
        public Caller {
            areas = Set.copyOf(areas);
        }
    }

    /**
     * What to run; {@code note} (may be null) says why the same file is imported again, and goes to the
     * summary's warnings.
     */
    public record Task(long jobId, Path file, String fileName, String layout, boolean dryRun, boolean allOrNothing,
            Caller caller, String note) {
    }

    /**
     * Runs a job to its end; never throws, whatever is thrown inside it (an {@code OutOfMemoryError} of a
     * hostile workbook included): the job row says what happened, and ends in a terminal phase.
     */
    public void run(Task task) {
        long started = System.nanoTime();
        try {
            jobs.phase(task.jobId(), ImportPhase.READING);
            execute(task);
        } catch (Throwable e) {
            // Errors too: an uncaught one would end the task silently and leave the job READING for ever.
            try {
                LOG.errorf(e, "Import job %d failed", task.jobId());
            } catch (Throwable logging) {
                // Out of memory even for the log line: the job row below still says it.
            }
            try {
                // Only while open: a job that committed (DONE) before something else was thrown stays DONE.
                jobs.failIfOpen(task.jobId(), "The import failed unexpectedly and nothing of it was stored ("
                        + e.getClass().getSimpleName() + "); it has been logged. Try again, or report job "
                        + task.jobId() + ".");
            } catch (Throwable again) {
                // The heartbeat's sweep ends it (this instance no longer holds it).
                LOG.errorf(again, "Cannot mark import job %d failed", task.jobId());
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            try {
                Files.deleteIfExists(task.file());
            } catch (IOException e) {
                LOG.warnf("Cannot delete the spooled file of import job %d: %s", task.jobId(), e.getMessage());
            }
            LOG.infof("Import job %d ended in %d ms", task.jobId(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void execute(Task task) throws SQLException, IOException {
        long id = task.jobId();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Staging staging = new Staging(c, "spm-import-" + id, settings.parseThreads())) {
                // The registry is the one truth for where a Puskesmas is: its kecamatan and district.
                RegistryQueries.Placements registry = RegistryQueries.placements(c);
                Map<String, String> kecamatanOf = registry.kecamatanOf();
                Map<String, String> districtOf = registry.districtOf();
                staging.registry(districtOf);
                Ingestor ingestor = new Ingestor(settings.layouts(), settings.regions(),
                        PuskesmasRegistry.of(kecamatanOf.keySet()), settings.personKeys(), settings.limits(),
                        guard(task.caller(), kecamatanOf, RegistryQueries.codeExceptions(c)));
                long[] lastWrite = { System.nanoTime() };
                long readStarted = System.nanoTime();
                Report report;
                try {
                    report = ingestor.read(task.file(), task.fileName(),
                            new Ingestor.Options(task.layout(), LocalDate.now(), settings.parseThreads()), row -> {
                                try {
                                    staging.add(row);
                                } catch (SQLException e) {
                                    throw new StagingFailed(e);
                                }
                            }, (rows, bytes, total) -> {
                                long now = System.nanoTime();
                                if (now - lastWrite[0] >= PROGRESS_NANOS) {
                                    lastWrite[0] = now;
                                    jobs.progress(id, Math.max(bytes, 0), Math.max(total, 0), rows);
                                }
                            });
                } catch (FileRefusedException e) {
                    staging.close();
                    c.rollback();
                    Report refused = Report.refused(task.fileName(), e.code().name(), e.getMessage());
                    jobs.finish(id, new JobEnd.Refused(null, summary(refused, null, null, task.note()), e.getMessage()));
                    return;
                } catch (StagingFailed e) {
                    throw e.getCause();
                }
                if (task.allOrNothing() && report.rowsRejected() > 0) {
                    staging.close();
                    c.rollback();
                    jobs.finish(id, new JobEnd.Refused(report.layout(), summary(report, null, null, task.note()),
                            String.format("allOrNothing: %,d of %,d rows were rejected, so nothing was stored. Correct "
                                    + "the cells listed in the summary and upload the file again.", report.rowsRejected(),
                                    report.rowsRead())));
                    return;
                }
                long readEnded = System.nanoTime();
                staging.finish();
                long staged = System.nanoTime();
                LOG.infof("Import job %d read and staged %d rows in %d ms", id, staging.rows(),
                        (staged - readStarted) / 1_000_000);
                String stages = String.format("read+parse+stage %d (%s), copy end+analyze %d",
                        (readEnded - readStarted) / 1_000_000,
                        staging.timings(), (staged - readEnded) / 1_000_000);
                probe.reached(id, ImportProbe.Point.STAGED);
                if (staging.kind() == null) {
                    c.rollback();
                    jobs.finish(id,
                            new JobEnd.Done(report.layout(), null, List.of(), summary(report, null, null, task.note())));
                    return;
                }
                jobs.phase(id, ImportPhase.MERGING);
                merge(c, task, report, staging.kind(), stages);
            } catch (Throwable e) {
                // Whatever was thrown (an Error too), the transaction is rolled back before the connection returns.
                safeRollback(c);
                throw e;
            }
        }
    }

    private void merge(Connection c, Task task, Report report, Kind kind, String stages) throws SQLException {
        long id = task.jobId();
        long mergeStarted = System.nanoTime();
        SortedSet<String> districts = ImportMerger.districts(c, kind);
        ImportMerger.lock(c, districts);
        SortedSet<DistrictYear> years = ImportMerger.districtYears(c, kind);
        boolean preview = task.dryRun() && (kind == Kind.EVENT || kind == Kind.COUNT);
        ImpactPreview impact = new ImpactPreview(facts, config.compute().lookbackYears());
        Set<String> areas = preview ? ImportMerger.stagedPuskesmas(c, kind) : Set.of();
        ImpactPreview.Snapshot before = preview ? impact.snapshot(c, years, areas) : null;
        long prepared = System.nanoTime();
        ImportMerger merger = new ImportMerger(c, id, task.caller().subject());
        ImportMerger.Result result = merger.merge(kind, probe);
        long merged = System.nanoTime();
        List<ImportJob.Impact> consequences = null;
        if (preview) {
            consequences = ImpactPreview.compare(before, impact.snapshot(c, years, areas));
        }
        ImportJob.Summary summary = summary(report, result, consequences, task.note());
        String kabkota = districts.isEmpty() ? null : districts.first();
        if (task.dryRun()) {
            c.rollback();
            jobs.finish(id, new JobEnd.Done(report.layout(), kabkota, result.scope(), summary));
            return;
        }
        // The change feed's rows of these bumps (trigger of V60) say what this transaction is.
        ChangeEvents.kind(c, ChangeEvents.IMPORT_COMMITTED, "import " + id);
        for (DistrictYear dy : result.changed()) {
            DataVersions.bump(c, dy.kabkota(), dy.year());
        }
        jobs.finish(c, id, new JobEnd.Done(report.layout(), kabkota, result.scope(), summary));
        long finished = System.nanoTime();
        c.commit();
        LOG.infof("Import job %d stages: %s, lock+preview %d, merge [%s], bump+finish %d, commit %d (ms)", id, stages,
                (prepared - mergeStarted) / 1_000_000, merger.timings(), (finished - merged) / 1_000_000,
                (System.nanoTime() - finished) / 1_000_000);
        afterCommit(result.changed());
        LOG.infof("Import job %d (%s): %d rows read, %d created, %d updated, %d unchanged, %d removed, %d rejected; "
                + "merged and committed in %d ms; data versions bumped for %s", id, report.layout(), report.rowsRead(),
                result.created(), result.updated(), result.unchanged(), result.removed(), report.rowsRejected(),
                (System.nanoTime() - mergeStarted) / 1_000_000, result.changed());
    }

    /** Computes the district-years an import changed in the background, so their first reader is served fast. */
    private void afterCommit(Set<DistrictYear> changed) {
        if (!settings.precompute() || changed.isEmpty()) {
            return;
        }
        try {
            Map<String, Set<Integer>> years = new HashMap<>();
            for (DistrictYear dy : changed) {
                years.computeIfAbsent(dy.kabkota(), k -> new TreeSet<>()).add(dy.year());
            }
            background.districtYears(years);
        } catch (Throwable e) {
            // Committed: nothing here may change the job's outcome.
            LOG.warnf("Cannot schedule the computation of %s: %s", changed, e.toString());
        }
    }

    static ImportJob.Summary summary(Report r, ImportMerger.Result m, List<ImportJob.Impact> impact, String note) {
        List<String> warnings = r.warnings();
        if (note != null) {
            warnings = new java.util.ArrayList<>();
            warnings.add(note);
            if (r.warnings() != null) {
                warnings.addAll(r.warnings());
            }
        }
        return new ImportJob.Summary(r.rowsRead(), r.rowsAccepted(), r.rowsRejected(), m == null ? 0 : m.created(),
                m == null ? 0 : m.updated(), m == null ? 0 : m.unchanged(), m == null ? 0 : m.removed(),
                m == null ? r.persons() : m.persons(), r.refusal() == null ? null : r.refusal().code(), warnings,
                r.unknownColumns(), r.errors(), m == null ? List.of() : m.removals(),
                m == null ? List.of() : m.sample(), impact, m == null || m.personConflicts() == 0 ? null : m.personConflicts(),
                m == null || m.conflictSample().isEmpty() ? null : m.conflictSample());
    }

    /**
     * The caller's areas as the ingestor's guard: Puskesmas are placed by their registered kecamatan,
     * and a registry row must pass {@link PuskesmasPlacement} (digits, rights over the old and the new
     * kecamatan).
     */
    static Ingestor.AreaGuard guard(Caller caller, Map<String, String> kecamatanOf, Map<String, String> exceptions) {
        AreaScope scope = new AreaScope(caller.areas(), kecamatanOf::get);
        return new Ingestor.AreaGuard() {
            @Override
            public boolean covers(String code) {
                return scope.covers(code);
            }

            @Override
            public Ingestor.Refusal placementRefusal(String code, String kecamatan) {
                PuskesmasPlacement.Refusal r = PuskesmasPlacement.check(code, kecamatan, kecamatanOf.get(code),
                        exceptions.get(code), scope);
                return r == null ? null
                        : new Ingestor.Refusal(r.codeMismatch() ? ErrorCode.PUSKESMAS_CODE_MISMATCH
                                : ErrorCode.AREA_NOT_COVERED, r.message());
            }
        };
    }

    private static void safeRollback(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // The connection is gone (killed): the server has rolled the transaction back itself.
        }
    }

    /** Carries a COPY failure out of the ingestor's sink. */
    private static final class StagingFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StagingFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
