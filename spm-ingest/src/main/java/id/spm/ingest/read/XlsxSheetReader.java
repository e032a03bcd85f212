package id.spm.ingest.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * Streaming xlsx reader over {@link ZipFile} and StAX. Only the chosen worksheet and the shared
 * strings are read; rows are parsed one at a time, so a million-row sheet needs no more memory than
 * its shared-string table. Every part is read through a counting stream that refuses zip bombs
 * (decompressed size and ratio), and the XML parser refuses any DOCTYPE, so neither entity expansion
 * nor external entities can happen. The worksheet's {@code <dimension>} is never trusted.
 */
public final class XlsxSheetReader implements SheetReader {

    private static final int MAX_ENTRIES = 10_000;
    /** Below this many decompressed bytes the ratio is not judged: tiny parts compress oddly. */
    private static final long RATIO_GRACE_BYTES = 1L << 20;
    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipFile zip;
    private final Limits limits;
    private final String sheetName;
    private final boolean date1904;
    private final SharedStrings sharedStrings;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;
    private final long[] totalBytes;
    private int lastRow;
    private boolean done;

    private XlsxSheetReader(ZipFile zip, Limits limits, String sheetName, boolean date1904,
            SharedStrings sharedStrings, InputStream sheetStream, XMLStreamReader xml, long[] totalBytes) {
        this.zip = zip;
        this.limits = limits;
        this.sheetName = sheetName;
        this.date1904 = date1904;
        this.sharedStrings = sharedStrings;
        this.sheetStream = sheetStream;
        this.xml = xml;
        this.totalBytes = totalBytes;
    }

    /**
     * Opens the named sheet ({@code null} or {@code "first"}: the first worksheet; a name matches
     * case-insensitively).
     */
    @Override
    public long bytesRead() {
        return sheetStream instanceof PartStream g ? g.count : -1;
    }

    @Override
    public long bytesTotal() {
        return sheetStream instanceof PartStream g ? g.entry.getSize() : -1;
    }

    public static XlsxSheetReader open(Path file, String sheet, Limits limits) throws IOException {
        return open(file, sheet, limits, new long[1]);
    }

