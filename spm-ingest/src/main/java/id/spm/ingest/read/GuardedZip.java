package id.spm.ingest.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * The zip guard of the xlsx reader: a workbook's parts opened under the hostile-file limits. A part
 * is refused from the sizes the zip directory declares, before a byte is inflated, and again while
 * it inflates ({@link PartStream}); the reader inflates deflated parts itself ({@link RawDirectory})
 * so that the ratio is judged over the compressed bytes actually consumed.
 */
final class GuardedZip {

    static final int MAX_ENTRIES = 10_000;
    /** Below this many decompressed bytes the ratio is not judged: tiny parts compress oddly. */
    static final long RATIO_GRACE_BYTES = 1L << 20;

    final ZipFile zip;
    final RawDirectory raw;
    final Limits limits;
    /** Every byte inflated from any part so far, in element 0 (shared with tests). */
    final long[] total;

    GuardedZip(ZipFile zip, RawDirectory raw, Limits limits, long[] total) {
        this.zip = zip;
        this.raw = raw;
        this.limits = limits;
        this.total = total;
    }

    /** Refuses a workbook of more than {@value #MAX_ENTRIES} parts. */
    void checkEntries() {
        int entries = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); en.nextElement()) {
            if (++entries > MAX_ENTRIES) {
                throw new FileRefusedException(Code.ZIP_BOMB,
                        "The workbook holds more than " + MAX_ENTRIES + " parts; refused as a possible zip bomb.");
            }
        }
    }

    /** A part, or {@code null} when the workbook has none of that name. */
    ZipEntry entry(String name) {
        return zip.getEntry(name);
    }

    /**
     * Opens a part, refusing it from the zip directory when its declared sizes are beyond the
     * limits (nothing is inflated), and otherwise inflating it under {@link PartStream}'s guard.
     */
    InputStream open(ZipEntry entry) throws IOException {
        long size = entry.getSize();
        long compressed = Math.max(1, entry.getCompressedSize());
        if (size > limits.maxEntryBytes() || size > RATIO_GRACE_BYTES && size / compressed > limits.maxRatio()) {
            throw bomb(entry, size, compressed, "would decompress to");
        }
        RawDirectory.Part part = raw == null ? null : raw.part(entry.getName());
        if (part != null && part.method() == RawDirectory.DEFLATED) {
            return new PartStream(entry, limits, total, raw.inflate(part));
        }
        return new PartStream(entry, limits, total, zip.getInputStream(entry));
    }

    /** Refuses what is recognisably not an xlsx before touching it as a zip. */
    static void checkSignature(Path file, Limits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new FileRefusedException(Code.FILE_TOO_LARGE, "The file is " + Limits.bytes(size)
                    + "; the upload limit is " + Limits.bytes(limits.maxFileBytes()) + ".");
        }
        if (size == 0) {
            throw new FileRefusedException(Code.EMPTY_FILE, "The file is empty.");
        }
        byte[] h = new byte[8];
        int n;
        try (InputStream s = Files.newInputStream(file)) {
            n = s.readNBytes(h, 0, 8);
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            return;
        }
        if (n >= 8 && (h[0] & 0xFF) == 0xD0 && (h[1] & 0xFF) == 0xCF && (h[2] & 0xFF) == 0x11
                && (h[3] & 0xFF) == 0xE0) {
            throw new FileRefusedException(Code.ENCRYPTED_WORKBOOK,
                    "The workbook is password-protected (encrypted) or in the old .xls format. Remove the password"
                            + " and save it as .xlsx (Excel Workbook), then upload it again.");
        }
        String kind = null;
        if (n >= 4 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            kind = "a PNG image";
        } else if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            kind = "a JPEG image";
        } else if (n >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            kind = "a GIF image";
        } else if (n >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F') {
            kind = "a PDF document";
        }
        throw new FileRefusedException(Code.NOT_XLSX, "The file is named .xlsx but is "
                + (kind == null ? "not an Excel workbook" : kind) + ". Export the data as .xlsx or .csv.");
    }

    static FileRefusedException bomb(ZipEntry entry, long size, long compressed, String verb) {
        return new FileRefusedException(Code.ZIP_BOMB,
                "The workbook decompresses to far more data than a real export (part " + entry.getName() + " "
                        + verb + " " + Limits.bytes(size) + " from " + Limits.bytes(compressed)
                        + "); refused as a possible zip bomb.");
    }

    /**
     * Counts decompressed bytes and refuses a part at the first moment it inflates beyond the limits:
     * its declared size (a part that lies about it), the part and total sizes, and, past the first
     * {@value #RATIO_GRACE_BYTES} bytes, the ratio of the bytes inflated so far to the compressed
     * bytes consumed so far (so a bomb cannot hide behind incompressible bytes later in the part).
     */
    static final class PartStream extends FilterInputStream {
        private final ZipEntry entry;
        private final Limits limits;
        private final long[] total;
        private final RawDirectory.Inflating inflating;
        private volatile long count;

        PartStream(ZipEntry entry, Limits limits, long[] total, InputStream in) {
            super(in);
            this.entry = entry;
            this.limits = limits;
            this.total = total;
            this.inflating = in instanceof RawDirectory.Inflating i ? i : null;
        }

        /** Bytes inflated from this part so far. */
        long count() {
            return count;
        }

        /** The size the zip directory declares for this part. */
        long declaredSize() {
            return entry.getSize();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw new FileRefusedException(Code.NOT_XLSX,
                        "The workbook is truncated or damaged (part " + entry.getName() + " cannot be read).", e);
            }
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int k = read(buf, 0, buf.length);
            return Math.max(k, 0);
        }

        private void add(int n) {
            count += n;
            total[0] += n;
            long declared = entry.getSize();
            if (declared >= 0 && count > declared) {
                throw new FileRefusedException(Code.ZIP_BOMB, "The workbook is damaged or hostile: part "
                        + entry.getName() + " decompresses to more than the " + Limits.bytes(declared)
                        + " its zip directory declares; refused as a possible zip bomb.");
            }
            long consumed = inflating != null ? inflating.compressedRead() : entry.getCompressedSize();
            consumed = Math.max(1, consumed);
            if (count > limits.maxEntryBytes() || total[0] > limits.maxTotalBytes()
                    || (count > RATIO_GRACE_BYTES && count / consumed > limits.maxRatio())) {
                throw bomb(entry, count, consumed, "passed");
            }
        }
    }
}
