package id.spm.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another reader's rows, read on a thread of its own a few batches ahead (issue 13): for an xlsx, inflating and
 * parsing the sheet's XML then overlaps what the caller does with the rows (the importer's thread settles them).
 * The rows come in the same order, and an error the source throws comes where it would have come, after every
 * row read before it. At most {@code batchesAhead} batches of {@code batchSize} rows wait, so memory stays
 * bounded; {@link #stop()} (or {@link #close()}) ends the thread without interrupting it (an interrupt would close
 * the file channel under the reader) at the next row.
 */
public final class PrefetchingSheetReader implements SheetReader {

    private static final Object END = new Object();

    private final SheetReader source;
    private final int batchSize;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private List<SheetRow> batch = List.of();
    private int at;
    private boolean finished;

    public PrefetchingSheetReader(SheetReader source, int batchSize, int batchesAhead) {
        if (batchSize < 1 || batchesAhead < 1) {
            throw new IllegalArgumentException("batchSize and batchesAhead must be at least 1");
        }
        this.source = source;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batchesAhead);
        this.thread = new Thread(this::readAhead, "spm-ingest-read");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAhead() {
        List<SheetRow> rows = new ArrayList<>(batchSize);
        try {
            SheetRow row;
            while (!stopped && (row = source.next()) != null) {
                rows.add(row);
                if (rows.size() == batchSize) {
                    if (!put(rows)) {
                        return;
                    }
                    rows = new ArrayList<>(batchSize);
                }
            }
            if (!rows.isEmpty() && !put(rows)) {
                return;
            }
            put(END);
        } catch (Throwable t) {
            // The rows read before the error first, then the error, where a direct read would have thrown it.
            if (rows.isEmpty() || put(rows)) {
                put(t);
            }
        }
    }

    /** Hands a batch (or the end, or an error) over; false once the reader is stopped. */
    private boolean put(Object o) {
        try {
            while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public SheetRow next() throws IOException {
        if (at < batch.size()) {
            return batch.get(at++);
        }
        if (finished) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the sheet's rows", e);
        }
        if (o == END) {
            finished = true;
            return null;
        }
        if (o instanceof Throwable t) {
            finished = true;
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(t));
        }
        @SuppressWarnings("unchecked")
        List<SheetRow> rows = (List<SheetRow>) o;
        batch = rows;
        at = 1;
        return rows.get(0);
    }

    @Override
    public String sheetName() {
        return source.sheetName();
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    public long bytesTotal() {
        return source.bytesTotal();
    }

    /** Ends the reading thread (after the row it is reading) and waits for it; the source stays open. */
    public void stop() {
        stopped = true;
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reading thread, then closes the source. */
    @Override
    public void close() throws IOException {
        stop();
        source.close();
    }
}
