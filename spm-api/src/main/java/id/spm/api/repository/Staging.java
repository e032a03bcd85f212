package id.spm.api.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import id.spm.ingest.Accepted;
import id.spm.rules.model.Person;
import id.spm.rules.model.Sex;

/**
 * Streams the accepted rows of one file into a temporary table of the import's transaction with
 * {@code COPY … FROM STDIN} (events in the binary format, {@link CopyBinary}: the bulk of every large file; the
 * other kinds as text, {@link CopyText}), in chunks of about 1 M characters or bytes: the file is never held in memory
 * and the fact tables are not touched until the merge. A file has one layout, so one staging table.
 * The rows are encoded and sent on encoder threads, behind a bounded queue, while the caller reads
 * and validates the next ones; each encoder encodes whole batches into text of its own and sends it in
 * chunks, one at a time (a staging table is a set: the order of its rows does not matter).
 */
public final class Staging implements AutoCloseable {

    /** The kind of rows of a layout, with its staging table. */
    public enum Kind {
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

        public final String table;
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

    /** Characters of COPY text sent at a time, per encoder. */
    private static final int CHUNK = 1 << 20;
    /** Rows handed to an encoder at a time (one queue operation per batch, not per row). */
    private static final int BATCH = 1024;
    /** Batches in flight per encoder: bounds the memory between the reader and the encoders. */
    private static final int QUEUE = 4;
    /** Tells an encoder that no more rows come. */
    private static final List<Accepted> END = List.of();

    private final Connection connection;
    private final String name;
    private final int encoders;
    private final BlockingQueue<List<Accepted>> queue;
    private List<Accepted> batch = new ArrayList<>(BATCH);
    private Kind kind;
    private Map<String, String> districtOf = Map.of();
    private CopyIn copy;
    /** One encoder sends at a time (the COPY is one stream); the order of the rows does not matter to it. */
    private final Object sending = new Object();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean aborted;
    private final LongAdder rows = new LongAdder();
    /** Where the staging's time went (ns): encoding, sending (both summed over encoders), the reader waiting. */
    private final LongAdder encodeNanos = new LongAdder();
    private final LongAdder sendNanos = new LongAdder();
    private long waitNanos;

    /**
     * @param name names the writer thread (the job), for thread dumps and logs
     */
    public Staging(Connection connection, String name) {
        this(connection, name, 1);
    }

    /**
     * @param name names the encoder threads (the job), for thread dumps and logs
     * @param encoders threads encoding rows into COPY text (each row alone, so any number gives the same table)
     */
    public Staging(Connection connection, String name, int encoders) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.name = Objects.requireNonNull(name, "name");
        this.encoders = Math.max(1, encoders);
        this.queue = new ArrayBlockingQueue<>(QUEUE * this.encoders);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The registry's district of every registered Puskesmas: rows take their district from it, never
     * from the digits of a code (the registry is the one truth for where a Puskesmas is).
     */
    public void registry(Map<String, String> districtOfPuskesmas) {
        this.districtOf = Map.copyOf(districtOfPuskesmas);
    }

    /** The district of a row's Puskesmas or area code: the registry's for a Puskesmas, the code's own for a region. */
    private String district(String areaOrPuskesmas, String regionDistrict) {
        if (areaOrPuskesmas == null || areaOrPuskesmas.isEmpty() || areaOrPuskesmas.charAt(0) != 'P') {
            return regionDistrict;
        }
        String d = districtOf.get(areaOrPuskesmas);
        if (d == null) {
            throw new IllegalStateException("Puskesmas " + areaOrPuskesmas + " is not registered");
        }
        return d;
    }

    /** Where the staging's time went, for the job's stage log line; exact once {@link #finish()} has returned. */
    public String timings() {
        return String.format("%d encoder(s): encode %d, send %d, reader waited %d", encoders,
                encodeNanos.sum() / 1_000_000, sendNanos.sum() / 1_000_000, waitNanos / 1_000_000);
    }

    /** Rows staged; exact once {@link #finish()} has returned. */
    public long rows() {
        return rows.sum();
    }

    /**
     * Adds one accepted row; the first row decides the kind, opens the COPY and starts the writer.
     * Encoding a row (an event's JSON payload and hash) and sending it runs on the writer thread, so
     * that reading the next rows overlaps with it.
     */
    public void add(Accepted a) throws SQLException {
        if (kind == null) {
            open(Kind.of(a));
        } else if (Kind.of(a) != kind) {
            throw new IllegalStateException("a file holds one layout, so one kind of row");
        }
        rethrow();
        batch.add(a);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Sends the rest and ends the COPY; the staging table then holds every accepted row. */
    public void finish() throws SQLException {
        if (copy == null) {
            return;
        }
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(0);
        }
        for (int i = 0; i < encoders; i++) {
            hand(END);
        }
        join();
        rethrow();
        if (kind == Kind.EVENT) {
            byte[] trailer = CopyBinary.trailer();
            copy.writeToCopy(trailer, 0, trailer.length);
        }
        copy.endCopy();
        copy = null;
        try (Statement st = connection.createStatement()) {
            st.execute("analyze " + kind.table);
        }
    }

