package id.spm.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.TestFiles;
import id.spm.ingest.read.FileRefusedException.Code;
import id.spm.ingest.read.XlsxSheetReader.Parser;
import id.spm.ingest.write.XlsxWriter;

/**
 * Issue 13: the worksheet and shared strings are parsed by Aalto instead of the JDK's StAX. The same workbook read
 * by both gives the same rows (cells, kinds, texts, row numbers) over the xlsx variants of formats.md, and the
 * same hostile or damaged workbook the same refusal (code, and for damaged XML the same wording and line).
 */
class XlsxParsersTest {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final Pattern WHERE = Pattern.compile(
            "The workbook is damaged: its XML cannot be read \\(ParseError at \\[row,col\\]:\\[(\\d+),(\\d+)\\]\\)\\.");

    @TempDir
    Path dir;

    static List<SheetRow> readAll(Path f, Parser parser) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (XlsxSheetReader r = XlsxSheetReader.open(f, null, Limits.defaults(), parser)) {
            SheetRow row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<SheetRow> alike(Path f) throws IOException {
        List<SheetRow> jdk = readAll(f, Parser.JDK);
        List<SheetRow> aalto = readAll(f, Parser.AALTO);
        assertThat(aalto).as(f.getFileName().toString()).isEqualTo(jdk);
        return aalto;
    }

    @Test
    void writtenWorkbooksReadAlike() throws IOException {
        List<List<?>> anc = TestFiles.ancSheet(200, 20);
        assertThat(alike(TestFiles.xlsx(dir, "shared.xlsx", anc, true))).hasSize(221);
        assertThat(alike(TestFiles.xlsx(dir, "inline.xlsx", anc, false))).hasSize(221);
        List<List<?>> mixed = List.of(List.of("NIK", "Tanggal", "Jumlah", "Ya/Tidak", "Rumus"),
                List.of("3273011201900001", java.time.LocalDate.of(2025, 8, 5), 12.5, true,
                        new XlsxWriter.Formula("SUM(1,2)", "3")),
                List.of("  spasi  ", "05/08/2025", -3, false, "=1+1"),
                List.of("Siti Nurhalizah & Ibu <Ani> \"kutip\" 'satu'", "5 Agustus 2025", 0, "✓", "𝒳 émoji 😀 中文"));
        assertThat(alike(TestFiles.xlsx(dir, "mixed-shared.xlsx", mixed, true))).hasSize(4);
        assertThat(alike(TestFiles.xlsx(dir, "mixed-inline.xlsx", mixed, false))).hasSize(4);
    }

    @Test
    void handWrittenVariantsReadAlike() throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        // Title rows, an empty row, a header, inline strings with and without xml:space, date serials and text dates.
        sheets.put("titles", TestFiles.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>DINAS KESEHATAN</t></is>"
                + "</c></row><row r=\"2\" spans=\"1:3\"/><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                + " NIK Ibu </t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>Tgl</t></is></c></row><row r=\"4\"><c r=\"A4\""
                + " t=\"inlineStr\"><is><t>3273011201900001</t></is></c><c r=\"B4\" s=\"1\"><v>45658</v></c><c r=\"C4\""
                + " t=\"inlineStr\"><is><t>05/08/2025</t></is></c><c r=\"D4\"><v> 12.50 </v></c><c r=\"E4\"><v>1E-3</v></c>"
                + "</row>"));
        // Every cell type: shared, boolean, error, str, d, a formula with and without its cached value, a cell
        // without a value, a shared string with rich runs and a phonetic run.
        sheets.put("types", TestFiles.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v> 1 </v>"
                + "</c><c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c><c r=\"E1\" t=\"str\"><v>teks</v>"
                + "</c><c r=\"F1\" t=\"d\"><v>2025-08-05T00:00:00</v></c><c r=\"G1\"><f>SUM(A1:B1)</f><v>3</v></c>"
                + "<c r=\"H1\" t=\"str\"><f t=\"shared\" ref=\"H1:H2\" si=\"0\">A1&amp;B1</f><v>x</v></c><c r=\"I1\" s=\"2\"/>"
                + "<c r=\"J1\" t=\"inlineStr\"><is><r><t>Nama </t></r><r><rPr><b/></rPr><t>Ibu</t></r><rPh sb=\"0\""
                + " eb=\"1\"><t>ふりがな</t></rPh></is></c><c r=\"K1\" t=\"s\"><v>2</v></c></row>"));
        // Cells and rows without references, cells out of order and repeated, comments and processing instructions.
        sheets.put("refs", TestFiles.sheet("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row><row>"
                + "<!-- a comment --><c r=\"C2\"><v>3</v></c><c r=\"A2\"><v>1</v></c><?pi data?><c r=\"B2\"><v>2</v></c>"
                + "<c r=\"B2\"><v>22</v></c><c><v>4</v></c></row><row r=\"10\"><c r=\"aa10\"><v>7</v></c></row><row>"
                + "<c r=\"XFD11\"><v>8</v></c></row>"));
        // Entities, character references, CDATA, multi-byte UTF-8, line ends inside a cell, whitespace-only text.
        sheets.put("text", TestFiles.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&amp;&lt;&gt;&quot;&apos;"
                + " &#233;&#xE9;&#x1F600; caf\u00e9 \u4e2d\u6587 \ud83d\ude00</t></is></c><c r=\"B1\" t=\"inlineStr\"><is>"
                + "<t><![CDATA[<b>bold</b> & raw]]></t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>baris\r\nkedua\nketiga"
                + "</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">   </t></is></c><c r=\"E1\""
                + " t=\"inlineStr\"><is><t></t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t/></is></c></row>"));
        // A prefixed SpreadsheetML namespace, attributes in single quotes, whitespace between elements.
        sheets.put("prefixed", "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n<x:worksheet xmlns:x='" + NS
                + "'>\r\n  <x:sheetData>\r\n    <x:row r='1'>\r\n      <x:c r='A1' t='inlineStr'><x:is><x:t>NIK</x:t>"
                + "</x:is></x:c>\r\n      <x:c r='B1'><x:v>5</x:v></x:c>\r\n    </x:row>\r\n  </x:sheetData>\r\n"
                + "</x:worksheet>\r\n");
        // No sheetData rows, no sheetData at all, content after sheetData, a worksheet without a namespace.
        sheets.put("empty", TestFiles.sheet(""));
        sheets.put("nodata", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + NS + "\"><dimension ref=\"A1\"/></worksheet>");
        sheets.put("after", TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").replace("</worksheet>",
                "<pageMargins left=\"0.7\"/><headerFooter><oddHeader>&amp;CKohort</oddHeader></headerFooter></worksheet>"));
        sheets.put("plain", "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\""
                + " t=\"inlineStr\"><is><t>NIK</t></is></c></row></sheetData></worksheet>");
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + NS + "\" count=\"3\" uniqueCount=\"3\">"
                + "<si><t>NIK</t></si><si><r><t xml:space=\"preserve\">Nama </t></r><r><t>Ibu &amp; Anak</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh><phoneticPr fontId=\"1\"/></si><si><t>caf\u00e9 \ud83d\ude00</t></si></sst>";
        for (Map.Entry<String, String> e : sheets.entrySet()) {
            Path f = TestFiles.rawXlsx(dir, e.getKey() + ".xlsx", e.getValue(), Map.of("xl/sharedStrings.xml", sst));
            alike(f);
        }
        List<SheetRow> refs = readAll(dir.resolve("refs.xlsx"), Parser.AALTO);
        assertThat(refs).extracting(SheetRow::number).containsExactly(1, 2, 10, 11);
        assertThat(refs.get(1).cells()).extracting(Cell::text).containsExactly("1", "2", "22", "3", "4");
        List<SheetRow> text = readAll(dir.resolve("text.xlsx"), Parser.AALTO);
        assertThat(text.get(0).cell(0).text()).isEqualTo("&<>\"' \u00e9\u00e9\ud83d\ude00 caf\u00e9 \u4e2d\u6587 \ud83d\ude00");
        assertThat(text.get(0).cell(1).text()).isEqualTo("<b>bold</b> & raw");
        List<SheetRow> types = readAll(dir.resolve("types.xlsx"), Parser.AALTO);
        assertThat(types.get(0).cells()).extracting(Cell::kind).containsExactly(Cell.Kind.TEXT, Cell.Kind.TEXT,
                Cell.Kind.BOOLEAN, Cell.Kind.ERROR, Cell.Kind.TEXT, Cell.Kind.TEXT, Cell.Kind.FORMULA,
                Cell.Kind.FORMULA, Cell.Kind.TEXT, Cell.Kind.TEXT);
        assertThat(types.get(0).cell(1).text()).isEqualTo("Nama Ibu & Anak");
        assertThat(types.get(0).cell(9).text()).isEqualTo("Nama Ibu");
        assertThat(readAll(dir.resolve("prefixed.xlsx"), Parser.AALTO).get(0).cells()).extracting(Cell::text)
                .containsExactly("NIK", "5");
    }

    @Test
    void damagedAndHostileSheetsAreRefusedAlike() throws IOException {
        Map<String, byte[]> sheets = new LinkedHashMap<>();
        String row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row>";
        sheets.put("unclosed", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</c></row>")));
        sheets.put("mismatched", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));
        sheets.put("truncated", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").substring(0, 150)));
        sheets.put("undeclared-entity", utf8(TestFiles.sheet(row.formatted("a &foo; b"))));
        sheets.put("bare-ampersand", utf8(TestFiles.sheet(row.formatted("Ibu & Anak"))));
        sheets.put("lt-in-text", utf8(TestFiles.sheet(row.formatted("1 < 2"))));
        sheets.put("nul-reference", utf8(TestFiles.sheet(row.formatted("&#0;"))));
        sheets.put("control-char", utf8(TestFiles.sheet(row.formatted("a\u0001b"))));
        sheets.put("cdata-end", utf8(TestFiles.sheet(row.formatted("a ]]> b"))));
        sheets.put("duplicate-attribute", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>")));
        sheets.put("unquoted-attribute", utf8(TestFiles.sheet("<row r=\"1\"><c r=A1><v>1</v></c></row>")));
        sheets.put("unbound-prefix", utf8(TestFiles.sheet("<row r=\"1\"><y:c r=\"A1\"><v>1</v></y:c></row>")));
        sheets.put("not-xml", utf8("this is not xml"));
        sheets.put("empty-part", new byte[0]);
        sheets.put("doctype", utf8("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
                + " \"&lol;&lol;\">]><worksheet><sheetData>" + row.formatted("&lol2;") + "</sheetData></worksheet>"));
        sheets.put("xxe", utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet><sheetData>" + row.formatted("&xxe;") + "</sheetData></worksheet>"));
        sheets.put("doctype-only", utf8("<?xml version=\"1.0\"?><!DOCTYPE worksheet><worksheet/>"));
        sheets.put("huge-cell", utf8(TestFiles.sheet(row.formatted("x".repeat(Limits.SPREADSHEET_CELL_CHARS + 1)))));
        sheets.put("huge-formula", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><f>"
                + "1+".repeat(Limits.SPREADSHEET_CELL_CHARS) + "1</f></c></row>")));
        sheets.put("wide", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")));
        sheets.put("row-number", utf8(TestFiles.sheet("<row r=\"x1\"><c r=\"A1\"><v>1</v></c></row>")));
        sheets.put("row-zero", utf8(TestFiles.sheet("<row r=\"0\"><c r=\"A1\"><v>1</v></c></row>")));
        sheets.put("sst-index", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>")));
        sheets.put("sst-not-a-number", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>")));
        byte[] badUtf8 = utf8(TestFiles.sheet(row.formatted("ab")));
        int at = new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf("ab");
        badUtf8[at] = (byte) 0xC3;
        badUtf8[at + 1] = (byte) 0x28;
        sheets.put("bad-utf8", badUtf8);
        String sst = "<sst><si><t>NIK</t></si></sst>";
        for (Map.Entry<String, byte[]> e : sheets.entrySet()) {
            refusedAlike(workbook(e.getKey(), e.getValue(), utf8(sst)));
        }
        Map<String, String> ssts = new LinkedHashMap<>();
        ssts.put("sst-unclosed", "<sst><si><t>NIK</si></sst>");
        ssts.put("sst-entity", "<sst><si><t>&foo;</t></si></sst>");
        ssts.put("sst-xxe", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst>"
                + "<si><t>&xxe;</t></si></sst>");
        ssts.put("sst-huge", "<sst><si><t>" + "y".repeat(Limits.SPREADSHEET_CELL_CHARS + 1) + "</t></si></sst>");
        for (Map.Entry<String, String> e : ssts.entrySet()) {
            refusedAlike(workbook(e.getKey(), utf8(TestFiles.sheet("")), utf8(e.getValue())));
        }
    }

    /** Before issue 13 the JDK's "must start and end within the same entity" was taken for an entity: a DOCTYPE. */
    @Test
    void aTruncatedSheetIsDamagedXmlNotADoctype() throws IOException {
        Path f = workbook("cut", utf8(TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").substring(0, 150)),
                utf8("<sst/>"));
        for (Parser parser : Parser.values()) {
            FileRefusedException e = catchThrowableOfType(() -> readAll(f, parser), FileRefusedException.class);
            assertThat(e.code()).as(parser.name()).isEqualTo(Code.MALFORMED_XML);
            assertThat(WHERE.matcher(e.getMessage()).matches()).as(parser.name() + ": " + e.getMessage()).isTrue();
        }
    }

    private static void refusedAlike(Path f) {
        FileRefusedException jdk = catchThrowableOfType(() -> readAll(f, Parser.JDK), FileRefusedException.class);
        FileRefusedException aalto = catchThrowableOfType(() -> readAll(f, Parser.AALTO), FileRefusedException.class);
        String name = f.getFileName().toString();
        assertThat(jdk).as(name + " (JDK)").isNotNull();
        assertThat(aalto).as(name + " (Aalto)").isNotNull();
        assertThat(aalto.code()).as(name + ": " + aalto.getMessage()).isEqualTo(jdk.code());
        Matcher j = WHERE.matcher(jdk.getMessage());
        Matcher a = WHERE.matcher(aalto.getMessage());
        if (j.matches()) {
            // The same wording and line; the column may differ by a character or two (where each parser notices).
            assertThat(a.matches()).as(name + ": " + aalto.getMessage()).isTrue();
            assertThat(a.group(1)).as(name).isEqualTo(j.group(1));
            assertThat(Math.abs(Integer.parseInt(a.group(2)) - Integer.parseInt(j.group(2)))).as(name + ": "
                    + jdk.getMessage() + " / " + aalto.getMessage()).isLessThanOrEqualTo(8);
        } else {
            assertThat(aalto.getMessage()).as(name).isEqualTo(jdk.getMessage());
        }
    }

    private Path workbook(String name, byte[] sheet, byte[] sst) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            put(z, "[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types/>"));
            put(z, "xl/workbook.xml", utf8("<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>"));
            put(z, "xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\""
                    + " Target=\"worksheets/sheet1.xml\"/></Relationships>"));
            put(z, "xl/worksheets/sheet1.xml", sheet);
            put(z, "xl/sharedStrings.xml", sst);
        }
        Path f = dir.resolve(name + ".xlsx");
        Files.write(f, bos.toByteArray());
        return f;
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
