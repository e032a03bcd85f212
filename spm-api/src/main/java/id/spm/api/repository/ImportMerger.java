package id.spm.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import id.spm.api.model.ImportJob;
import id.spm.api.repository.Staging.Kind;

/**
 * Merges a staged file into the fact tables inside the import's transaction: classifies every staged
 * row against the stored row of its natural key (created / updated / unchanged by content), removes
 * the stored rows of the file's scope that the file no longer holds, upserts, and names the
 * district-years whose facts changed (their data version is bumped by the caller in the same
 * transaction).
 *
 * <p>
 * Scope of a file (what a corrected file replaces):
 * <ul>
 * <li>by-name events ({@code service_event}): per Puskesmas and layout, the calendar months from the
 * first to the last month of that Puskesmas' event dates in the file;</li>
 * <li>monthly counts: per Puskesmas, the months from the first to the last month in the file;</li>
 * <li>population and mutu: per area code and year in the file;</li>
 * <li>sasaran and Puskesmas: nothing is removed (sasaran are a history: the latest row counts; a
 * Puskesmas is referenced by facts). A registry change bumps the district's registry version
 * ({@link DataVersions#REGISTRY_YEAR}), which every year's cache key includes.</li>
 * </ul>
 */
public final class ImportMerger {

    /** Removed rows shown in a summary. */
    public static final int SAMPLE = 100;
    /** Sort and hash memory of an event merge (the default 4 MB spills a file's staged rows to disk). */
    private static final String WORK_MEM = "64MB";