    /** The same, counting every decompressed byte into {@code inflated[0]} (for tests). */
    static XlsxSheetReader open(Path file, String sheet, Limits limits, long[] inflated) throws IOException {
        checkSignature(file, limits);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FileRefusedException(Code.NOT_XLSX,
                    "The file is not a readable .xlsx workbook: it is truncated or damaged. Save it again from"
                            + " the spreadsheet program and upload the new file.",
                    e);
        }
        try {
            return open(new Parts(zip, RawDirectory.read(file), limits, inflated), sheet);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof ZipException) {
                throw new FileRefusedException(Code.NOT_XLSX,
                        "The file is not a readable .xlsx workbook: it is truncated or damaged.", e);
            }
            throw e;
        }
    }

    private static XlsxSheetReader open(Parts parts, String sheet) throws IOException {
        ZipFile zip = parts.zip;
        Limits limits = parts.limits;
        int entries = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); en.nextElement()) {
            if (++entries > MAX_ENTRIES) {
                throw new FileRefusedException(Code.ZIP_BOMB,
                        "The workbook holds more than " + MAX_ENTRIES + " parts; refused as a possible zip bomb.");
            }
        }
        ZipEntry workbookEntry = zip.getEntry("xl/workbook.xml");
        if (workbookEntry == null) {
            throw new FileRefusedException(Code.NOT_XLSX,
                    "The file is a zip archive but not an Excel workbook (it has no xl/workbook.xml).");
        }
        Workbook wb = readWorkbook(parts, workbookEntry);
        Map<String, String> rels = readRelationships(parts);
        if (wb.sheets.isEmpty()) {
            throw new FileRefusedException(Code.NOT_XLSX, "The workbook has no worksheet.");
        }
        Map.Entry<String, String> chosen = null;
        if (sheet == null || sheet.isBlank() || sheet.equalsIgnoreCase("first")) {
            chosen = wb.sheets.entrySet().iterator().next();
        } else {
            for (Map.Entry<String, String> e : wb.sheets.entrySet()) {
                if (e.getKey().strip().equalsIgnoreCase(sheet.strip())) {
                    chosen = e;
                    break;
                }
            }
            if (chosen == null) {
                throw new FileRefusedException(Code.SHEET_NOT_FOUND, "The workbook has no sheet named '" + sheet
                        + "'; its sheets are " + String.join(", ", wb.sheets.keySet()) + ".");
            }
        }
        String target = rels.get(chosen.getValue());
        ZipEntry sheetEntry = target == null ? null : zip.getEntry(partName(target));
        if (sheetEntry == null) {
            throw new FileRefusedException(Code.NOT_XLSX,
                    "The workbook is damaged: sheet '" + chosen.getKey() + "' has no worksheet part.");
        }
        SharedStrings sst = new SharedStrings(limits.maxSharedStringBytes());
        ZipEntry sstEntry = zip.getEntry("xl/sharedStrings.xml");
        if (sstEntry != null) {
            readSharedStrings(parts, sstEntry, sst);
        }
        InputStream in = parts.open(sheetEntry);
        try {
            XMLStreamReader xml = xmlFactory().createXMLStreamReader(in);
            return new XlsxSheetReader(zip, limits, chosen.getKey(), wb.date1904, sst, in, xml, parts.total);
        } catch (XMLStreamException e) {
            in.close();
            throw malformed(e);
        }
    }

    /** Refuses what is recognisably not an xlsx before touching it as a zip. */
    private static void checkSignature(Path file, Limits limits) throws IOException {
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

    static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private static String partName(String target) {
        String t = target.replace('\\', '/');
        if (t.startsWith("/")) {
            return t.substring(1);
        }
        // Targets in xl/_rels/workbook.xml.rels are relative to xl/.
        return t.startsWith("xl/") ? t : "xl/" + t;
    }

    /** The zip, where its parts' compressed bytes lie, the limits and the running total. */
    private static final class Parts {
        final ZipFile zip;
        final RawDirectory raw;
        final Limits limits;
        final long[] total;

        Parts(ZipFile zip, RawDirectory raw, Limits limits, long[] total) {
            this.zip = zip;
            this.raw = raw;
            this.limits = limits;
            this.total = total;
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
    private static final class PartStream extends FilterInputStream {
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
            } catch (ZipException | java.io.EOFException e) {
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

    private record Workbook(Map<String, String> sheets, boolean date1904) {
    }

    private static Workbook readWorkbook(Parts parts, ZipEntry entry) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        boolean date1904 = false;
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
            while (x.hasNext()) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("sheet")) {
                        String id = x.getAttributeValue(NS_REL, "id");
                        if (id == null) {
                            id = attribute(x, "id");
                        }
                        String sheetName = x.getAttributeValue(null, "name");
                        if (sheetName != null && id != null) {
                            sheets.put(sheetName, id);
                        }
                    } else if (name.equals("workbookPr")) {
                        String v = x.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        return new Workbook(sheets, date1904);
    }

    private static String attribute(XMLStreamReader x, String localName) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(localName)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    private static Map<String, String> readRelationships(Parts parts) throws IOException {
        Map<String, String> rels = new LinkedHashMap<>();
        ZipEntry entry = parts.zip.getEntry("xl/_rels/workbook.xml.rels");
        if (entry == null) {
            return rels;
        }
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (next(x) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    rels.put(x.getAttributeValue(null, "Id"), x.getAttributeValue(null, "Target"));
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        return rels;
    }

    private static void readSharedStrings(Parts parts, ZipEntry entry, SharedStrings sst) throws IOException {
        Limits limits = parts.limits;
        StringBuilder sb = new StringBuilder();
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
            int depthPhonetic = 0;
            boolean inT = false;
            boolean inSi = false;
            while (x.hasNext()) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    if (n.equals("si")) {
                        inSi = true;
                        sb.setLength(0);
                    } else if (n.equals("rPh")) {
                        depthPhonetic++;
                    } else if (n.equals("t") && inSi && depthPhonetic == 0) {
                        inT = true;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = x.getLocalName();
                    if (n.equals("si")) {
                        sst.add(sb);
                        inSi = false;
                    } else if (n.equals("rPh")) {
                        depthPhonetic--;
                    } else if (n.equals("t")) {
                        inT = false;
                    }
                } else if (inT && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE)) {
                    appendLimited(sb, x, limits, "a shared string");
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static void appendLimited(StringBuilder sb, XMLStreamReader x, Limits limits, String where) {
        int len = x.getTextLength();
        if (sb.length() + len > limits.maxCellChars()) {
            throw new FileRefusedException(Code.CELL_TOO_LONG, "The workbook has " + where + " longer than "
                    + limits.maxCellChars() + " characters, more than a spreadsheet cell can hold.");
        }
        sb.append(x.getTextCharacters(), x.getTextStart(), len);
    }

    /** Advances the parser, refusing a DOCTYPE outright (entity expansion, external entities). */
    private static int next(XMLStreamReader x) throws XMLStreamException {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new FileRefusedException(Code.DOCTYPE_REFUSED,
                    "The workbook's XML declares a DOCTYPE or entities, which real exports never do; refused"
                            + " (entity expansion and external entities are attack vectors).");
        }
        return ev;
    }

    private static FileRefusedException malformed(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("entity") || m.contains("Entity")) {
            return new FileRefusedException(Code.DOCTYPE_REFUSED,
                    "The workbook's XML declares a DOCTYPE or entities, which real exports never do; refused.", e);
        }
        return new FileRefusedException(Code.MALFORMED_XML,
                "The workbook is damaged: its XML cannot be read (" + firstLine(m) + ").", e);
    }

    private static String firstLine(String m) {
        int i = m.indexOf('\n');
        String s = i < 0 ? m : m.substring(0, i);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel). */
    public boolean date1904() {
        return date1904;
    }

    @Override
    public SheetRow next() throws IOException {
        if (done) {
            return null;
        }
        try {
            return nextRow();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private SheetRow nextRow() throws XMLStreamException {
        List<Cell> cells = null;
        int rowNumber = 0;
        int column = -1;
        String type = null;
        boolean formula = false;
        StringBuilder value = new StringBuilder();
        StringBuilder formulaText = new StringBuilder();
        boolean inV = false;
        boolean inF = false;
        boolean inT = false;
        int phonetic = 0;
        boolean hasValue = false;
        while (xml.hasNext()) {
            int ev = next(xml);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                switch (n) {
                    case "row" -> {
                        String r = xml.getAttributeValue(null, "r");
                        rowNumber = r == null ? lastRow + 1 : parseRowNumber(r);
                        if (rowNumber > limits.maxRows() || rowNumber < 1) {
                            throw new FileRefusedException(Code.TOO_MANY_ROWS,
                                    "The sheet has a row numbered " + r + ", beyond " + limits.maxRows() + " rows.");
                        }
                        cells = new ArrayList<>();
                        column = -1;
                    }
                    case "c" -> {
                        String r = xml.getAttributeValue(null, "r");
                        int idx = r == null ? column + 1 : Cell.columnIndex(r);
                        if (idx < 0 || idx >= limits.maxColumns()) {
                            throw new FileRefusedException(Code.TOO_MANY_COLUMNS, "Row " + rowNumber
                                    + " has a cell beyond the " + limits.maxColumns() + " columns a sheet can hold.");
                        }
                        column = idx;
                        type = xml.getAttributeValue(null, "t");
                        formula = false;
                        hasValue = false;
                        value.setLength(0);
                        formulaText.setLength(0);
                    }
                    case "v" -> {
                        inV = true;
                        hasValue = true;
                    }
                    case "f" -> {
                        inF = true;
                        formula = true;
                    }
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        if (phonetic == 0) {
                            inT = true;
                            hasValue = true;
                        }
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String n = xml.getLocalName();
                switch (n) {
                    case "v" -> inV = false;
                    case "f" -> inF = false;
                    case "t" -> inT = false;
                    case "rPh" -> phonetic--;
                    case "c" -> {
                        if (cells != null) {
                            Cell c = toCell(column, type, formula, hasValue, value, formulaText);
                            if (c != null) {
                                if (!cells.isEmpty() && cells.get(cells.size() - 1).column() >= c.column()) {
                                    cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
                                }
                                cells.add(c);
                            }
                        }
                    }
                    case "row" -> {
                        lastRow = rowNumber;
                        if (cells != null && cells.size() > 1) {
                            cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
                        }
                        return new SheetRow(rowNumber, cells == null ? List.of() : cells);
                    }
                    case "sheetData" -> {
                        done = true;
                        return null;
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (inV || inT) {
                    appendLimited(value, xml, limits, "a cell");
                } else if (inF) {
                    appendLimited(formulaText, xml, limits, "a formula");
                }
            }
        }
        done = true;
        return null;
    }

    private static int parseRowNumber(String r) {
        try {
            return Integer.parseInt(r.strip());
        } catch (NumberFormatException e) {
            throw new FileRefusedException(Code.MALFORMED_XML, "The workbook is damaged: row number '" + r + "'.");
        }
    }

    private Cell toCell(int column, String type, boolean formula, boolean hasValue, StringBuilder value,
            StringBuilder formulaText) {
        if (formula) {
            // formats.md: a formula cell is an error; its cached value is not trusted.
            return new Cell(column, "=" + formulaText, Cell.Kind.FORMULA);
        }
        if (!hasValue) {
            return null;
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s": {
                int idx;
                try {
                    idx = Integer.parseInt(value.toString().strip());
                } catch (NumberFormatException e) {
                    throw new FileRefusedException(Code.MALFORMED_XML,
                            "The workbook is damaged: shared-string index '" + value + "'.");
                }
                if (idx < 0 || idx >= sharedStrings.size()) {
                    throw new FileRefusedException(Code.MALFORMED_XML,
                            "The workbook is damaged: it refers to shared string " + idx + " of "
                                    + sharedStrings.size() + ".");
                }
                return new Cell(column, sharedStrings.get(idx), Cell.Kind.TEXT);
            }
            case "b":
                return new Cell(column, value.toString().strip(), Cell.Kind.BOOLEAN);
            case "e":
                return new Cell(column, value.toString(), Cell.Kind.ERROR);
            case "n":
                return new Cell(column, value.toString().strip(), Cell.Kind.NUMBER);
            default:
                // inlineStr, str and d are text.
                return new Cell(column, value.toString(), Cell.Kind.TEXT);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Closing releases parser buffers only; the stream is closed below either way.
        }
        try {
            sheetStream.close();
        } finally {
            zip.close();
        }
    }

    /**
     * Shared strings packed as UTF-8 in one growing byte array with an offset table: about a third
     * of the memory of a {@code List<String>}. Its memory (bytes plus 4 per string) is bounded by
     * {@link Limits#maxSharedStringBytes()}: a workbook needing more is refused, readably, instead of
     * exhausting the heap (a 9 MB workbook can hold 450 MB of shared strings under the zip-bomb ratio).
     */
    static final class SharedStrings {
        private final long limit;
        private byte[] data = new byte[1 << 12];
        private int[] offsets = new int[257];
        private int size;
        private int used;

        SharedStrings(long limit) {
            this.limit = Math.min(limit, Integer.MAX_VALUE - 16);
        }

        void add(CharSequence s) {
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            if ((long) used + b.length + 4L * (size + 1) > limit) {
                throw new FileRefusedException(Code.SHARED_STRINGS_TOO_LARGE, "The workbook's shared strings (part "
                        + "xl/sharedStrings.xml) need more than " + Limits.bytes(limit) + " of memory: "
                        + String.format(Locale.ROOT, "%,d", size) + " strings were read before the limit, and real"
                        + " exports hold a few MB. The file is refused; save it as CSV, or split it into smaller"
                        + " workbooks, and upload again.");
            }
            if (used + b.length > data.length) {
                long grown = Math.max((long) used + b.length, (long) data.length * 2);
                data = Arrays.copyOf(data, (int) Math.min(grown, Math.max(limit, (long) used + b.length)));
            }
            System.arraycopy(b, 0, data, used, b.length);
            used += b.length;
            if (size + 2 > offsets.length) {
                long grown = Math.min((long) offsets.length * 2, limit / 4 + 2);
                offsets = Arrays.copyOf(offsets, (int) Math.max(grown, size + 2));
            }
            size++;
            offsets[size] = used;
        }

        String get(int i) {
            return new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
        }

        int size() {
            return size;
        }
    }

    /** Lower-case file extension, for choosing a reader. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
