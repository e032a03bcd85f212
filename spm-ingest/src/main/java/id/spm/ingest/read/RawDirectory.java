package id.spm.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * Where each part's compressed bytes lie in an xlsx, read from the zip's central directory, so that
 * a part can be inflated here with an {@link Inflater} whose consumed compressed bytes are known at
 * every moment ({@link java.util.zip.ZipFile} does not tell). {@link java.util.zip.ZipFile} has
 * already validated the archive; anything this reader does not handle (zip64, a directory it cannot
 * parse) gives {@code null} and the part is read through {@code ZipFile} instead.
 */
final class RawDirectory {

    static final int DEFLATED = 8;
    private static final int EOCD = 0x06054b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;
    private static final long MAX_DIRECTORY_BYTES = 16L << 20;

    /** One part: its local header's offset in the file, its sizes and compression method. */
    record Part(long localHeader, long compressedSize, long size, int method) {
    }

    private final Path file;
    private final Map<String, Part> parts;

    private RawDirectory(Path file, Map<String, Part> parts) {
        this.file = file;
        this.parts = parts;
    }

    Part part(String name) {
        return parts.get(name);
    }

    /** The directory of a zip file, or {@code null} when it is not one this reader handles. */
    static RawDirectory read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return null;
            }
            long entries = end.getShort(eocd + 10) & 0xFFFF;
            long cenSize = end.getInt(eocd + 12) & 0xFFFFFFFFL;
            long cenOffset = end.getInt(eocd + 16) & 0xFFFFFFFFL;
            if (entries == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL
                    || cenSize > MAX_DIRECTORY_BYTES) {
                return null;
            }
            long cenStart = size - tail + eocd - cenSize;
            // Bytes prepended to the archive shift every offset (as ZipFile allows).
            long base = cenStart - cenOffset;
            if (cenStart < 0 || base < 0) {
                return null;
            }
            ByteBuffer cen = read(ch, cenStart, (int) cenSize);
            Map<String, Part> parts = new HashMap<>();
            int p = 0;
            while (p + 46 <= cenSize) {
                if (cen.getInt(p) != CEN) {
                    return null;
                }
                int method = cen.getShort(p + 10) & 0xFFFF;
                long csize = cen.getInt(p + 20) & 0xFFFFFFFFL;
                long usize = cen.getInt(p + 24) & 0xFFFFFFFFL;
                int nameLength = cen.getShort(p + 28) & 0xFFFF;
                int extraLength = cen.getShort(p + 30) & 0xFFFF;
                int commentLength = cen.getShort(p + 32) & 0xFFFF;
                long local = cen.getInt(p + 42) & 0xFFFFFFFFL;
                if (p + 46 + nameLength > cenSize) {
                    return null;
                }
                byte[] name = new byte[nameLength];
                cen.get(p + 46, name);
                if (csize != 0xFFFFFFFFL && usize != 0xFFFFFFFFL && local != 0xFFFFFFFFL) {
                    parts.put(new String(name, StandardCharsets.UTF_8), new Part(base + local, csize, usize, method));
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
            return new RawDirectory(file, parts);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("short read");
            }
        }
        return b.flip();
    }

    /** Opens a deflated part for inflating here. */
    Inflating inflate(Part part) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer loc = read(ch, part.localHeader(), 30);
            if (loc.getInt(0) != LOC) {
                throw damaged(null);
            }
            long data = part.localHeader() + 30 + (loc.getShort(26) & 0xFFFF) + (loc.getShort(28) & 0xFFFF);
            if (data + part.compressedSize() > ch.size()) {
                throw damaged(null);
            }
            return new Inflating(ch, data, part.compressedSize());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof FileRefusedException f ? f : damaged(e);
        }
    }

    private static FileRefusedException damaged(Exception cause) {
        return new FileRefusedException(Code.NOT_XLSX,
                "The workbook is truncated or damaged: a part's compressed data cannot be read.", cause);
    }

    /** A raw-deflate stream over a part's compressed bytes that knows how many it has consumed. */
    static final class Inflating extends InputStream {
        private final FileChannel ch;
        private final Inflater inflater = new Inflater(true);
        private final ByteBuffer input = ByteBuffer.allocate(1 << 14);
        private long position;
        private long remaining;
        private boolean closed;

        Inflating(FileChannel ch, long position, long compressedSize) {
            this.ch = ch;
            this.position = position;
            this.remaining = compressedSize;
        }

        /** Compressed bytes consumed by the inflater so far. */
        long compressedRead() {
            return inflater.getBytesRead();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (true) {
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw damaged(e);
                }
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw damaged(null);
                }
                if (inflater.needsInput()) {
                    if (remaining <= 0) {
                        throw damaged(null);
                    }
                    input.clear();
                    input.limit((int) Math.min(input.capacity(), remaining));
                    int k = ch.read(input, position);
                    if (k <= 0) {
                        throw damaged(null);
                    }
                    position += k;
                    remaining -= k;
                    input.flip();
                    inflater.setInput(input.array(), 0, k);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                inflater.end();
                ch.close();
            }
        }
    }
}
