package id.spm.api.security;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.repository.PersonAccessLog;

/**
 * The audit trail of person-level reads (NIK lookups, a person's decisions, person lists): who, when,
 * which pseudonymous key or area, and the outcome, written on its own transaction so a refused or
 * failed read is recorded too. Also the per-caller limit on NIK lookups, which guards against
 * enumerating NIKs through the lookup.
 */
@ApplicationScoped
public class PersonAccessAudit {

    private static final Logger LOG = Logger.getLogger(PersonAccessAudit.class);

    /** What was read. */
    public enum Action {
        LOOKUP,
        DECISIONS,
        PERSON_LIST
    }

    /** How the read ended. */
    public enum Outcome {
        FOUND,
        NOT_FOUND,
        RATE_LIMITED,
        REFUSED
    }

    /** One audited read. */
    public record Entry(long id, OffsetDateTime at, String subject, Action action, String personKey, String area,
            String kabkotaCode, Integer year, String serviceCode, Outcome outcome, Integer rows) {
    }

    private final PersonAccessLog log;
    private final int lookupsPerMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public PersonAccessAudit(PersonAccessLog log,
            @ConfigProperty(name = "spm.persons.lookups-per-minute", defaultValue = "30") int lookupsPerMinute) {
        this.log = log;
        this.lookupsPerMinute = lookupsPerMinute;
    }

    /**
     * Counts a NIK lookup of the caller against the limit (a fixed one-minute window per caller and
     * instance); over it, records the refusal and answers 429 {@code LOOKUP_RATE_LIMITED}.
     */
    public void admitLookup(String subject) {
        long minute = System.currentTimeMillis() / 60_000;
        Window w = windows.compute(subject, (k, old) -> old == null || old.minute != minute ? new Window(minute, 1)
                : new Window(minute, old.count + 1));
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute != minute);
        }
        if (w.count > lookupsPerMinute) {
            record(subject, Action.LOOKUP, null, null, null, null, null, Outcome.RATE_LIMITED, null);
            long retry = 60 - (System.currentTimeMillis() / 1000) % 60;
            throw new ApiException(429, "LOOKUP_RATE_LIMITED", "Too many requests", "At most " + lookupsPerMinute
                    + " NIK lookups a minute per caller; try again in " + retry + " s.");
        }
    }

    private record Window(long minute, int count) {
    }

    /** Records one read; a failure to record is logged and never hides the read's own answer. */
    public void record(String subject, Action action, String personKey, String area, String kabkota, Integer year,
            String serviceCode, Outcome outcome, Integer rows) {
        try {
            log.append(subject, action.name(), personKey, area, kabkota, year, serviceCode, outcome.name(), rows);
        } catch (SQLException e) {
            LOG.errorf("Cannot record a person-level read of %s (%s): %s", subject, action, e.getMessage());
        }
    }

    /**
     * The trail, newest first, limited to what the admin's areas cover: entries of a district they cover
     * (a national admin: every entry, also those of reads that found nothing).
     */
    public List<Entry> query(CallerScope caller, String subject, String personKey, OffsetDateTime from,
            OffsetDateTime to, int limit) {
        caller.requireRole(Roles.ADMIN);
        List<String> districts = null;
        if (!caller.isNational()) {
            // A district (or province) admin: entries whose district lies within one of their region areas.
            districts = new ArrayList<>();
            for (String a : caller.areas()) {
                if (!AreaCodeParam.isPuskesmas(a)) {
                    districts.add(a);
                }
            }
        }
        try {
            return log.find(new PersonAccessLog.Query(blankToNull(subject), blankToNull(personKey), from, to, districts,
                    Math.max(1, Math.min(limit, 1000)))).stream().map(r -> new Entry(r.id(), r.at(), r.subject(),
                            Action.valueOf(r.action()), r.personKey(), r.area(), r.kabkotaCode(), r.year(),
                            r.serviceCode(), Outcome.valueOf(r.outcome()), r.rows()))
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the person-access trail", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
