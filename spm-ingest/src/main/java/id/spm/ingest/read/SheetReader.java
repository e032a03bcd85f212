package id.spm.ingest.read;

import java.io.Closeable;
import java.io.IOException;

/** Streams the rows of one sheet; rows are produced one at a time and never held all at once. */
public interface SheetReader extends Closeable {

    /** The sheet's name (for CSV, the file name). */
    String sheetName();

    /**
     * The next row, or {@code null} at the end.
     *
     * @throws FileRefusedException when the file turns out to be unreadable or hostile
     */
    SheetRow next() throws IOException;

    /** Bytes of the file (or of the sheet part) consumed so far, for progress; -1 when unknown. */
    default long bytesRead() {
        return -1;
    }

    /** Bytes {@link #bytesRead()} will reach at the end; -1 when unknown. */
    default long bytesTotal() {
        return -1;
    }

    @Override
    void close() throws IOException;
}
