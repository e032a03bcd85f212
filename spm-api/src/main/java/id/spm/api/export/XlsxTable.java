package id.spm.api.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link Table} as an xlsx sheet laid out like the printed form (Apache POI, streaming SXSSF): title rows merged
 * across the table, the group header, the header, the column numbers, the rows, the totals in bold and the notes.
 * Numbers are numeric cells (never text) with number formats tagged Indonesian ({@code [$-421]}, thousands grouped,
 * two decimals for percentages, none for Rupiah and persons); there are no formulas; user text that a spreadsheet
 * would read as a formula is neutralised ({@link Table#safeText}).
 */
public final class XlsxTable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Number formats per cell type: {@code [$-421]} is the Indonesian locale id. */
    static final Map<Table.CellType, String> FORMATS = new EnumMap<>(Map.of(Table.CellType.INTEGER, "[$-421]#,##0",
            Table.CellType.MONEY, "[$-421]#,##0", Table.CellType.PERCENT, "[$-421]#,##0.00", Table.CellType.DECIMAL,
            "[$-421]#,##0.00"));

    private XlsxTable() {
    }

    /** One sheet named {@code sheetName} (31 characters at most, as Excel allows). */
    public static byte[] render(Table t, String sheetName) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = wb.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
            Styles st = new Styles(wb);
            int n = t.columns().size();
            int r = 0;
            for (String line : t.title()) {
                Row row = sheet.createRow(r);
                text(row, 0, line, st.title);
                if (n > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, n - 1));
                }
                r++;
            }
            r++;
            if (t.columns().stream().anyMatch(c -> c.group() != null)) {
                Row row = sheet.createRow(r);
                int start = -1;
                String group = null;
                for (int i = 0; i <= n; i++) {
                    String g = i < n ? t.columns().get(i).group() : null;
                    if (i < n) {
                        text(row, i, g == null ? "" : g, st.header);
                    }
                    if (group != null && !group.equals(g)) {
                        if (i - 1 > start) {
                            sheet.addMergedRegion(new CellRangeAddress(r, r, start, i - 1));
                        }
                    }
                    if (g != null && !g.equals(group)) {
                        start = i;
                    }
                    group = g;
                }
                r++;
            }
            Row header = sheet.createRow(r++);
            Row numbers = sheet.createRow(r++);
            for (int i = 0; i < n; i++) {
                Table.Column c = t.columns().get(i);
                text(header, i, c.header(), st.header);
                text(numbers, i, c.number() == null ? "" : c.number(), st.number);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, c.type() == Table.CellType.TEXT ? 30 : 16)) * 256);
            }
            for (Table.Row row : t.rows()) {
                cells(sheet.createRow(r++), row, t.columns(), st, false);
            }
            for (Table.Row row : t.totals()) {
                cells(sheet.createRow(r++), row, t.columns(), st, true);
            }
            r++;
            for (String note : t.notes()) {
                text(sheet.createRow(r++), 0, note, st.note);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cells(Row row, Table.Row data, List<Table.Column> columns, Styles st, boolean total) {
        for (int i = 0; i < columns.size(); i++) {
            Object v = data.cells().get(i);
            Table.CellType type = columns.get(i).type();
            Cell cell = row.createCell(i);
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(st.numeric(type, total));
            } else if (v instanceof Long l) {
                cell.setCellValue(l.doubleValue());
                cell.setCellStyle(st.numeric(type == Table.CellType.TEXT ? Table.CellType.INTEGER : type, total));
            } else {
                cell.setCellValue(v == null ? "" : Table.safeText((String) v));
                cell.setCellStyle(total ? st.totalText : st.text);
            }
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(Table.safeText(value));
        c.setCellStyle(style);
    }

    /** The few styles of a sheet (a workbook holds a limited number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle number;
        final CellStyle text;
        final CellStyle totalText;
        final CellStyle note;
        final Map<Table.CellType, CellStyle> plain = new EnumMap<>(Table.CellType.class);
        final Map<Table.CellType, CellStyle> bold = new EnumMap<>(Table.CellType.class);

        Styles(SXSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            title = wb.createCellStyle();
            title.setFont(boldFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(boldFont);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            number = bordered(wb);
            number.setAlignment(HorizontalAlignment.CENTER);
            text = bordered(wb);
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            totalText = bordered(wb);
            totalText.setFont(boldFont);
            note = wb.createCellStyle();
            DataFormat df = wb.createDataFormat();
            for (Map.Entry<Table.CellType, String> e : FORMATS.entrySet()) {
                CellStyle p = bordered(wb);
                p.setDataFormat(df.getFormat(e.getValue()));
                p.setVerticalAlignment(VerticalAlignment.TOP);
                plain.put(e.getKey(), p);
                CellStyle b = bordered(wb);
                b.setDataFormat(df.getFormat(e.getValue()));
                b.setFont(boldFont);
                bold.put(e.getKey(), b);
            }
        }

        CellStyle numeric(Table.CellType type, boolean total) {
            return (total ? bold : plain).getOrDefault(type, plain.get(Table.CellType.DECIMAL));
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