    @Override
    public void close() {
        if (writers.stream().anyMatch(Thread::isAlive)) {
            aborted = true;
            writers.forEach(Thread::interrupt);
            join();
        }
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
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + k.table + " from stdin" + (k == Kind.EVENT ? " (format binary)" : ""));
        if (k == Kind.EVENT) {
            byte[] header = CopyBinary.header();
            copy.writeToCopy(header, 0, header.length);
        }
        for (int i = 0; i < encoders; i++) {
            Thread writer = new Thread(this::write, name + "-copy-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    private void hand(List<Accepted> rows) throws SQLException {
        try {
            long t = System.nanoTime();
            queue.put(rows);
            waitNanos += System.nanoTime() - t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while staging rows", e);
        }
    }

    private void join() {
        boolean interrupted = false;
        for (Thread writer : writers) {
            while (true) {
                try {
                    writer.join();
                    break;
                } catch (InterruptedException e) {
                    // The encoders must be gone before anyone else uses the connection.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws SQLException {
        Throwable f = failure.get();
        if (f instanceof SQLException e) {
            throw e;
        } else if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new SQLException("staging failed", f);
        }
    }

    /**
     * An encoder: encodes batches into COPY text of its own and sends it in chunks, one encoder at a time.
     * After a failure (anyone's) it keeps taking batches (and drops them) until its end, so the reader
     * never blocks on a full queue.
     */
    private void write() {
        // Events in COPY's binary form, the other kinds as COPY text.
        StringBuilder line = kind == Kind.EVENT ? new StringBuilder() : new StringBuilder(CHUNK + (64 << 10));
        CopyBinary bin = kind == Kind.EVENT ? new CopyBinary(CHUNK + (64 << 10)) : null;
        try {
            while (true) {
                List<Accepted> b = queue.take();
                if (b == END) {
                    break;
                }
                if (failure.get() != null) {
                    continue;
                }
                try {
                    long t = System.nanoTime();
                    for (Accepted a : b) {
                        if (bin != null) {
                            event(bin, (Accepted.EventRow) a);
                        } else {
                            encode(line, a);
                        }
                    }
                    rows.add(b.size());
                    encodeNanos.add(System.nanoTime() - t);
                    if (line.length() >= CHUNK) {
                        flush(line);
                    }
                    if (bin != null && bin.length() >= CHUNK) {
                        flush(bin);
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
            if (failure.get() == null) {
                flush(line);
                if (bin != null) {
                    flush(bin);
                }
            }
        } catch (InterruptedException e) {
            if (!aborted) {
                failure.compareAndSet(null, e);
            }
        } catch (SQLException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    private void encode(StringBuilder line, Accepted a) {
        Fields f = new Fields(line);
        if (a instanceof Accepted.CountRow c) {
            var m = c.count();
            f.field(district(m.puskesmas(), null)).field(m.puskesmas()).field(m.year()).field(m.month())
                    .field(m.service().code())
                    .field(m.compliant()).last(m.nonCompliant());
        } else if (a instanceof Accepted.TargetRow t) {
            f.field(t.areaCode()).field(district(t.areaCode(), t.kabkotaCode())).field(t.year()).field(t.service().code())
                    .field(t.amount())
                    .field(t.source()).last(t.note());
        } else if (a instanceof Accepted.PopulationRow p) {
            f.field(p.areaCode()).field(district(p.areaCode(), p.kabkotaCode())).field(p.year()).field(p.ageGroup())
                    .field(p.male())
                    .last(p.female());
        } else if (a instanceof Accepted.QualityRow q) {
            f.field(q.areaCode()).field(district(q.areaCode(), q.kabkotaCode())).field(q.year()).field(q.quarter())
                    .field(q.service().code())
                    .field(q.kind()).field(q.item()).field(q.unit()).field(q.need()).field(q.stock())
                    .last(q.unitPrice());
        } else if (a instanceof Accepted.PuskesmasRow p) {
            var info = p.info();
            StringBuilder desa = new StringBuilder("{");
            info.desaCodes().stream().sorted().forEach(d -> desa.append(desa.length() > 1 ? "," : "").append(d));
            f.field(info.code()).field(info.name()).field(info.kecamatanCode()).field(info.districtCode())
                    .field(info.population()).last(desa.append('}').toString());
        }
    }

    /** An event row in {@link Kind#EVENT}'s column order, binary. */
    private void event(CopyBinary b, Accepted.EventRow e) {
        Person p = e.person();
        var ev = e.event();
        String payload = EventCodec.write(ev);
        b.row(14).text(district(ev.puskesmas(), null)).int2(ev.date().getYear()).text(p.id()).date(p.birthDate())
                .text(p.sex() == null ? null : p.sex() == Sex.MALE ? "L" : "P").text(p.desaCode())
                .text(p.puskesmas()).text(ev.puskesmas()).text(e.layout()).text(e.eventType()).date(ev.date())
                .text(e.naturalKey()).text(EventCodec.hash(payload)).jsonb(payload);
    }

    private void flush(CopyBinary bin) throws SQLException {
        if (bin.length() > 0) {
            long t = System.nanoTime();
            synchronized (sending) {
                copy.writeToCopy(bin.bytes(), 0, bin.length());
            }
            bin.clear();
            sendNanos.add(System.nanoTime() - t);
        }
    }

    private void flush(StringBuilder line) throws SQLException {
        if (line.length() > 0) {
            byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
            line.setLength(0);
            long t = System.nanoTime();
            synchronized (sending) {
                copy.writeToCopy(b, 0, b.length);
            }
            sendNanos.add(System.nanoTime() - t);
        }
    }

    /** Appends a row's fields to an encoder's text. */
    private static final class Fields {
        private final StringBuilder line;

        Fields(StringBuilder line) {
            this.line = line;
        }

        Fields field(Object v) {
            CopyText.field(line, v);
            return this;
        }

        void last(Object v) {
            CopyText.last(line, v);
        }
    }
}
