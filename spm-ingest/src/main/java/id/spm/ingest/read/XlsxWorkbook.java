package id.spm.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * The workbook part and its relationships: the worksheet chosen by name (or the first) and whether
 * dates count from 1904.
 *
 * @param sheetName the chosen sheet's name as the workbook spells it
 * @param sheetEntry its worksheet part
 */
record XlsxWorkbook(String sheetName, ZipEntry sheetEntry, boolean date1904) {

    private static final String NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /**
     * Reads the workbook and chooses the named sheet ({@code null} or {@code "first"}: the first
     * worksheet; a name matches case-insensitively).
     */
    static XlsxWorkbook open(GuardedZip parts, String sheet) throws IOException {
        ZipFile zip = parts.zip;
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
        return new XlsxWorkbook(chosen.getKey(), sheetEntry, wb.date1904);
    }

    private static String partName(String target) {
        String t = target.replace('\\', '/');
        if (t.startsWith("/")) {
            return t.substring(1);
        }
        // Targets in xl/_rels/workbook.xml.rels are relative to xl/.
        return t.startsWith("xl/") ? t : "xl/" + t;
    }

    private record Workbook(Map<String, String> sheets, boolean date1904) {
    }

    private static Workbook readWorkbook(GuardedZip parts, ZipEntry entry) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        boolean date1904 = false;
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = XlsxXml.xmlFactory().createXMLStreamReader(in);
            while (x.hasNext()) {
                int ev = XlsxXml.next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("sheet")) {
                        String id = x.getAttributeValue(NS_REL, "id");
                        if (id == null) {
                            id = XlsxXml.attribute(x, "id");
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
            throw XlsxXml.malformed(e);
        }
        return new Workbook(sheets, date1904);
    }

    private static Map<String, String> readRelationships(GuardedZip parts) throws IOException {
        Map<String, String> rels = new LinkedHashMap<>();
        ZipEntry entry = parts.zip.getEntry("xl/_rels/workbook.xml.rels");
        if (entry == null) {
            return rels;
        }
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = XlsxXml.xmlFactory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (XlsxXml.next(x) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    rels.put(x.getAttributeValue(null, "Id"), x.getAttributeValue(null, "Target"));
                }
            }
        } catch (XMLStreamException e) {
            throw XlsxXml.malformed(e);
        }
        return rels;
    }

}
