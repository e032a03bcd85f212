package id.spm.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.TestFiles;
import id.spm.ingest.read.FileRefusedException.Code;
import id.spm.ingest.write.XlsxWriter;

/** formats.md "Whole-file refusals" and "Accepted as they are", one test per hostile file. */
class HostileFilesTest {

    @TempDir
    Path dir;

    static List<SheetRow> readAll(Path f, String name, Limits limits) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (SheetReader r = SheetReaders.open(f, name, null, limits)) {
            SheetRow row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<SheetRow> readAll(Path f) throws IOException {
        return readAll(f, f.getFileName().toString(), Limits.defaults());
    }

    static void refused(Path f, Code code, String messagePart) {
        assertThatThrownBy(() -> readAll(f)).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).containsIgnoringCase(messagePart);
        });
    }

    @Test
    void zipBombIsRefused() throws IOException {
        Path f = dir.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write(("<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            z.write("<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            byte[] rows = "<row><c><v>1</v></c></row>".repeat(40_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 64; i++) {
                z.write(rows);
            }
            z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(f)).isLessThan(1 << 20);
        refused(f, Code.ZIP_BOMB, "zip bomb");
    }

    @Test
    void billionLaughsIsRefused() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        refused(TestFiles.rawXlsx(dir, "lol.xlsx", xml, Map.of()), Code.DOCTYPE_REFUSED, "DOCTYPE");
    }

    @Test
    void externalEntityIsRefused() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
        refused(TestFiles.rawXlsx(dir, "xxe.xlsx", xml, Map.of()), Code.DOCTYPE_REFUSED, "DOCTYPE");
        String sst = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst><si><t>&xxe;</t></si></sst>";
        refused(TestFiles.rawXlsx(dir, "xxe2.xlsx", TestFiles.sheet(""), Map.of("xl/sharedStrings.xml", sst)),
                Code.DOCTYPE_REFUSED, "DOCTYPE");
    }

    @Test
    void renamedImageIsRefused() throws IOException {
        Path f = dir.resolve("foto.xlsx");
        Files.write(f, new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 });
        refused(f, Code.NOT_XLSX, "PNG image");
    }

    @Test
    void truncatedWorkbookIsRefused() throws IOException {
        Path good = TestFiles.xlsx(dir, "good.xlsx", List.of(List.of("NIK", "Nama"), List.of("1", "a")), true);
        byte[] b = Files.readAllBytes(good);
        Path f = dir.resolve("cut.xlsx");
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
        refused(f, Code.NOT_XLSX, "truncated");
    }

    @Test
    void passwordProtectedWorkbookIsRefused() throws IOException {
        Path f = dir.resolve("secret.xlsx");
        byte[] ole = new byte[512];
        byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
        System.arraycopy(magic, 0, ole, 0, 8);
        Files.write(f, ole);
        refused(f, Code.ENCRYPTED_WORKBOOK, "password");
    }

    @Test
    void malformedXmlIsRefused() throws IOException {
        refused(TestFiles.rawXlsx(dir, "bad.xlsx", TestFiles.sheet("<row r=\"1\"><c r=\"A1\"><v>1</c></row>"), Map.of()),
                Code.MALFORMED_XML, "XML");
    }

    @Test
    void zipWithoutWorkbookIsRefused() throws IOException {
        Path f = dir.resolve("other.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
        }
        refused(f, Code.NOT_XLSX, "not an Excel workbook");
    }

    @Test
    void hugeCellIsRefusedInXlsxAndCsv() throws IOException {
        String big = "x".repeat(40_000);
        refused(TestFiles.xlsx(dir, "big.xlsx", List.of(List.of("a", big)), false), Code.CELL_TOO_LONG, "32767");
        refused(TestFiles.xlsx(dir, "big2.xlsx", List.of(List.of("a", big)), true), Code.CELL_TOO_LONG, "32767");
        refused(TestFiles.csv(dir, "big.csv", List.of(List.of("a", big))), Code.CELL_TOO_LONG, "32767");
    }

    @Test
    void nulBytesAreRefused() throws IOException {
        Path f = dir.resolve("bin.csv");
        Files.write(f, "NIK,Nama\n1\u0000,a\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(f, Code.BINARY_CONTENT, "binary");
    }

    @Test
    void utf16WithoutBomIsRefusedAndWithBomAccepted() throws IOException {
        Path f = dir.resolve("u16.csv");
        Files.write(f, "NIK,Nama\r\n1,a\r\n".getBytes(StandardCharsets.UTF_16LE));
        refused(f, Code.UTF16_WITHOUT_BOM, "UTF-16");
        Path g = dir.resolve("u16bom.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xFE);
        b.write("NIK,Nama\r\n1,Ã©\r\n".getBytes(StandardCharsets.UTF_16LE));
        Files.write(g, b.toByteArray());
        assertThat(readAll(g)).hasSize(2);
    }

    @Test
    void unterminatedQuoteIsRefused() throws IOException {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "NIK,Nama\n1,\"abc\n2,def\n");
        refused(f, Code.UNTERMINATED_QUOTE, "never closes");
    }

    @Test
    void tooLargeFileSaysTheLimit() throws IOException {
        Path f = TestFiles.csv(dir, "a.csv", List.of(List.of("NIK", "Nama"), List.of("1", "2")));
        assertThatThrownBy(() -> readAll(f, "a.csv", Limits.defaults().withMaxFileBytes(10)))
                .isInstanceOfSatisfying(FileRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.FILE_TOO_LARGE);
                    assertThat(e.getMessage()).contains("limit is 10 bytes");
                });
    }

    @Test
    void bomSemicolonsMixedLineEndsAndQuotesAreAccepted() throws IOException {
        Path f = dir.resolve("ok.csv");
        Files.write(f, ("\uFEFFNIK;Nama;Catatan\r\n1;\"Siti; Dewi\";\"baris\r\ndua\"\n2;\"kata \"\"kutip\"\"\";x\r3;c;\n")
                .getBytes(StandardCharsets.UTF_8));
        List<SheetRow> rows = readAll(f);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).cell(0).text()).isEqualTo("NIK");
        assertThat(rows.get(1).cell(1).text()).isEqualTo("Siti; Dewi");
        assertThat(rows.get(1).cell(2).text()).isEqualTo("baris\r\ndua");
        assertThat(rows.get(2).cell(1).text()).isEqualTo("kata \"kutip\"");
        assertThat(rows.get(3).number()).isEqualTo(4);
    }

    @Test
    void windows1252IsAccepted() throws IOException {
        Path f = dir.resolve("cp.csv");
        Files.write(f, "NIK,Nama\n1,Andr\u00e9 \u2013 Ren\u00e9\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(readAll(f).get(1).cell(1).text()).isEqualTo("Andr\u00e9 \u2013 Ren\u00e9");
    }

    @Test
    void absurdDimensionIsTolerated() throws IOException {
        String xml = "<?xml version=\"1.0\"?><worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NIK</t></is></c></row></sheetData></worksheet>";
        assertThat(readAll(TestFiles.rawXlsx(dir, "dim.xlsx", xml, Map.of()))).hasSize(1);
    }

    @Test
    void formulaCellsAndCsvEqualsAreMarkedAsFormulas() throws IOException {
        Path x = TestFiles.xlsx(dir, "f.xlsx",
                List.of(List.of("a", new XlsxWriter.Formula("SUM(1,2)", "3"))), true);
        assertThat(readAll(x).get(0).cell(1).kind()).isEqualTo(Cell.Kind.FORMULA);
        Path c = dir.resolve("f.csv");
        Files.writeString(c, "a,=cmd|' /C calc'!A0, =1+1\n");
        SheetRow row = readAll(c).get(0);
        assertThat(row.cell(1).kind()).isEqualTo(Cell.Kind.FORMULA);
        assertThat(row.cell(2).kind()).isEqualTo(Cell.Kind.FORMULA);
    }

    @Test
    void sharedStringsRichRunsAndNumbersAreRead() throws IOException {
        String sst = "<sst><si><t>NIK</t></si><si><r><t>Nama </t></r><r><t>Ibu</t></r><rPh><t>x</t></rPh></si></sst>";
        String xml = TestFiles.sheet("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c><c r=\"D3\" t=\"s\"><v>1</v></c>"
                + "<c r=\"E3\"><v>45658</v></c><c r=\"F3\" t=\"b\"><v>1</v></c></row>");
        List<SheetRow> rows = readAll(TestFiles.rawXlsx(dir, "s.xlsx", xml, Map.of("xl/sharedStrings.xml", sst)));
        SheetRow r = rows.get(0);
        assertThat(r.number()).isEqualTo(3);
        assertThat(r.cell(1).text()).isEqualTo("NIK");
        assertThat(r.cell(3).text()).isEqualTo("Nama Ibu");
        assertThat(r.cell(4).kind()).isEqualTo(Cell.Kind.NUMBER);
        assertThat(r.cell(5).kind()).isEqualTo(Cell.Kind.BOOLEAN);
    }

    @Test
    void columnLetters() {
        assertThat(Cell.columnLetter(0)).isEqualTo("A");
        assertThat(Cell.columnLetter(25)).isEqualTo("Z");
        assertThat(Cell.columnLetter(26)).isEqualTo("AA");
        assertThat(Cell.columnLetter(16_383)).isEqualTo("XFD");
        assertThat(Cell.columnIndex("XFD1")).isEqualTo(16_383);
    }

    static void write(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