    /** A district and year. */
    public record DistrictYear(String kabkota, int year) implements Comparable<DistrictYear> {
        @Override
        public int compareTo(DistrictYear o) {
            int c = kabkota.compareTo(o.kabkota);
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    /** What the merge did. */
    public record Result(long created, long updated, long unchanged, long removed, long persons,
            SortedSet<DistrictYear> changed, List<ImportJob.Removal> removals, List<ImportJob.RemovedRow> sample,
            List<ImportJob.ScopeEntry> scope, long personConflicts, List<ImportJob.PersonConflict> conflictSample) {
    }

    /**
     * The update of one district-year's changed events; parameters: the district and year of the staged rows, then
     * of the stored ones ({@link #upserted(String, DistrictYear, boolean, Map)}).
     */
    static final String UPDATE_EVENTS = """
            with up as (update service_event s set
            event_type = i.event_type, event_date = i.event_date, content_hash = i.content_hash,
            payload = i.payload, import_batch_id = current_setting('spm.import_batch')::bigint from imp_event i
            where i.kabkota_code = ? and i.event_year = ? and s.kabkota_code = ? and s.event_year = ?
            and s.layout = i.layout and s.person_key = i.person_key and s.puskesmas_code = i.puskesmas_code
            and s.natural_key = i.natural_key
            and s.content_hash <> i.content_hash returning s.kabkota_code, s.event_year)
            select kabkota_code, event_year, count(*) from up group by 1, 2
            """;

    /** The insert of one district-year's new events (an anti-join in primary-key order); parameters as above. */
    static final String INSERT_EVENTS = """
            with up as (insert into service_event (kabkota_code, event_year, person_key, puskesmas_code,
            layout, event_type, event_date, natural_key, content_hash, payload, import_batch_id)
            select kabkota_code, event_year, person_key, puskesmas_code, layout, event_type, event_date,
            natural_key, content_hash, payload, current_setting('spm.import_batch')::bigint from imp_event i
            where i.kabkota_code = ? and i.event_year = ? and not exists (select 1 from service_event s
            where s.kabkota_code = ? and s.event_year = ? and s.layout = i.layout
            and s.person_key = i.person_key and s.puskesmas_code = i.puskesmas_code
            and s.natural_key = i.natural_key)
            order by kabkota_code, event_year, person_key, layout, puskesmas_code, natural_key
            returning kabkota_code, event_year)
            select kabkota_code, event_year, count(*) from up group by 1, 2
            """;

    private final Connection c;
    private final long batchId;
    private final String createdBy;
    private long created;
    private long updated;
    private long unchanged;
    private final SortedSet<DistrictYear> changed = new TreeSet<>();
    private long eventPersons;
    private List<ImportJob.PersonConflict> conflicts = List.of();
    private long conflictCount;
    /** Each step's time (ms), for the job's stage log line. */
    private final Map<String, Long> laps = new java.util.LinkedHashMap<>();
    private long lapStart = System.nanoTime();

    public ImportMerger(Connection c, long batchId, String createdBy) {
        this.c = c;
        this.batchId = batchId;
        this.createdBy = createdBy;
    }

    /** Records the time since the last lap under {@code name}. */
    private void lap(String name) {
        long now = System.nanoTime();
        laps.merge(name, (now - lapStart) / 1_000_000, Long::sum);
        lapStart = now;
    }

    /** The merge's steps and their milliseconds, in order. */
    public String timings() {
        StringBuilder b = new StringBuilder();
        laps.forEach((k, v) -> b.append(b.length() > 0 ? ", " : "").append(k).append(' ').append(v));
        return b.toString();
    }

    /** The district-years the staged rows fall in (their achievements are the ones a dry run previews). */
    public static SortedSet<DistrictYear> districtYears(Connection c, Kind kind) throws SQLException {
        String year = kind == Kind.EVENT ? "event_year" : "year";
        SortedSet<DistrictYear> out = new TreeSet<>();
        if (kind == Kind.PUSKESMAS) {
            return out;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct kabkota_code, " + year + " from " + kind.table)) {
            while (rs.next()) {
                out.add(new DistrictYear(rs.getString(1), rs.getInt(2)));
            }
        }
        return out;
    }

    /** The districts of the staged rows, in order: the merge locks them (one import per district at a time). */
    public static SortedSet<String> districts(Connection c, Kind kind) throws SQLException {
        SortedSet<String> out = new TreeSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct kabkota_code from " + kind.table)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The Puskesmas of the staged rows (the areas a dry run previews). */
    public static Set<String> stagedPuskesmas(Connection c, Kind kind) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct puskesmas_code from " + kind.table)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Serialises imports of the same district (transaction-scoped advisory locks, taken in code order). */
    public static void lock(Connection c, SortedSet<String> districts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext('spm-import:' || ?))")) {
            for (String d : districts) {
                ps.setString(1, d);
                ps.execute();
            }
        }
    }

