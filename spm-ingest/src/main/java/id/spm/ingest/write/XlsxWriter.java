package id.spm.ingest.write;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import id.spm.ingest.read.Cell;

/**
 * A small streaming xlsx writer (zip + SpreadsheetML), for the test-data generator and tests: rows are
 * written as they come, so a million-row sheet needs no memory beyond one row (shared strings, when
 * asked for, are the exception: they are kept until the end, as Excel does).
 *
 * <p>
 * Cell values: {@link String} (text), {@link Number} (numeric cell, e.g. a date serial),
 * {@link Boolean}, {@link Formula}, or {@code null} (empty).
 */
public final class XlsxWriter implements Closeable {

    /** A formula cell, with an optional cached value. */
    public record Formula(String expression, String cachedValue) {
    }

    private final ZipOutputStream zip;
    private final Writer out;
    private final boolean sharedStrings;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private long stringRefs;
    private int row;
    private boolean closed;

    /**
     * @param sheetName the single worksheet's name
     * @param sharedStrings write text through a shared-string table (as Excel does) instead of inline
     */
    public XlsxWriter(OutputStream target, String sheetName, boolean sharedStrings) throws IOException {
        this.zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        this.sharedStrings = sharedStrings;
        this.out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + (sharedStrings
                        ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                        : "")
                + "</Types>");
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"" + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + (sharedStrings
                        ? "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        : "")
                + "</Relationships>");
        // Style 1 is a date format, so serials show as dates when a person opens the file.
        part("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                + "</styleSheet>");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Writes the next row (rows are numbered from 1). */
    public void row(List<?> cells) throws IOException {
        row++;
        out.write("<row r=\"");
        out.write(Integer.toString(row));
        out.write("\">");
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String ref = Cell.columnLetter(i) + row;
            if (v instanceof Formula f) {
                out.write("<c r=\"" + ref + "\"><f>" + escape(f.expression()) + "</f>"
                        + (f.cachedValue() == null ? "" : "<v>" + escape(f.cachedValue()) + "</v>") + "</c>");
            } else if (v instanceof Boolean b) {
                out.write("<c r=\"" + ref + "\" t=\"b\"><v>" + (b ? 1 : 0) + "</v></c>");
            } else if (v instanceof Number n) {
                String text = n instanceof BigDecimal d ? d.toPlainString() : n.toString();
                out.write("<c r=\"" + ref + "\"><v>" + text + "</v></c>");
            } else if (v instanceof java.time.LocalDate d) {
                out.write("<c r=\"" + ref + "\" s=\"1\"><v>" + serial(d) + "</v></c>");
            } else {
                String s = v.toString();
                if (sharedStrings) {
                    Integer idx = strings.get(s);
                    if (idx == null) {
                        idx = strings.size();
                        strings.put(s, idx);
                    }
                    stringRefs++;
                    out.write("<c r=\"" + ref + "\" t=\"s\"><v>" + idx + "</v></c>");
                } else {
                    out.write("<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                    out.write(escape(s));
                    out.write("</t></is></c>");
                }
            }
        }
        out.write("</row>");
    }

    /** The Excel (1900 system) serial of a date. */
    public static long serial(java.time.LocalDate d) {
        return java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(1899, 12, 30), d);
    }

    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.write("</sheetData></worksheet>");
        out.flush();
        zip.closeEntry();
        if (sharedStrings) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + stringRefs
                    + "\" uniqueCount=\"" + strings.size() + "\">");
            for (String s : strings.keySet()) {
                out.write("<si><t xml:space=\"preserve\">");
                out.write(escape(s));
                out.write("</t></si>");
            }
            out.write("</sst>");
            out.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.close();
    }
}
