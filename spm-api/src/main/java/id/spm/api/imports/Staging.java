package id.spm.api.imports;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import id.spm.ingest.Accepted;
import id.spm.ingest.EventJson;
import id.spm.rules.model.Person;
import id.spm.rules.model.Sex;

/**
 * Streams the accepted rows of one file into a temporary table of the import's transaction with
 * {@code COPY … FROM STDIN} (text format), in 1 MB chunks: the file is never held in memory and the
 * fact tables are not touched until the merge. A file has one layout, so one staging table.
 */
final class Staging implements AutoCloseable {

    /** The kind of rows of a layout, with its staging table. */
    enum Kind {
        EVENT("imp_event", "kabkota_code text, event_year smallint, person_key text, birth_date date, sex char(1), "
                + "desa_code text, person_puskesmas text, puskesmas_code text, layout text, event_type text, "
                + "event_date date, natural_key text, content_hash text, payload jsonb"),
        COUNT("imp_count", "kabkota_code text, puskesmas_code text, year smallint, month smallint, service_code text, "
                + "compliant bigint, non_compliant bigint"),
        TARGET("imp_target", "area_code text, kabkota_code text, year smallint, service_code text, amount bigint, "
                + "source text, note text"),
        POPULATION("imp_population", "area_code text, kabkota_code text, year smallint, age_group text, male bigint, "
                + "female bigint"),
        QUALITY("imp_quality", "area_code text, kabkota_code text, year smallint, quarter smallint, service_code text, "
                + "kind text, item text, unit text, need numeric, stock numeric, unit_price numeric"),
        PUSKESMAS("imp_puskesmas", "code text, name text, kecamatan_code text, kabkota_code text, population bigint, "
                + "desa_codes text[]");

        final String table;
        final String columns;

        Kind(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }

        static Kind of(Accepted a) {
            if (a instanceof Accepted.EventRow) {
                return EVENT;
            } else if (a instanceof Accepted.CountRow) {
                return COUNT;
            } else if (a instanceof Accepted.TargetRow) {
                return TARGET;
            } else if (a instanceof Accepted.PopulationRow) {
                return POPULATION;
            } else if (a instanceof Accepted.QualityRow) {
                return QUALITY;
            }
            return PUSKESMAS;
        }
    }

    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final StringBuilder line = new StringBuilder(512);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + (64 << 10));
    private Kind kind;
    private CopyIn copy;
    private long rows;

    Staging(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    Kind kind() {
        return kind;
    }

    long rows() {
        return rows;
    }

    /** Adds one accepted row; the first row decides the kind and opens the COPY. */
    void add(Accepted a) throws SQLException {
        if (kind == null) {
            open(Kind.of(a));
        } else if (Kind.of(a) != kind) {
            throw new IllegalStateException("a file holds one layout, so one kind of row");
        }
        line.setLength(0);
        if (a instanceof Accepted.EventRow e) {
            event(e);
        } else if (a instanceof Accepted.CountRow c) {
            var m = c.count();
            field(c.kabkotaCode()).field(m.puskesmas()).field(m.year()).field(m.month()).field(m.service().code())
                    .field(m.compliant()).last(m.nonCompliant());
        } else if (a instanceof Accepted.TargetRow t) {
            field(t.areaCode()).field(t.kabkotaCode()).field(t.year()).field(t.service().code()).field(t.amount())
                    .field(t.source()).last(t.note());
        } else if (a instanceof Accepted.PopulationRow p) {
            field(p.areaCode()).field(p.kabkotaCode()).field(p.year()).field(p.ageGroup()).field(p.male())
                    .last(p.female());
        } else if (a instanceof Accepted.QualityRow q) {
            field(q.areaCode()).field(q.kabkotaCode()).field(q.year()).field(q.quarter()).field(q.service().code())
                    .field(q.kind()).field(q.item()).field(q.unit()).field(q.need()).field(q.stock())
                    .last(q.unitPrice());
        } else if (a instanceof Accepted.PuskesmasRow p) {
            var info = p.info();
            StringBuilder desa = new StringBuilder("{");
            info.desaCodes().stream().sorted().forEach(d -> desa.append(desa.length() > 1 ? "," : "").append(d));
            field(info.code()).field(info.name()).field(info.kecamatanCode()).field(info.districtCode())
                    .field(info.population()).last(desa.append('}').toString());
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        rows++;
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    private void event(Accepted.EventRow e) {
        Person p = e.person();
        var ev = e.event();
        String payload = EventJson.write(ev);
        field(e.kabkotaCode()).field(ev.date().getYear()).field(p.id()).field(p.birthDate())
                .field(p.sex() == null ? null : p.sex() == Sex.MALE ? "L" : "P").field(p.desaCode())
                .field(p.puskesmas()).field(ev.puskesmas()).field(e.layout()).field(e.eventType()).field(ev.date())
                .field(e.naturalKey()).field(EventJson.hash(payload)).last(payload);
    }

    /** Sends the rest and ends the COPY; the staging table then holds every accepted row. */
    void finish() throws SQLException {
        if (copy == null) {
            return;
        }
        flush();
        copy.endCopy();
        copy = null;
        try (Statement st = connection.createStatement()) {
            st.execute("analyze " + kind.table);
        }
    }

    @Override
    public void close() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // The transaction is rolled back anyway; the connection reports its own state.
            }
        }
    }

    private void open(Kind k) throws SQLException {
        kind = k;
        try (Statement st = connection.createStatement()) {
            st.execute("create temporary table " + k.table + " (" + k.columns + ") on commit drop");
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + k.table + " from stdin");
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            byte[] b = buffer.toByteArray();
            copy.writeToCopy(b, 0, b.length);
            buffer.reset();
        }
    }

    private Staging field(Object v) {
        append(v);
        line.append('\t');
        return this;
    }

    private void last(Object v) {
        append(v);
        line.append('\n');
    }

    /** COPY text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    private void append(Object v) {
        if (v == null) {
            line.append("\\N");
            return;
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }
}