    public Result merge(Kind kind, ImportProbe probe) throws SQLException {
        lapStart = System.nanoTime();
        List<ImportJob.ScopeEntry> scope = new ArrayList<>();
        long persons = 0;
        // The job's id for every row it writes (import_batch_id), as a transaction-local setting: the
        // statements below stay constant text, never built from values.
        try (PreparedStatement ps = c.prepareStatement("""
                select set_config('spm.import_batch', ?, true)
                """)) {
            ps.setString(1, Long.toString(batchId));
            ps.execute();
        }
        exec("""
                create temporary table imp_removed (kabkota_code text, year smallint, code text, layout text,
                table_name text, event_type text, event_date date, natural_key text) on commit drop
                """);
        switch (kind) {
            case EVENT -> {
                scope = events(probe);
                persons = eventPersons;
            }
            case COUNT -> scope = counts(probe);
            case TARGET -> targets(probe);
            case POPULATION -> scope = population(probe);
            case QUALITY -> scope = quality(probe);
            case PUSKESMAS -> puskesmas(probe);
        }
        lap("other");
        List<ImportJob.Removal> removals = new ArrayList<>();
        long removed = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select table_name, code, layout, year,
                        count(*) from imp_removed group by 1, 2, 3, 4 order by 1, 2, 3, 4
                        """)) {
            while (rs.next()) {
                removals.add(new ImportJob.Removal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5)));
                removed += rs.getLong(5);
            }
        }
        List<ImportJob.RemovedRow> sample = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select table_name, code, layout,
                        event_type, event_date, natural_key from imp_removed order by code, event_date, natural_key limit
                        """
                        + SAMPLE)) {
            while (rs.next()) {
                sample.add(new ImportJob.RemovedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)));
            }
        }
        // Removed rows carry their district: recompute the changed set from them exactly.
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct kabkota_code, year from imp_removed")) {
            while (rs.next()) {
                changed.add(new DistrictYear(rs.getString(1), rs.getInt(2)));
            }
        }
        lap("removals");
        return new Result(created, updated, unchanged, removed, persons, changed, removals, sample, scope,
                conflictCount, conflicts);
    }

    /**
     * Events are the bulk of every large file, so their merge touches the staged rows as few times as
     * it can: the writes themselves classify (a row the content-hash update changed is updated, a row
     * the insert added is created, every other staged row of the district-year is unchanged), the
     * persons' count comes from the person upsert's own source, and the insert runs in primary-key
     * order so that the partitions' B-trees are filled page by page instead of at random.
     */
    private List<ImportJob.ScopeEntry> events(ImportProbe probe) throws SQLException {
        // Sorts and hashes over the staged rows stay in memory; reverts at the end of the transaction.
        exec("set local work_mem = '" + WORK_MEM + "'");
        Map<DistrictYear, Long> staged = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select kabkota_code, event_year, count(*) from imp_event group by 1, 2")) {
            while (rs.next()) {
                staged.put(new DistrictYear(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        exec("""
                create temporary table imp_scope on commit drop as select kabkota_code, puskesmas_code, layout,
                date_trunc('month', min(event_date))::date as from_date,
                (date_trunc('month', max(event_date)) + interval '1 month' - interval '1 day')::date as to_date
                from imp_event group by 1, 2, 3
                """);
        exec("analyze imp_scope");
        List<ImportJob.ScopeEntry> scope = scope("""
                select 'service_event', puskesmas_code, layout, from_date, to_date
                from imp_scope order by 2, 3
                """);
        lap("scope");
        exec("""
                with d as (delete from service_event s using imp_scope sc where s.kabkota_code = sc.kabkota_code
                and s.puskesmas_code = sc.puskesmas_code and s.layout = sc.layout
                and s.event_year between extract(year from sc.from_date) and extract(year from sc.to_date)
                and s.event_date between sc.from_date and sc.to_date
                and not exists (select 1 from imp_event i where i.kabkota_code = s.kabkota_code
                and i.event_year = s.event_year and i.layout = s.layout and i.person_key = s.person_key
                and i.puskesmas_code = s.puskesmas_code and i.natural_key = s.natural_key)
                returning s.kabkota_code, s.event_year, s.puskesmas_code, s.layout, s.event_type, s.event_date,
                s.natural_key) insert into imp_removed select kabkota_code, event_year, puskesmas_code, layout,
                'service_event', event_type, event_date, natural_key from d
                """);
        lap("delete");
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        long persons = persons();
        lap("persons:conflicts");
        probe.reached(batchId, ImportProbe.Point.PERSONS);
        // Two statements instead of one upsert: RETURNING cannot tell an insert from an update on a
        // partitioned table (no system columns), and these two say which is which by themselves. The insert
        // takes the staged rows no stored row has (an anti-join), not ON CONFLICT: a speculative insertion per
        // row cost up to a third more (spm-api/BENCHMARK.md). No other import of these districts runs meanwhile
        // (the advisory locks above) and a file holds no key twice (the ingestor rejects duplicates), so no
        // row can conflict; if another writer ever inserted one, the unique key fails the whole file.
        // One statement per district-year of the file, its district and year as constants: the stored side is then
        // that district's range of one year's partition (an index range or that partition alone), never every
        // district's rows of every year (a join on the key alone read the whole table per import). Custom plans, so
        // the constants prune partitions at planning.
        exec("set local plan_cache_mode = force_custom_plan");
        SortedSet<DistrictYear> fileYears = new TreeSet<>(staged.keySet());
        for (DistrictYear dy : fileYears) {
            upserted(UPDATE_EVENTS, dy, false, staged);
        }
        lap("update");
        for (DistrictYear dy : fileYears) {
            upserted(INSERT_EVENTS, dy, true, staged);
        }
        staged.values().forEach(n -> unchanged += n);
        lap("insert");
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
        // A person whose birth date, sex or address changed changes every year they have events in. The planner
        // counts them first: a few are looked up by key, many join the district's rows.
        exec("analyze imp_person_changed");
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select distinct e.kabkota_code,
                        e.event_year from service_event e join imp_person_changed p on p.kabkota_code = e.kabkota_code
                        and p.person_key = e.person_key and e.%s
                        """.formatted(FactRepository.ANY_EVENT_YEAR))) {
            while (rs.next()) {
                changed.add(new DistrictYear(rs.getString(1), rs.getInt(2)));
            }
        }
        eventPersons = persons;
        lap("changed-persons");
        return scope;
    }

    /**
     * A person's sex, birth date and desa as the uploading Puskesmas records them go to its own
     * {@code person_record}; the {@code person} row the rules read is then resolved by one rule: the
     * record of the Puskesmas that recorded the person first (lowest first batch, then smallest code)
     * wins. So a Puskesmas corrects its own record, and never overwrites what another Puskesmas
     * recorded: a differing record is kept, not applied, and reported ({@link #conflicts()}).
     *
     * @return the persons of the file
     */
    private long persons() throws SQLException {
        exec("create temporary table imp_person_changed (kabkota_code text, person_key text) on commit drop");
        // One pass over the staged events: each person's record as each Puskesmas of the file has it (the latest
        // event's); what follows reads this table (a row per person and Puskesmas), not the events again. The sort
        // leads with the person key in the "C" collation: byte comparisons with abbreviated keys instead of the
        // locale's, half the sort's CPU (spm-api/BENCHMARK.md "Import — session 5"); the groups are the same (a
        // deterministic collation's equality is byte equality), only this temporary table's order differs.
        exec("""
                create temporary table imp_person_src on commit drop as select distinct on (person_key collate "C",
                kabkota_code, puskesmas_code) kabkota_code, person_key, puskesmas_code, birth_date, sex, desa_code,
                person_puskesmas from imp_event order by person_key collate "C", kabkota_code, puskesmas_code,
                event_date desc
                """);
        exec("analyze imp_person_src");
        lap("persons:source");
        exec("""
                insert into person_record as r (kabkota_code, person_key, puskesmas_code, birth_date, sex,
                desa_code, home_puskesmas, first_batch_id, import_batch_id) select kabkota_code, person_key,
                puskesmas_code, birth_date, sex, desa_code, person_puskesmas, current_setting('spm.import_batch')::bigint,
                current_setting('spm.import_batch')::bigint from imp_person_src on conflict (kabkota_code, person_key,
                puskesmas_code) do update set
                birth_date = excluded.birth_date, sex = coalesce(excluded.sex, r.sex),
                desa_code = coalesce(excluded.desa_code, r.desa_code),
                home_puskesmas = coalesce(excluded.home_puskesmas, r.home_puskesmas),
                import_batch_id = excluded.import_batch_id
                where (r.birth_date, r.sex, r.desa_code, r.home_puskesmas) is distinct from (excluded.birth_date,
                coalesce(excluded.sex, r.sex), coalesce(excluded.desa_code, r.desa_code),
                coalesce(excluded.home_puskesmas, r.home_puskesmas))
                """);
        lap("persons:record");
        exec("""
                create temporary table imp_person on commit drop as select distinct kabkota_code, person_key
                from imp_person_src
                """);
        long persons = single("select count(*) from imp_person");
        exec("analyze imp_person");
        // The resolved person: the first-recording Puskesmas' record of every person of the file.
        exec("""
                with w as (select distinct on (r.kabkota_code, r.person_key) r.* from person_record r join imp_person i
                using (kabkota_code, person_key) order by r.kabkota_code, r.person_key, r.first_batch_id,
                r.puskesmas_code),
                up as (insert into person as p (kabkota_code, person_key, birth_date, sex, desa_code, puskesmas_code,
                import_batch_id) select kabkota_code, person_key, birth_date, sex, desa_code, home_puskesmas,
                current_setting('spm.import_batch')::bigint from w on conflict (kabkota_code, person_key) do update set
                birth_date = excluded.birth_date, sex = excluded.sex, desa_code = excluded.desa_code,
                puskesmas_code = excluded.puskesmas_code, import_batch_id = excluded.import_batch_id
                where (p.birth_date, p.sex, p.desa_code, p.puskesmas_code) is distinct from (excluded.birth_date,
                excluded.sex, excluded.desa_code, excluded.puskesmas_code)
                returning p.kabkota_code, p.person_key, (xmax = 0) as inserted)
                insert into imp_person_changed select kabkota_code, person_key from up where not inserted
                """);
        lap("persons:person");
        conflicts = conflicts();
        return persons;
    }

    /**
     * The persons of the file whose attributes as the uploading Puskesmas records them differ from the
     * resolved ones (recorded first by another Puskesmas). Which attributes differ and whose record is
     * used; never the other Puskesmas' values.
     */
    private List<ImportJob.PersonConflict> conflicts() throws SQLException {
        List<ImportJob.PersonConflict> out = new ArrayList<>();
        // Only persons recorded by more than one Puskesmas can conflict: the rest never reach the comparison.
        String sql = """
                with multi as (select r.kabkota_code, r.person_key from person_record r join imp_person i
                using (kabkota_code, person_key) group by 1, 2 having count(*) > 1),
                w as (select distinct on (r.kabkota_code, r.person_key) r.* from person_record r join multi
                using (kabkota_code, person_key) order by r.kabkota_code, r.person_key, r.first_batch_id,
                r.puskesmas_code)
                select r.person_key, r.puskesmas_code, r.birth_date is distinct from w.birth_date,
                (r.sex is distinct from w.sex and r.sex is not null),
                (r.desa_code is distinct from w.desa_code and r.desa_code is not null), w.puskesmas_code
                from imp_person_src f
                join multi using (kabkota_code, person_key)
                join person_record r using (kabkota_code, person_key, puskesmas_code)
                join w on w.kabkota_code = r.kabkota_code and w.person_key = r.person_key
                where w.puskesmas_code <> r.puskesmas_code and (r.birth_date is distinct from w.birth_date
                or (r.sex is distinct from w.sex and r.sex is not null)
                or (r.desa_code is distinct from w.desa_code and r.desa_code is not null))
                order by r.person_key, r.puskesmas_code
                """;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                conflictCount++;
                if (out.size() < SAMPLE) {
                    List<String> fields = new ArrayList<>();
                    if (rs.getBoolean(3)) {
                        fields.add("birthDate");
                    }
                    if (rs.getBoolean(4)) {
                        fields.add("sex");
                    }
                    if (rs.getBoolean(5)) {
                        fields.add("desaCode");
                    }
                    out.add(new ImportJob.PersonConflict(rs.getString(1), rs.getString(2), fields, rs.getString(6)));
                }
            }
        }
        return out;
    }

    private List<ImportJob.ScopeEntry> counts(ImportProbe probe) throws SQLException {
        classify("""
                select i.kabkota_code, i.year, count(*) filter (where m.puskesmas_code is null),
                count(*) filter (where m.puskesmas_code is not null and (m.kabkota_code, m.compliant, m.non_compliant)
                is distinct from (i.kabkota_code, i.compliant, i.non_compliant)),
                count(*) filter (where (m.kabkota_code, m.compliant, m.non_compliant)
                is not distinct from (i.kabkota_code, i.compliant, i.non_compliant))
                from imp_count i left join monthly_count m on m.puskesmas_code = i.puskesmas_code and m.year = i.year
                and m.month = i.month and m.service_code = i.service_code group by 1, 2
                """);
        exec("""
                create temporary table imp_scope on commit drop as select kabkota_code, puskesmas_code,
                min(year * 12 + month - 1) as lo, max(year * 12 + month - 1) as hi from imp_count group by 1, 2
                """);
        exec("analyze imp_scope");
        List<ImportJob.ScopeEntry> scope = scope("""
                select 'monthly_count', puskesmas_code, 'rekap-bulanan',
                make_date(lo / 12, lo % 12 + 1, 1),
                (make_date(hi / 12, hi % 12 + 1, 1) + interval '1 month' - interval '1 day')::date
                from imp_scope order by 2
                """);
        exec("""
                with d as (delete from monthly_count m using imp_scope sc where m.puskesmas_code = sc.puskesmas_code
                and m.year between sc.lo / 12 and sc.hi / 12 and m.year * 12 + m.month - 1 between sc.lo and sc.hi
                and not exists (select 1 from imp_count i where i.puskesmas_code = m.puskesmas_code
                and i.year = m.year and i.month = m.month and i.service_code = m.service_code)
                returning m.kabkota_code, m.year, m.month, m.puskesmas_code, m.service_code)
                insert into imp_removed select kabkota_code, year, puskesmas_code, 'rekap-bulanan', 'monthly_count',
                null, make_date(year, month, 1), service_code from d
                """);
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        exec("""
                insert into monthly_count as m (kabkota_code, puskesmas_code, year, month, service_code, compliant,
                non_compliant, import_batch_id) select kabkota_code, puskesmas_code, year, month, service_code,
                compliant, non_compliant, current_setting('spm.import_batch')::bigint from imp_count on conflict (puskesmas_code, year, month,
                service_code) do update set kabkota_code = excluded.kabkota_code, compliant = excluded.compliant,
                non_compliant = excluded.non_compliant, import_batch_id = excluded.import_batch_id
                where (m.kabkota_code, m.compliant, m.non_compliant) is distinct from
                (excluded.kabkota_code, excluded.compliant, excluded.non_compliant)
                """);
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
        return scope;
    }

    private void targets(ImportProbe probe) throws SQLException {
        String latest = """
                from imp_target i left join lateral (select t.amount, t.source, t.note from target t
                where t.kabkota_code = i.kabkota_code and t.year = i.year and t.area_code = i.area_code
                and t.service_code = i.service_code order by t.created_at desc, t.id desc limit 1) l on true
                """;
        classify("select i.kabkota_code, i.year, count(*) filter (where l.amount is null), "
                + "count(*) filter (where l.amount is not null and (l.amount, l.source, l.note) is distinct from "
                + "(i.amount, i.source, i.note)), count(*) filter (where (l.amount, l.source, l.note) "
                + "is not distinct from (i.amount, i.source, i.note)) " + latest + " group by 1, 2");
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        try (PreparedStatement ps = c.prepareStatement("insert into target (area_code, kabkota_code, year, service_code, "
                + "amount, source, note, import_batch_id, created_by) select i.area_code, i.kabkota_code, i.year, "
                + "i.service_code, i.amount, i.source, i.note, ?, ? " + latest
                + " where (l.amount, l.source, l.note) is distinct from (i.amount, i.source, i.note)")) {
            ps.setLong(1, batchId);
            ps.setString(2, createdBy);
            ps.executeUpdate();
        }
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
    }

    private List<ImportJob.ScopeEntry> population(ImportProbe probe) throws SQLException {
        String same = "(p.kabkota_code, p.male, p.female) is not distinct from (i.kabkota_code, i.male, i.female)";
        classify("select i.kabkota_code, i.year, count(*) filter (where p.area_code is null), "
                + "count(*) filter (where p.area_code is not null and not " + same + "), count(*) filter (where " + same
                + ") from imp_population i left join population p on p.area_code = i.area_code and p.year = i.year "
                + "and p.age_group = i.age_group group by 1, 2");
        List<ImportJob.ScopeEntry> scope = areaYearScope("population", "imp_population", "penduduk");
        exec("""
                with d as (delete from population p using (select distinct area_code, year from imp_population) sc
                where p.area_code = sc.area_code and p.year = sc.year and not exists (select 1 from imp_population i
                where i.area_code = p.area_code and i.year = p.year and i.age_group = p.age_group)
                returning p.kabkota_code, p.year, p.area_code, p.age_group) insert into imp_removed select
                kabkota_code, year, area_code, 'penduduk', 'population', null, null, age_group from d
                """);
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        exec("""
                insert into population as p (area_code, kabkota_code, year, age_group, male, female, import_batch_id)
                select area_code, kabkota_code, year, age_group, male, female, current_setting('spm.import_batch')::bigint from imp_population
                on conflict (area_code, year, age_group) do update set kabkota_code = excluded.kabkota_code,
                male = excluded.male, female = excluded.female, import_batch_id = excluded.import_batch_id
                where (p.kabkota_code, p.male, p.female) is distinct from
                (excluded.kabkota_code, excluded.male, excluded.female)
                """);
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
        return scope;
    }

    private List<ImportJob.ScopeEntry> quality(ImportProbe probe) throws SQLException {
        String key = """
                q.area_code = i.area_code and q.year = i.year and coalesce(q.quarter, 0) = coalesce(i.quarter, 0)
                and q.service_code = i.service_code and q.kind = i.kind and q.item = i.item
                """;
        String same = """
                (q.kabkota_code, q.unit, q.need, q.stock, q.unit_price) is not distinct from
                (i.kabkota_code, i.unit, i.need, i.stock, i.unit_price)
                """;
        classify("select i.kabkota_code, i.year, count(*) filter (where q.id is null), count(*) filter (where q.id is "
                + "not null and not " + same + "), count(*) filter (where q.id is not null and " + same + ") "
                + "from imp_quality i left join quality_item q on " + key + " group by 1, 2");
        List<ImportJob.ScopeEntry> scope = areaYearScope("quality_item", "imp_quality", "mutu");
        exec("with d as (delete from quality_item q using (select distinct area_code, year from imp_quality) sc "
                + "where q.area_code = sc.area_code and q.year = sc.year and not exists (select 1 from imp_quality i "
                + "where " + key + ") returning q.kabkota_code, q.year, q.area_code, q.service_code, q.kind, q.item) "
                + "insert into imp_removed select kabkota_code, year, area_code, 'mutu', 'quality_item', null, null, "
                + "service_code || '|' || kind || '|' || item from d");
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        exec("""
                insert into quality_item as q (area_code, kabkota_code, year, quarter, service_code, kind, item, unit,
                need, stock, unit_price, import_batch_id) select area_code, kabkota_code, year, quarter, service_code,
                kind, item, unit, need, stock, unit_price, current_setting('spm.import_batch')::bigint from imp_quality on conflict (area_code,
                year, coalesce(quarter, 0), service_code, kind, item) do update set kabkota_code =
                excluded.kabkota_code, unit = excluded.unit, need = excluded.need, stock = excluded.stock,
                unit_price = excluded.unit_price, import_batch_id = excluded.import_batch_id where
                (q.kabkota_code, q.unit, q.need, q.stock, q.unit_price) is distinct from (excluded.kabkota_code,
                excluded.unit, excluded.need, excluded.stock, excluded.unit_price)
                """);
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
        return scope;
    }

    private void puskesmas(ImportProbe probe) throws SQLException {
        String same = """
                (p.name, p.kecamatan_code, p.kabkota_code, p.population, p.desa_codes) is not distinct from
                (i.name, i.kecamatan_code, i.kabkota_code, i.population, i.desa_codes)
                """;
        long[] n = new long[3];
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) filter (where p.code is "
                        + "null), count(*) filter (where p.code is not null and not " + same + "), count(*) filter (where "
                        + same
                        + ") from imp_puskesmas i left join puskesmas p on p.code = i.code")) {
            rs.next();
            n[0] = rs.getLong(1);
            n[1] = rs.getLong(2);
            n[2] = rs.getLong(3);
        }
        created += n[0];
        updated += n[1];
        unchanged += n[2];
        probe.reached(batchId, ImportProbe.Point.REMOVED);
        // The registry is its district's pseudo-year (DataVersions.REGISTRY_YEAR): every year's cache key holds it.
        // A Puskesmas moving district changes the district it leaves as well.
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct i.kabkota_code from "
                        + "imp_puskesmas i left join puskesmas p on p.code = i.code where not coalesce(" + same + ", false) "
                        + "union select distinct p.kabkota_code from imp_puskesmas i join puskesmas p on p.code = i.code "
                        + "where p.kabkota_code <> i.kabkota_code")) {
            while (rs.next()) {
                changed.add(new DistrictYear(rs.getString(1), DataVersions.REGISTRY_YEAR));
            }
        }
        exec("""
                insert into puskesmas as p (code, name, kecamatan_code, kabkota_code, population, desa_codes) select code,
                name, kecamatan_code, kabkota_code, population, desa_codes from imp_puskesmas on conflict (code) do
                update set name = excluded.name, kecamatan_code = excluded.kecamatan_code, kabkota_code =
                excluded.kabkota_code, population = excluded.population, desa_codes = excluded.desa_codes where
                (p.name, p.kecamatan_code, p.kabkota_code, p.population, p.desa_codes) is distinct from
                (excluded.name, excluded.kecamatan_code, excluded.kabkota_code, excluded.population,
                excluded.desa_codes)
                """);
        probe.reached(batchId, ImportProbe.Point.UPSERTED);
    }

    /**
     * Runs an update or insert of one district-year's staged events (its four parameters: the district and year of
     * the staged rows, then of the stored ones) and counts the (kabkota, year, rows) it returned.
     */
    private void upserted(String sql, DistrictYear dy, boolean inserted, Map<DistrictYear, Long> staged)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 4; i += 2) {
                ps.setString(i + 1, dy.kabkota());
                ps.setShort(i + 2, (short) dy.year());
            }
            upserted(ps, inserted, staged);
        }
    }

    private void upserted(PreparedStatement ps, boolean inserted, Map<DistrictYear, Long> staged) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DistrictYear dy = new DistrictYear(rs.getString(1), rs.getInt(2));
                long n = rs.getLong(3);
                if (inserted) {
                    created += n;
                } else {
                    updated += n;
                }
                staged.merge(dy, -n, Long::sum);
                if (n > 0) {
                    changed.add(dy);
                }
            }
        }
    }

    private List<ImportJob.ScopeEntry> areaYearScope(String table, String staging, String layout) throws SQLException {
        return scope("select distinct '" + table + "', area_code, '" + layout + "', make_date(year, 1, 1), "
                + "make_date(year, 12, 31) from " + staging + " order by 2, 4");
    }

    /** Runs a classification query of (kabkota, year, created, updated, unchanged) rows. */
    private void classify(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long cr = rs.getLong(3);
                long up = rs.getLong(4);
                created += cr;
                updated += up;
                unchanged += rs.getLong(5);
                if (cr + up > 0) {
                    changed.add(new DistrictYear(rs.getString(1), rs.getInt(2)));
                }
            }
        }
    }

    private List<ImportJob.ScopeEntry> scope(String sql) throws SQLException {
        List<ImportJob.ScopeEntry> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new ImportJob.ScopeEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
            }
        }
        return out;
    }

    private long single(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
