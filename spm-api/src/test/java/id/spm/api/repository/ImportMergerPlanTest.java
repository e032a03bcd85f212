package id.spm.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The merge's update and insert of staged events touch only the file's district-year: the stored side of their
 * join is one year's partition, restricted to the district, never every district's rows of every year (found in
 * issue 13's lab: with another district stored, each import hashed or sorted the whole of {@code service_event}).
 * Checked on the plans PostgreSQL makes for them, with rows of other districts and years stored.
 */
@QuarkusTest
class ImportMergerPlanTest {

    static final Pattern RELATION = Pattern.compile("\"Relation Name\"\\s*:\\s*\"([^\"]+)\"");

    @Inject
    DataSource dataSource;

    @Test
    void theUpdateAndInsertOfAFileReadOnlyItsDistrictYear() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // Other districts' events in other years and in the file's year (rolled back at the end).
                st.execute("""
                        insert into service_event (kabkota_code, event_year, person_key, puskesmas_code, layout,
                        event_type, event_date, natural_key, content_hash, payload)
                        select d, y, md5(d || y || g), 'P' || replace(d, '.', '') || '010101', 'ekohort-anc', 'AncVisit',
                        make_date(y, 1 + g % 12, 1), 'plan-' || g, md5(g::text), '{}'::jsonb
                        from unnest(array['74.72', '74.73']) d, unnest(array[2017, 2021, 2025]::smallint[]) y,
                        generate_series(1, 2000) g
                        """);
                st.execute("create temporary table " + Staging.Kind.EVENT.table + " (" + Staging.Kind.EVENT.columns
                        + ") on commit drop");
                st.execute("""
                        insert into imp_event select '74.74', 2025, md5('f' || g), date '1990-01-01', 'P', null,
                        'P7474010101', 'P7474010101', 'ekohort-anc', 'AncVisit', make_date(2025, 1 + g % 12, 1),
                        'plan-' || g, md5(g::text), '{}'::jsonb from generate_series(1, 5000) g
                        """);
                st.execute("analyze imp_event");
                st.execute("analyze service_event");
                st.execute("select set_config('spm.import_batch', '1', true)");
                st.execute("set local plan_cache_mode = force_custom_plan");
            }
            for (String sql : new String[] { ImportMerger.UPDATE_EVENTS, ImportMerger.INSERT_EVENTS }) {
                assertThat(relations(c, sql)).as("tables in the plan of%n%s", sql)
                        .filteredOn(t -> t.startsWith("service_event_")).containsExactly("service_event_2025");
            }
            c.rollback();
        }
    }

    /** The tables a statement's plan reads or writes, for the staged rows of 74.74, 2025. */
    static Set<String> relations(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("explain (format json) " + sql)) {
            int params = ps.getParameterMetaData().getParameterCount();
            for (int i = 0; i < params; i += 2) {
                ps.setString(i + 1, "74.74");
                ps.setShort(i + 2, (short) 2025);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = RELATION.matcher(rs.getString(1));
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }
}
