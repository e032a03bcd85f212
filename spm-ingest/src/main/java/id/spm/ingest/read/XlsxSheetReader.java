package id.spm.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * Streaming xlsx reader over {@link ZipFile} and StAX. Only the chosen worksheet and the shared
 * strings are read; rows are parsed one at a time, so a million-row sheet needs no more memory than
 * its shared-string table. Every part is read through {@link GuardedZip}, which refuses zip bombs
 * (decompressed size and ratio), and through {@link XlsxXml}'s parser, which refuses any DOCTYPE, so
 * neither entity expansion nor external entities can happen. The workbook part is read by
 * {@link XlsxWorkbook}, the shared strings by {@link SharedStrings}; this class parses the rows. The
 * worksheet's {@code <dimension>} is never trusted.
 */
public final class XlsxSheetReader implements SheetReader {

    /** The StAX implementation that parses the worksheet and the shared strings (issue 13). */
    public enum Parser {
        /** The JDK's own: the reader's parser before issue 13, kept as the reference tests and benchmarks compare to. */
        JDK,
        /** Aalto (com.fasterxml:aalto-xml), the default: the reader needs about half the CPU (spm-api/BENCHMARK.md). */
        AALTO
    }

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
    /** A cell's text and a formula's, reused from cell to cell. */
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formulaText = new StringBuilder();
    /** A hostile row of 16,384 cells must not make every row after it allocate as many slots. */
    private static final int MAX_ROW_CAPACITY = 256;
    /** The most cells a row held so far (up to 256): the next row's list is made that large at once. */
    private int rowCapacity = 10;

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

    @Override
    public long bytesRead() {
        return sheetStream instanceof GuardedZip.PartStream g ? g.count() : -1;
    }

    @Override
    public long bytesTotal() {
        return sheetStream instanceof GuardedZip.PartStream g ? g.declaredSize() : -1;
    }

    /**
     * Opens the named sheet ({@code null} or {@code "first"}: the first worksheet; a name matches
     * case-insensitively).
     */
    public static XlsxSheetReader open(Path file, String sheet, Limits limits) throws IOException {
        return open(file, sheet, limits, new long[1]);
    }

    /** The same, counting every decompressed byte into {@code inflated[0]} (for tests). */
    static XlsxSheetReader open(Path file, String sheet, Limits limits, long[] inflated) throws IOException {
        return open(file, sheet, limits, inflated, Parser.AALTO);
    }

    /**
     * The same with the worksheet and shared strings parsed by the given StAX implementation (tests compare the
     * JDK's, the reader's parser before issue 13, with the default).
     */
    public static XlsxSheetReader open(Path file, String sheet, Limits limits, Parser parser) throws IOException {
        return open(file, sheet, limits, new long[1], parser);
    }

    private static XlsxSheetReader open(Path file, String sheet, Limits limits, long[] inflated,
            Parser parser) throws IOException {
        GuardedZip.checkSignature(file, limits);
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
            return open(new GuardedZip(zip, RawDirectory.read(file), limits, inflated), sheet, parser);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof ZipException) {
                throw new FileRefusedException(Code.NOT_XLSX,
                        "The file is not a readable .xlsx workbook: it is truncated or damaged.", e);
            }
            throw e;
        }
    }

    private static XlsxSheetReader open(GuardedZip parts, String sheet, Parser parser) throws IOException {
        parts.checkEntries();
        XlsxWorkbook wb = XlsxWorkbook.open(parts, sheet);
        SharedStrings sst = new SharedStrings(parts.limits.maxSharedStringBytes());
        ZipEntry sstEntry = parts.entry("xl/sharedStrings.xml");
        if (sstEntry != null) {
            SharedStrings.read(parts, sstEntry, sst, parser);
        }
        InputStream in = parts.open(wb.sheetEntry());
        try {
            XMLStreamReader xml = XlsxXml.xmlFactory(parser).createXMLStreamReader(in);
            return new XlsxSheetReader(parts.zip, parts.limits, wb.sheetName(), wb.date1904(), sst, in, xml,
                    parts.total);
        } catch (XMLStreamException e) {
            in.close();
            throw XlsxXml.malformed(e);
        } catch (RuntimeException e) {
            in.close();
            throw XlsxXml.malformed(e);
        }
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
            throw XlsxXml.malformed(e);
        } catch (RuntimeException e) {
            throw XlsxXml.malformed(e);
        }
    }

    private SheetRow nextRow() throws XMLStreamException {
        List<Cell> cells = null;
        int rowNumber = 0;
        int column = -1;
        String type = null;
        boolean formula = false;
        boolean unordered = false;
        boolean inV = false;
        boolean inF = false;
        boolean inT = false;
        int phonetic = 0;
        boolean hasValue = false;
        while (xml.hasNext()) {
            int ev = XlsxXml.next(xml);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                switch (n) {
                    case "row" -> {
                        String r = XlsxXml.attribute(xml, "r");
                        rowNumber = r == null ? lastRow + 1 : parseRowNumber(r);
                        if (rowNumber > limits.maxRows() || rowNumber < 1) {
                            throw new FileRefusedException(Code.TOO_MANY_ROWS,
                                    "The sheet has a row numbered " + r + ", beyond " + limits.maxRows() + " rows.");
                        }
                        cells = new ArrayList<>(rowCapacity);
                        column = -1;
                        unordered = false;
                    }
                    case "c" -> {
                        // Both attributes in one pass (the first of each name, as getAttributeValue(null, …)).
                        String r = null;
                        type = null;
                        for (int i = 0, count = xml.getAttributeCount(); i < count; i++) {
                            String a = xml.getAttributeLocalName(i);
                            if (r == null && a.equals("r")) {
                                r = xml.getAttributeValue(i);
                            } else if (type == null && a.equals("t")) {
                                type = xml.getAttributeValue(i);
                            }
                        }
                        int idx = r == null ? column + 1 : Cell.columnIndex(r);
                        if (idx < 0 || idx >= limits.maxColumns()) {
                            throw new FileRefusedException(Code.TOO_MANY_COLUMNS, "Row " + rowNumber
                                    + " has a cell beyond the " + limits.maxColumns() + " columns a sheet can hold.");
                        }
                        column = idx;
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
                                // Cells out of column order (or repeated) are sorted, stably, at the row's end.
                                unordered |= !cells.isEmpty() && cells.get(cells.size() - 1).column() >= c.column();
                                cells.add(c);
                            }
                        }
                    }
                    case "row" -> {
                        lastRow = rowNumber;
                        if (cells != null) {
                            rowCapacity = Math.min(MAX_ROW_CAPACITY, Math.max(rowCapacity, cells.size()));
                        }
                        if (cells != null && unordered) {
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
                    XlsxXml.appendLimited(value, xml, limits, "a cell");
                } else if (inF) {
                    XlsxXml.appendLimited(formulaText, xml, limits, "a formula");
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
        // The cell types by the frequency of real exports (an if-chain: a switch would hash each new string).
        if (type == null || type.equals("n")) {
            return new Cell(column, value.toString().strip(), Cell.Kind.NUMBER);
        }
        if (type.equals("inlineStr")) {
            return new Cell(column, value.toString(), Cell.Kind.TEXT);
        }
        switch (type) {
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

    /** Lower-case file extension, for choosing a reader. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
