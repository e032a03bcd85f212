package id.spm.api.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import id.spm.api.area.AreaCodes;
import id.spm.api.error.ApiException;

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

    private final DataSource dataSource;
    private final int lookupsPerMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public PersonAccessAudit(DataSource dataSource,
            @ConfigProperty(name = "spm.persons.lookups-per-minute", defaultValue = "30") int lookupsPerMinute) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into "
                        + "person_access (subject, action, person_key, area_code, kabkota_code, year, service_code, outcome, "
                        + "rows) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, subject);
            ps.setString(2, action.name());
            ps.setString(3, personKey);
            ps.setString(4, area);
            ps.setString(5, kabkota);
            if (year == null) {
                ps.setNull(6, Types.SMALLINT);
            } else {
                ps.setShort(6, year.shortValue());
            }
            ps.setString(7, serviceCode);
            ps.setString(8, outcome.name());
            if (rows == null) {
                ps.setNull(9, Types.INTEGER);
            } else {
                ps.setInt(9, rows);
            }
            ps.executeUpdate();
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
        StringBuilder sql = new StringBuilder("select id, at, subject, action, person_key, area_code, kabkota_code, "
                + "year, service_code, outcome, rows from person_access where true");
        List<Object> args = new ArrayList<>();
        if (subject != null && !subject.isBlank()) {
            sql.append(" and subject = ?");
            args.add(subject.strip());
        }
        if (personKey != null && !personKey.isBlank()) {
            sql.append(" and person_key = ?");
            args.add(personKey.strip());
        }
        if (from != null) {
            sql.append(" and at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" and at < ?");
            args.add(to);
        }
        List<String> districts = new ArrayList<>();
        if (!caller.isNational()) {
            for (String a : caller.areas()) {
                if (!AreaCodes.isPuskesmas(a)) {
                    districts.add(a);
                }
            }
            // A district (or province) admin: entries whose district lies within one of their areas.
            sql.append(" and kabkota_code is not null and exists (select 1 from unnest(?::text[]) a "
                    + "where kabkota_code = a or kabkota_code like a || '.%')");
        }
        sql.append(" order by id desc limit ?");
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            if (!caller.isNational()) {
                ps.setArray(i++, c.createArrayOf("text", districts.toArray()));
            }
            ps.setInt(i, Math.max(1, Math.min(limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    short year = rs.getShort(8);
                    Integer yearOrNull = rs.wasNull() ? null : (int) year;
                    int rows = rs.getInt(11);
                    Integer rowsOrNull = rs.wasNull() ? null : rows;
                    out.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            Action.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            yearOrNull, rs.getString(9), Outcome.valueOf(rs.getString(10)), rowsOrNull));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the person-access trail", e);
        }
        return out;
    }
}
