package id.spm.ingest.report;

import java.util.Arrays;

/**
 * An open-addressing set of longs: 8 bytes a member instead of the ~50 of a {@code HashSet<Long>},
 * so counting a million persons or spotting duplicate rows stays within bounded memory.
 */
public final class LongSet {

    private long[] table = new long[1024];
    private boolean hasZero;
    private int size;

    /** Adds a value; {@code true} when it was new. */
    public boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = (int) mix(v) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    /** A 64-bit FNV-1a hash of a string, for set membership. */
    public static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "LongSet[" + size + "]" + (table.length > 0 ? "" : Arrays.toString(table));
    }
}
