package id.spm.api.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.entity.Submission;

/** Frozen submissions ({@code submission}): one per district and period, never replaced. */
@ApplicationScoped
public class SubmissionRepository {

    public boolean exists(String kabkota, int year, int quarter) {
        return Submission.count("kabkotaCode = ?1 and year = ?2 and quarter = ?3", kabkota, (short) year,
                (short) quarter) > 0;
    }

    public Optional<Submission> find(String kabkota, int year, int quarter) {
        return Submission.<Submission> find("kabkotaCode = ?1 and year = ?2 and quarter = ?3", kabkota, (short) year,
                (short) quarter).firstResultOptional();
    }

    public Optional<Submission> byId(long id) {
        return Submission.<Submission> findByIdOptional(id);
    }

    /**
     * Inserts in the caller's transaction and flushes, so a second submission fails here (unique key); marks the
     * district as written by this transaction (read-your-writes of {@link DataVersionFeed}).
     */
    public void add(Submission s) {
        s.persistAndFlush();
        Object txid = Submission.getEntityManager().createNativeQuery("select txid_current()").getSingleResult();
        DataVersions.written(s.kabkotaCode, ((Number) txid).longValue());
    }
}
