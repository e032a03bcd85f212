package id.spm.api.repository;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import id.spm.rules.SpmService;
import id.spm.rules.model.Event;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Sex;

/**
 * The fact tables through plain JDBC: streaming a district's persons and events back into the rules'
 * {@link PersonRecord}s, and writing them with COPY (demo data, tests). Payloads are read and
 * written by {@link EventCodec}, the importer's codec, so demo rows carry the importer's payload text
 * and content hash.
 */
@ApplicationScoped
public class FactRepository {

    private final DataSource dataSource;

    public FactRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every person of the district with an event dated in {@code fromYear} … {@code toYear}, with all
     * those events, handed one at a time (bounded memory per person).
     */
    public void persons(String kabkota, int fromYear, int toYear, Consumer<PersonRecord> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                persons(c, kabkota, fromYear, toYear, sink);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of district " + kabkota, e);
        }
    }

    /**
     * The same on the caller's connection (in a transaction), so a writer can evaluate what its own
     * uncommitted rows would give (the importer's dry run).
     */
    public void persons(Connection c, String kabkota, int fromYear, int toYear, Consumer<PersonRecord> sink)
            throws SQLException {
        stored(c, kabkota, fromYear, toYear, p -> sink.accept(p.decode()));
    }

    /**
     * Every year an event can have (the ingestor refuses dates before 1900 and after the day of import; the demo
     * writes the past), as the condition of a per-person read of {@code service_event}: its primary key is
     * (kabkota_code, event_year, person_key, …) (V140), so with the years named each partition finds the person's
     * rows by descending its key, where a condition on the person alone would scan the district's entries.
     */
    public static final String ANY_EVENT_YEAR = "event_year = any (array(select generate_series(1900, 2199)::smallint))";

    /**
     * The computation's select of a district's event rows, one person's rows together (the benchmark's COPY
     * reference reads exactly these rows). Within a person the rows come in one total order (date, layout,
     * Puskesmas, natural key: the primary key's), so a rule that names one of several equal candidates in its
     * reason names the same one in every computation (ParallelComputationTest found the explanations following
     * the database's row order otherwise).
     */
    public static final String EVENTS_OF_DISTRICT = """
            select p.person_key, p.birth_date, p.sex, p.desa_code, p.puskesmas_code, e.event_type, e.payload::text
            from service_event e
            join person p on p.kabkota_code = e.kabkota_code and p.person_key = e.person_key
            where e.kabkota_code = ? and e.event_year between ? and ?
            order by e.person_key, e.event_date, e.layout, e.puskesmas_code, e.natural_key
            """;

    /**
     * One person with their stored event rows, not yet decoded: a computation decodes them on its workers
     * ({@link #decode()}), in parallel, while this thread reads on.
     */
    public record StoredPerson(Person person, String[] eventTypes, String[] payloads) {

        /** The person's record, every payload read by {@link EventCodec}. */
        public PersonRecord decode() {
            PersonRecord.Builder b = PersonRecord.builder(person);
            for (int i = 0; i < payloads.length; i++) {
                b.add(EventCodec.read(eventTypes[i], payloads[i]));
            }
            return b.build();
        }
    }

    /**
     * Every person of the district with an event dated in {@code fromYear} … {@code toYear}, with the stored
     * rows of those events, handed in batches of about {@code batchSize} persons, in person order.
     */
    public void storedPersons(String kabkota, int fromYear, int toYear, int batchSize,
            Consumer<List<StoredPerson>> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                var open = new Object() {
                    List<StoredPerson> batch = new ArrayList<>(batchSize);
                };
                stored(c, kabkota, fromYear, toYear, p -> {
                    open.batch.add(p);
                    if (open.batch.size() >= batchSize) {
                        sink.accept(open.batch);
                        open.batch = new ArrayList<>(batchSize);
                    }
                });
                if (!open.batch.isEmpty()) {
                    sink.accept(open.batch);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of district " + kabkota, e);
        }
    }

    private void stored(Connection c, String kabkota, int fromYear, int toYear, Consumer<StoredPerson> sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENTS_OF_DISTRICT)) {
            ps.setFetchSize(10_000);
            ps.setString(1, kabkota);
            ps.setShort(2, (short) fromYear);
            ps.setShort(3, (short) toYear);
            try (ResultSet rs = ps.executeQuery()) {
                String current = null;
                Person person = null;
                List<String> types = new ArrayList<>();
                List<String> payloads = new ArrayList<>();
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (!key.equals(current)) {
                        if (person != null) {
                            sink.accept(new StoredPerson(person, types.toArray(String[]::new),
                                    payloads.toArray(String[]::new)));
                            types.clear();
                            payloads.clear();
                        }
                        current = key;
                        person = new Person(key, rs.getDate(2).toLocalDate(), sex(rs.getString(3)), rs.getString(4),
                                rs.getString(5));
                    }
                    types.add(rs.getString(6));
                    payloads.add(rs.getString(7));
                }
                if (person != null) {
                    sink.accept(new StoredPerson(person, types.toArray(String[]::new), payloads.toArray(String[]::new)));
                }
            }
        }
    }

    /** The monthly aggregate counts of a district-year, in import order. */
    public List<MonthlyCount> monthlyCounts(String kabkota, int year) {
        try (Connection c = dataSource.getConnection()) {
            return monthlyCounts(c, kabkota, year);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the monthly counts of " + kabkota, e);
        }
    }

    /** The same on the caller's connection (see {@link #persons(Connection, String, int, int, Consumer)}). */
    public List<MonthlyCount> monthlyCounts(Connection c, String kabkota, int year) throws SQLException {
        List<MonthlyCount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select puskesmas_code, year, month, service_code, compliant, non_compliant
                from monthly_count
                where kabkota_code = ? and year = ?
                order by import_batch_id nulls first, puskesmas_code, month
                """)) {
            ps.setString(1, kabkota);
            ps.setShort(2, (short) year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // wasNull() speaks of the column read last: read the nullable one last, alone.
                    long nc = rs.getLong(6);
                    Long nonCompliant = rs.wasNull() ? null : nc;
                    out.add(new MonthlyCount(rs.getString(1), rs.getInt(2), rs.getInt(3),
                            SpmService.parse(rs.getString(4)), rs.getLong(5), nonCompliant));
                }
            }
        }
        return out;
    }

    /**
     * Writes persons and their events with COPY in one transaction and bumps the data version of every
     * year written. Existing rows of the same keys are replaced. For the demo district and tests; the
     * importer has its own path.
     */
    public int write(String kabkota, Collection<PersonRecord> persons) {
        StringBuilder personRows = new StringBuilder();
        StringBuilder eventRows = new StringBuilder();
        Map<Integer, Boolean> years = new HashMap<>();
        int events = 0;
        for (PersonRecord r : persons) {
            Person p = r.person();
            CopyText.field(personRows, kabkota);
            CopyText.field(personRows, p.id());
            CopyText.field(personRows, p.birthDate());
            CopyText.field(personRows, p.sex() == null ? null : p.sex() == Sex.MALE ? "L" : "P");
            CopyText.field(personRows, p.desaCode());
            CopyText.last(personRows, p.puskesmas());
            List<Event> all = r.events();
            Map<String, Integer> seen = new HashMap<>();
            for (Event e : all) {
                EventCodec.Encoded enc = EventCodec.encode(e);
                String type = enc.eventType();
                String base = e.date() + "|" + type;
                int n = seen.merge(base, 1, Integer::sum);
                int year = e.date().getYear();
                years.put(year, Boolean.TRUE);
                CopyText.field(eventRows, kabkota);
                CopyText.field(eventRows, year);
                CopyText.field(eventRows, p.id());
                CopyText.field(eventRows, e.puskesmas());
                CopyText.field(eventRows, EventCodec.layout(e));
                CopyText.field(eventRows, type);
                CopyText.field(eventRows, e.date());
                CopyText.field(eventRows, base + "|" + n);
                CopyText.field(eventRows, enc.contentHash());
                CopyText.last(eventRows, enc.payload());
                events++;
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (var st = c.createStatement()) {
                    st.execute("""
                            create temporary table person_in (like person) on commit drop
                            """);
                    st.execute("""
                            create temporary table event_in (like service_event) on commit drop
                            """);
                }
                pg.getCopyAPI().copyIn("""
                        copy person_in (kabkota_code, person_key, birth_date, sex, desa_code, puskesmas_code)
                        from stdin
                        """, new StringReader(personRows.toString()));
                pg.getCopyAPI().copyIn("""
                        copy event_in (kabkota_code, event_year, person_key, puskesmas_code, layout, event_type,
                            event_date, natural_key, content_hash, payload)
                        from stdin
                        """, new StringReader(eventRows.toString()));
                try (var st = c.createStatement()) {
                    st.execute("""
                            insert into person select * from person_in
                            on conflict (kabkota_code, person_key) do update set birth_date = excluded.birth_date,
                                sex = excluded.sex, desa_code = excluded.desa_code,
                                puskesmas_code = excluded.puskesmas_code
                            """);
                    st.execute("""
                            insert into service_event select * from event_in
                            on conflict (kabkota_code, event_year, layout, person_key, puskesmas_code, natural_key)
                            do update set payload = excluded.payload, content_hash = excluded.content_hash,
                                event_date = excluded.event_date
                            """);
                    // Each recording Puskesmas' view of the person (see V3 and ImportMerger): here all the same.
                    st.execute("""
                            insert into person_record (kabkota_code, person_key, puskesmas_code, birth_date, sex,
                                desa_code, home_puskesmas)
                            select distinct e.kabkota_code, e.person_key, e.puskesmas_code, p.birth_date, p.sex,
                                p.desa_code, p.puskesmas_code
                            from event_in e join person_in p using (kabkota_code, person_key)
                            on conflict (kabkota_code, person_key, puskesmas_code) do update set
                                birth_date = excluded.birth_date, sex = excluded.sex, desa_code = excluded.desa_code,
                                home_puskesmas = excluded.home_puskesmas
                            """);
                }
                for (Integer y : years.keySet()) {
                    DataVersions.bump(c, kabkota, y);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the events of district " + kabkota, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** Writes monthly aggregate counts (replacing the same keys) and bumps the data version. */
    public void writeMonthlyCounts(String kabkota, Collection<MonthlyCount> counts) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into monthly_count (kabkota_code, puskesmas_code, year, month, service_code, compliant,
                        non_compliant)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (puskesmas_code, year, month, service_code) do update set
                        compliant = excluded.compliant, non_compliant = excluded.non_compliant
                    """)) {
                Map<Integer, Boolean> years = new HashMap<>();
                for (MonthlyCount m : counts) {
                    ps.setString(1, kabkota);
                    ps.setString(2, m.puskesmas());
                    ps.setShort(3, (short) m.year());
                    ps.setShort(4, (short) m.month());
                    ps.setString(5, m.service().code());
                    ps.setLong(6, m.compliant());
                    if (m.nonCompliant() == null) {
                        ps.setNull(7, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(7, m.nonCompliant());
                    }
                    ps.addBatch();
                    years.put(m.year(), Boolean.TRUE);
                }
                ps.executeBatch();
                for (Integer y : years.keySet()) {
                    DataVersions.bump(c, kabkota, y);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write monthly counts", e);
        }
    }

    /** Whether any by-name event is stored at all (the demo loads only into an empty database). */
    public boolean anyEvents() {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("""
                        select exists (select 1 from service_event)
                        """)) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code person.sex} is 'L' or 'P' (schema contract). */
    static Sex sex(String s) {
        if (s == null) {
            return null;
        }
        return s.strip().equals("L") ? Sex.MALE : Sex.FEMALE;
    }
}
