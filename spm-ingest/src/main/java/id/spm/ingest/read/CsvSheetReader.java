package id.spm.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * CSV reader: comma or semicolon, UTF-8 with or without BOM, UTF-16 with a BOM, or Windows-1252;
 * CR, LF and CRLF line ends mixed; RFC 4180 quotes. A first pass over the bytes decides the
 * encoding and refuses binary content before any row is produced, so a refusal never follows rows.
 */
public final class CsvSheetReader implements SheetReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String sheetName;
    private final Limits limits;
    private final Reader in;
    private final char delimiter;
    private final Charset charset;
    private final StringBuilder field = new StringBuilder(64);
    /** Characters decoded ahead: read a block at a time, not a (synchronised) call per character. */
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private int rowNumber;
    private boolean eof;
    private CountingStream counter;
    private long size = -1;
    private Path file;

    private CsvSheetReader(String sheetName, Limits limits, Reader in, char delimiter, Charset charset) {
        this.sheetName = sheetName;
        this.limits = limits;
        this.in = in;
        this.delimiter = delimiter;
        this.charset = charset;
    }

    /** Opens a CSV file after checking its size, encoding and content. */
    public static CsvSheetReader open(Path file, String sheetName, Limits limits) throws IOException {
        return open(file, sheetName, limits, null, (char) 0);
    }

    /**
     * The same file read again with the other delimiter ({@code ,} ↔ {@code ;}), its encoding already
     * known: for a caller whose header search failed with the delimiter guessed from the text.
     */
    public CsvSheetReader withOtherDelimiter() throws IOException {
        return open(file, sheetName, limits, charset, delimiter == ';' ? ',' : ';');
    }

    private static CsvSheetReader open(Path file, String sheetName, Limits limits, Charset known, char forced)
            throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new FileRefusedException(Code.FILE_TOO_LARGE, "The file is " + Limits.bytes(size)
                    + "; the upload limit is " + Limits.bytes(limits.maxFileBytes()) + ".");
        }
        if (size == 0) {
            throw new FileRefusedException(Code.EMPTY_FILE, "The file is empty.");
        }
        byte[] head = new byte[(int) Math.min(size, 4)];
        try (InputStream s = Files.newInputStream(file)) {
            s.readNBytes(head, 0, head.length);
        }
        Charset charset;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            charset = known != null ? known : scan(file);
        }
        CountingStream raw = new CountingStream(Files.newInputStream(file));
        try {
            raw.skipNBytes(skip);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(raw, decoder), 1 << 16);
            char delimiter = forced != 0 ? forced : sniffDelimiter(reader);
            CsvSheetReader r = new CsvSheetReader(sheetName, limits, reader, delimiter, charset);
            r.counter = raw;
            r.size = size;
            r.file = file;
            return r;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public long bytesRead() {
        return counter == null ? -1 : counter.count;
    }

    @Override
    public long bytesTotal() {
        return size;
    }

    /** Counts the bytes the decoder has pulled from the file (progress only; read-ahead included). */
    private static final class CountingStream extends java.io.FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    /** The encoding decided for the file. */
    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    /**
     * One pass over the bytes without a BOM: NUL bytes mean binary or BOM-less UTF-16 (refused);
     * bytes that are not valid UTF-8 mean Windows-1252.
     */
    private static Charset scan(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean utf8Valid = true;
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long offset = 0;
        try (InputStream s = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            int n;
            while ((n = s.read(chunk)) > 0) {
                int evenNuls = 0;
                int oddNuls = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        if (((offset + i) & 1) == 0) {
                            evenNuls++;
                        } else {
                            oddNuls++;
                        }
                    }
                }
                if (evenNuls + oddNuls > 0) {
                    // Mostly-ASCII UTF-16 puts a NUL in every other byte, nearly all on one parity.
                    int nuls = evenNuls + oddNuls;
                    boolean utf16 = offset == 0 && nuls * 3 >= n && Math.max(evenNuls, oddNuls) * 10 >= nuls * 9;
                    if (utf16) {
                        throw new FileRefusedException(Code.UTF16_WITHOUT_BOM,
                                "The file looks like UTF-16 text without a byte-order mark. Save it again as"
                                        + " CSV UTF-8 (or as .xlsx).");
                    }
                    throw new FileRefusedException(Code.BINARY_CONTENT,
                            "The file holds binary content (NUL bytes) and is not a CSV text file.");
                }
                if (utf8Valid) {
                    buf.put(chunk, 0, n);
                    buf.flip();
                    while (true) {
                        out.clear();
                        var r = utf8.decode(buf, out, false);
                        if (r.isError()) {
                            utf8Valid = false;
                            break;
                        }
                        if (r.isUnderflow()) {
                            break;
                        }
                    }
                    buf.compact();
                }
                offset += n;
            }
        }
        if (utf8Valid) {
            buf.flip();
            out.clear();
            if (utf8.decode(buf, out, true).isError() || utf8.flush(out).isError()) {
                utf8Valid = false;
            }
        }
        return utf8Valid ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /**
     * Comma or semicolon, decided by the header row: of the first 50 lines, the one that splits into
     * the most cells that are all names (holding a letter, not a number, date, NIK or code list) under
     * either delimiter is taken as the header, and the delimiter that gives it more cells wins. Values cannot
     * decide: a registry's desa lists ({@code 7318012001;7318012002}) put semicolons in a comma file,
     * decimal commas and free text put commas in a semicolon file. Without such a line, whichever
     * occurs more often outside quotes. The ingestor also tries the other delimiter when no layout's
     * header is found with this one.
     */
    static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        char[] buf = new char[1 << 16];
        int n = Math.max(0, reader.read(buf));
        reader.reset();
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        int lines = 0;
        int start = 0;
        int headerCells = 0;
        char headerDelimiter = 0;
        for (int i = 0; i <= n && lines < 50; i++) {
            char c = i < n ? buf[i] : '\n';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\n' || c == '\r') {
                    if (i > start) {
                        lines++;
                        String line = new String(buf, start, i - start);
                        int byComma = headerCells(line, ',');
                        int bySemicolon = headerCells(line, ';');
                        if (Math.max(byComma, bySemicolon) > headerCells) {
                            headerCells = Math.max(byComma, bySemicolon);
                            headerDelimiter = byComma == bySemicolon ? 0 : bySemicolon > byComma ? ';' : ',';
                        }
                    }
                    start = i + 1;
                }
            }
        }
        if (headerCells >= 2 && headerDelimiter != 0) {
            return headerDelimiter;
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * The cells of a line split by {@code d} when every non-blank one looks like a column name
     * (holds a letter and is not a code, date or number); 0 otherwise.
     */
    private static int headerCells(String line, char d) {
        int cells = 0;
        boolean quoted = false;
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : d;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                String t = cell.toString().strip();
                cell.setLength(0);
                if (t.isEmpty()) {
                    continue;
                }
                int letters = 0;
                int digits = 0;
                for (int k = 0; k < t.length(); k++) {
                    char x = t.charAt(k);
                    if (Character.isLetter(x)) {
                        letters++;
                    } else if (Character.isDigit(x)) {
                        digits++;
                    }
                }
                if (letters == 0 || digits > letters) {
                    return 0;
                }
                cells++;
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    @Override
    public SheetRow next() throws IOException {
        while (!eof) {
            List<Cell> cells = readRecord();
            if (cells == null) {
                return null;
            }
            rowNumber++;
            if (rowNumber > limits.maxRows()) {
                throw new FileRefusedException(Code.TOO_MANY_ROWS,
                        "The file has more than " + limits.maxRows() + " rows.");
            }
            return new SheetRow(rowNumber, cells);
        }
        return null;
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    /** The next character without taking it, or -1 at the end. */
    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            pos = 0;
            len = Math.max(n, 0);
            return n > 0;
        } catch (CharacterCodingException e) {
            throw new FileRefusedException(Code.BINARY_CONTENT,
                    "The file is not readable text in " + charset.displayName() + ".", e);
        }
    }

    /** Reads one record, or {@code null} at the end of the file. */
    private List<Cell> readRecord() throws IOException {
        List<Cell> cells = new ArrayList<>();
        int column = 0;
        field.setLength(0);
        boolean any = false;
        boolean quoted = false;
        boolean wasQuoted = false;
        int startRow = rowNumber + 1;
        while (true) {
            int c = read();
            if (c < 0) {
                eof = true;
                if (quoted) {
                    throw new FileRefusedException(Code.UNTERMINATED_QUOTE, "Row " + startRow + ", column "
                            + Cell.columnLetter(column)
                            + ": a quote (\") opens a value that never closes, so the rest of the file cannot"
                            + " be split into cells.");
                }
                if (!any && field.length() == 0) {
                    return cells.isEmpty() && column == 0 ? null : endRecord(cells, column, wasQuoted);
                }
                return endRecord(cells, column, wasQuoted);
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        append('"', column, startRow);
                    } else {
                        quoted = false;
                    }
                } else {
                    append((char) c, column, startRow);
                }
                continue;
            }
            if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                addField(cells, column, wasQuoted);
                column++;
                if (column >= limits.maxColumns()) {
                    throw new FileRefusedException(Code.TOO_MANY_COLUMNS, "Row " + startRow + " has more than "
                            + limits.maxColumns() + " columns, more than a spreadsheet can hold.");
                }
                wasQuoted = false;
            } else if (c == '\n') {
                return endRecord(cells, column, wasQuoted);
            } else if (c == '\r') {
                if (peek() == '\n') {
                    pos++;
                }
                return endRecord(cells, column, wasQuoted);
            } else {
                append((char) c, column, startRow);
            }
        }
    }

    private void append(char c, int column, int row) {
        if (field.length() >= limits.maxCellChars()) {
            throw new FileRefusedException(Code.CELL_TOO_LONG, "Row " + row + ", column " + Cell.columnLetter(column)
                    + " holds more than " + limits.maxCellChars() + " characters, more than a spreadsheet cell can.");
        }
        field.append(c);
    }

    private List<Cell> endRecord(List<Cell> cells, int column, boolean wasQuoted) {
        addField(cells, column, wasQuoted);
        return cells;
    }

    private void addField(List<Cell> cells, int column, boolean wasQuoted) {
        if (field.length() == 0) {
            return;
        }
        String text = field.toString();
        field.setLength(0);
        Cell.Kind kind = isFormula(text) ? Cell.Kind.FORMULA : Cell.Kind.TEXT;
        cells.add(new Cell(column, text, kind));
    }

    private static boolean isFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
