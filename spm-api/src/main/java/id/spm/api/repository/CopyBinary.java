package id.spm.api.repository;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * An encoder of PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)} rows into a growable byte buffer: per row
 * the field count, per field its length ({@code -1} for null) and its bytes in the type's binary form. The server
 * then neither splits lines nor unescapes fields (the importer's event staging: about 30 % less of PostgreSQL's
 * CPU than the text format for the same rows, spm-api/BENCHMARK.md "Import — session 5"). Text travels as UTF-8,
 * {@code smallint} as two bytes, {@code date} as days since 2000-01-01, {@code jsonb} as its version byte and text.
 */
public final class CopyBinary {

    /** The stream's header: signature, flags, header extension length. */
    private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
            0, 0, 0, 0 };
    /** The stream's trailer: a field count of -1. */
    private static final byte[] TRAILER = { (byte) 0xff, (byte) 0xff };
    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    /** {@code jsonb}'s binary format version. */
    private static final byte JSONB_VERSION = 1;

    private byte[] buf;
    private int len;

    public CopyBinary(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** What a stream starts with, before any row. */
    public static byte[] header() {
        return HEADER.clone();
    }

    /** What a stream ends with, after the last row. */
    public static byte[] trailer() {
        return TRAILER.clone();
    }

    /** Starts a row of {@code fields} fields. */
    public CopyBinary row(int fields) {
        ensure(2);
        putShort(fields);
        return this;
    }

    /** A {@code text} (or {@code char(n)}) field; {@code null} is SQL null. */
    public CopyBinary text(String s) {
        if (s == null) {
            return nul();
        }
        utf8(s, 0, false);
        return this;
    }

    /** A {@code jsonb} field from its text; {@code null} is SQL null. */
    public CopyBinary jsonb(String json) {
        if (json == null) {
            return nul();
        }
        utf8(json, 1, true);
        return this;
    }

    /** A {@code smallint} field. */
    public CopyBinary int2(int v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException("not a smallint: " + v);
        }
        ensure(6);
        putInt(2);
        putShort(v);
        return this;
    }

    /** A {@code date} field; {@code null} is SQL null. */
    public CopyBinary date(LocalDate d) {
        if (d == null) {
            return nul();
        }
        ensure(8);
        putInt(4);
        putInt(Math.toIntExact(d.toEpochDay() - EPOCH_2000));
        return this;
    }

    /** An SQL null field. */
    public CopyBinary nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    public int length() {
        return len;
    }

    /** The bytes written so far (the buffer itself: valid up to {@link #length()}). */
    public byte[] bytes() {
        return buf;
    }

    public void clear() {
        len = 0;
    }

    /** Length, optional jsonb version byte, then the UTF-8 bytes: ASCII copied char by char, the rest encoded. */
    private void utf8(String s, int prefix, boolean jsonb) {
        int n = s.length();
        ensure(4 + prefix + n);
        int at = len;
        len += 4;
        if (jsonb) {
            buf[len++] = JSONB_VERSION;
        }
        int i = 0;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                break;
            }
            buf[len++] = (byte) ch;
        }
        if (i < n) {
            byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
            ensure(rest.length);
            System.arraycopy(rest, 0, buf, len, rest.length);
            len += rest.length;
        }
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
    }

    private void putShort(int v) {
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putInt(int v) {
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
