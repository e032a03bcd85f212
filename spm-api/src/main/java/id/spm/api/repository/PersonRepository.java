package id.spm.api.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;

/**
 * One person's stored facts, read by {@code (kabkota_code, person_key)} (primary key of {@code person}, and of
 * {@code service_event} with the years named, V140): the person row and their events, rebuilt into the same
 * {@link PersonRecord} a district computation gives the rules ({@link FactRepository#persons}).
 */
@ApplicationScoped
public class PersonRepository {

    private final DataSource dataSource;

    public PersonRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A person as one district stores them.
     *
     * @param kabkota the district whose tables hold the record
     * @param record the person with their events dated in the window asked for (no events when no
     *        window was asked for)
     * @param eventsInWindow events by {@code event_type} in the window, sorted by type
     * @param eventPuskesmas the Puskesmas of every stored event of the person, any year
     */
    public record StoredPerson(String kabkota, PersonRecord record, Map<String, Integer> eventsInWindow,
            Set<String> eventPuskesmas) {
    }

    /** Event years to read into the record, inclusive: the computation's window. */
    public record Window(int fromYear, int toYear) {
    }

    /**
     * The person in each of the given districts that stores them (a person who moved may be in two),
     * in district order.
     *
     * @param window the event years whose payloads are read into the record, or {@code null} for the
     *        person row and the Puskesmas of their events only
     */
    public List<StoredPerson> find(String personKey, Collection<String> districts, Window window) {
        if (districts.isEmpty()) {
            return List.of();
        }
        List<StoredPerson> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Person> rows = new ArrayList<>();
                List<String> rowDistricts = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select kabkota_code, birth_date, sex, desa_code, puskesmas_code
                        from person
                        where kabkota_code = any (?) and person_key = ?
                        order by kabkota_code
                        """)) {
                    Array codes = c.createArrayOf("text", districts.toArray(String[]::new));
                    ps.setArray(1, codes);
                    ps.setString(2, personKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rowDistricts.add(rs.getString(1));
                            rows.add(new Person(personKey, rs.getDate(2).toLocalDate(),
                                    FactRepository.sex(rs.getString(3)), rs.getString(4), rs.getString(5)));
                        }
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    out.add(events(c, rowDistricts.get(i), rows.get(i), window));
                }
            } finally {
                // Read only: one snapshot for the person row and their events.
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a person's record", e);
        }
        return out;
    }

    private StoredPerson events(Connection c, String kabkota, Person person, Window window) throws SQLException {
        PersonRecord.Builder builder = PersonRecord.builder(person);
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> puskesmas = new TreeSet<>();
        // Payloads only of the window's years: the rest is needed only for the Puskesmas it names.
        // The years named: the primary key of each year's partition leads to the person (FactRepository.ANY_EVENT_YEAR).
        try (PreparedStatement ps = c.prepareStatement("""
                select puskesmas_code, event_type, case when event_year between ? and ? then payload::text end
                from service_event
                where kabkota_code = ? and person_key = ? and %s
                order by event_date, event_type
                """.formatted(FactRepository.ANY_EVENT_YEAR))) {
            ps.setShort(1, (short) (window == null ? 1 : window.fromYear()));
            ps.setShort(2, (short) (window == null ? 0 : window.toYear()));
            ps.setString(3, kabkota);
            ps.setString(4, person.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    puskesmas.add(rs.getString(1));
                    String payload = rs.getString(3);
                    if (payload != null) {
                        String type = rs.getString(2);
                        builder.add(EventCodec.read(type, payload));
                        counts.merge(type, 1, Integer::sum);
                    }
                }
            }
        }
        return new StoredPerson(kabkota, builder.build(), counts, puskesmas);
    }
}
