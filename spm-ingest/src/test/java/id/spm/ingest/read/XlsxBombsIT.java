package id.spm.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * Issue 8 findings 3 and 4: a workbook whose shared strings expand far beyond the heap is refused
 * with a readable message (not an {@link OutOfMemoryError}), and a zip bomb is refused before it
 * has inflated more than a little. The files are generated here, streamed to a temporary folder.
 */
class XlsxBombsIT {

    @TempDir
    Path dir;

    static final String NS = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    /** Writes the workbook parts around one sheet; {@code body} writes the rest. */
    interface Parts {
        void write(ZipOutputStream z) throws IOException;
    }

    static Path workbook(Path f, Parts body) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
            put(z, "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(z, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + NS
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(z, "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            body.write(z);
        }
        return f;
    }

    static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    static long[] inflatedWhileOpening(Path f, Limits limits) throws IOException {
        long[] inflated = new long[1];
        try (XlsxSheetReader r = XlsxSheetReader.open(f, null, limits, inflated)) {
            while (r.next() != null) {
                // read to the end
            }
        }
        return inflated;
    }

    /**
     * About 9 MB on disk, about 450 MB of shared strings (ratio about 50, under the zip-bomb
     * limit): Puskesmas-like text with a varying number, so it compresses like a real table.
     */
    static Path sharedStringsBomb(Path f) throws IOException {
        return workbook(f, z -> {
            put(z, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + NS
                    + "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
            z.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            OutputStream o = z;
            o.write(("<?xml version=\"1.0\"?><sst " + NS + ">").getBytes(StandardCharsets.UTF_8));
            Random random = new Random(8);
            byte[] filler = ("Catatan pelayanan kesehatan ibu hamil di wilayah kerja Puskesmas, kunjungan rumah dan"
                    + " posyandu; pemeriksaan lengkap sesuai standar. ").repeat(4).getBytes(StandardCharsets.UTF_8);
            long written = 0;
            StringBuilder sb = new StringBuilder();
            while (written < 450L << 20) {
                sb.setLength(0);
                sb.append("<si><t>").append(Integer.toString(random.nextInt(1 << 20), 36)).append(' ');
                byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
                o.write(head);
                int cut = random.nextInt(24);
                o.write(filler, cut, filler.length - cut);
                o.write("</t></si>".getBytes(StandardCharsets.UTF_8));
                written += head.length + filler.length - cut + 9;
            }
            o.write("</sst>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        });
    }

    @Test
    void sharedStringsBeyondTheLimitAreRefusedNotAnOutOfMemoryError() throws IOException {
        Path f = sharedStringsBomb(dir.resolve("besar.xlsx"));
        long size = Files.size(f);
        System.out.printf("shared-strings workbook: %,d bytes on disk%n", size);
        assertThat(size).isBetween(3L << 20, 16L << 20);
        assertThatThrownBy(() -> inflatedWhileOpening(f, Limits.defaults()))
                .isInstanceOfSatisfying(FileRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.SHARED_STRINGS_TOO_LARGE);
                    assertThat(e.getMessage()).contains("xl/sharedStrings.xml").contains("64 MB")
                            .contains("shared strings");
                });
    }

    @Test
    void sharedStringsLimitIsASetting() throws IOException {
        Path f = workbook(dir.resolve("kecil.xlsx"), z -> {
            put(z, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + NS
                    + "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>");
            put(z, "xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + NS + ">"
                    + "<si><t>" + "a".repeat(3000) + "</t></si>".repeat(1) + "<si><t>b</t></si></sst>");
        });
        assertThat(inflatedWhileOpening(f, Limits.defaults())[0]).isPositive();
        assertThatThrownBy(() -> inflatedWhileOpening(f, Limits.defaults().withMaxSharedStringBytes(2048)))
                .isInstanceOfSatisfying(FileRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.SHARED_STRINGS_TOO_LARGE));
    }

    /** A sheet whose declared sizes are honest: 1 GB of blanks in a few MB. */
    @Test
    void zipBombWithHonestSizesIsRefusedBeforeInflating() throws IOException {
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        Path f = workbook(dir.resolve("bom.xlsx"), z -> {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(("<worksheet " + NS + "><sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1024; i++) {
                z.write(blanks);
            }
            z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        });
        assertThat(Files.size(f)).isLessThan(2L << 20);
        long[] inflated = new long[1];
        assertThatThrownBy(() -> {
            try (XlsxSheetReader r = XlsxSheetReader.open(f, null, Limits.defaults(), inflated)) {
                while (r.next() != null) {
                    // read
                }
            }
        }).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.ZIP_BOMB);
            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml").contains("zip bomb");
        });
        System.out.printf("honest zip bomb (%,d bytes) refused after %,d bytes inflated%n", Files.size(f), inflated[0]);
        // Refused from the zip directory: not one byte of the sheet was inflated.
        assertThat(inflated[0]).isLessThan(64 << 10);
    }

    /**
     * A bomb that hides its ratio: 300 MB of blanks followed by 4 MB of random bytes in the same
     * part, so that the part as a whole inflates only about 75 times. It must be refused while the
     * blanks inflate, by the ratio of what has been inflated to what has been read so far.
     */
    @Test
    void zipBombHiddenBehindIncompressibleBytesIsRefusedAtOnce() throws IOException {
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        byte[] noise = new byte[4 << 20];
        new Random(4).nextBytes(noise);
        Path f = workbook(dir.resolve("bom2.xlsx"), z -> {
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(("<worksheet " + NS + "><sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                z.write(blanks);
            }
            z.write(noise);
            z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        });
        long[] inflated = new long[1];
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (XlsxSheetReader r = XlsxSheetReader.open(f, null, Limits.defaults(), inflated)) {
                while (r.next() != null) {
                    // read
                }
            }
        }).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.ZIP_BOMB);
            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml").contains("zip bomb");
        });
        System.out.printf("hidden zip bomb refused after %,d bytes inflated in %.0f ms%n", inflated[0],
                (System.nanoTime() - start) / 1e6);
        assertThat(inflated[0]).isLessThan(2L << 20);
    }
}
