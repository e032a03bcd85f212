package id.spm.api.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import id.spm.api.config.SpmConfig;
import id.spm.api.repository.AchievementResultRepository;
import id.spm.api.repository.DataVersions;

/**
 * Computes district-years in the background after an import commits (issue 8, finding 8), so the first
 * {@code GET /achievements} of a freshly imported district is served from {@code achievement_result}.
 * One computation at a time; a district-year already waiting is not queued twice (it computes whatever
 * version is current when it runs). Failures are logged and change nothing else.
 */
@ApplicationScoped
public class BackgroundComputations {

    private static final Logger LOG = Logger.getLogger(BackgroundComputations.class);
    /** At most this many district-years wait; more are left to their first reader. */
    static final int MAX_WAITING = 256;

    private final AchievementService achievements;
    private final AchievementResultRepository results;
    private final SpmConfig config;
    private final ManagedExecutor executor;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    public BackgroundComputations(AchievementService achievements, AchievementResultRepository results,
            SpmConfig config) {
        this.achievements = achievements;
        this.results = results;
        this.config = config;
        this.executor = ManagedExecutor.builder().maxAsync(1).maxQueued(MAX_WAITING)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Schedules the computation of the given years of each district: a changed year itself, the later years
     * of its window that were already computed once (they read its events), and for a registry change
     * ({@link DataVersions#REGISTRY_YEAR}) every year already computed.
     */
    public void districtYears(Map<String, Set<Integer>> changed) {
        for (Map.Entry<String, Set<Integer>> e : changed.entrySet()) {
            Set<Integer> years;
            try {
                years = affected(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                LOG.warnf("Cannot list the years of %s to compute: %s", e.getKey(), ex.toString());
                continue;
            }
            for (int year : years) {
                submit(e.getKey(), year);
            }
        }
    }

    private Set<Integer> affected(String kabkota, Set<Integer> changed) {
        Set<Integer> years = new TreeSet<>();
        Set<Integer> computed = results.computedYears(kabkota);
        int lookback = config.compute().lookbackYears();
        for (int y : changed) {
            if (y == DataVersions.REGISTRY_YEAR) {
                years.addAll(computed);
                continue;
            }
            years.add(y);
            for (int later : computed) {
                if (later > y && later <= y + lookback) {
                    years.add(later);
                }
            }
        }
        return years;
    }

    private void submit(String kabkota, int year) {
        String key = kabkota + "/" + year;
        if (!waiting.add(key)) {
            return;
        }
        try {
            executor.runAsync(() -> {
                waiting.remove(key);
                long started = System.nanoTime();
                try {
                    int computed = achievements.precompute(kabkota, year);
                    LOG.infof("Background computation of %s %d: %d period(s) computed in %d ms", kabkota, year,
                            computed, (System.nanoTime() - started) / 1_000_000);
                } catch (Throwable t) {
                    LOG.warnf(t, "Background computation of %s %d failed; its first reader computes it", kabkota, year);
                }
            });
        } catch (RuntimeException e) {
            waiting.remove(key);
            LOG.debugf("Background computation of %s not scheduled: %s", key, e.toString());
        }
    }
}
