package id.spm.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Limits;
import id.spm.ingest.write.CsvWriter;
import id.spm.ingest.write.XlsxWriter;

/** Shared fixtures: the region list, a fixed key, and writers of hand-made files. */
public final class TestFiles {

    public static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    public static final Regions REGIONS = Regions.builtIn();
    public static final PersonKeys KEYS = PersonKeys.of(new byte[32]);
    public static final LayoutRegistry LAYOUTS = LayoutRegistry.builtIn();

    private TestFiles() {
    }

    /** The Puskesmas of the hand-made files below, in Kabupaten Tana Toraja (73.18). */
    public static final String PKM = "P7318010101";

    public static Ingestor ingestor(PuskesmasRegistry registry) {
        return new Ingestor(LAYOUTS, REGIONS, registry, KEYS, Limits.defaults());
    }

    public static Path csv(Path dir, String name, List<List<?>> rows) throws IOException {
        Path f = dir.resolve(name);
        try (CsvWriter w = new CsvWriter(Files.newOutputStream(f), StandardCharsets.UTF_8, ',', false)) {
            for (List<?> r : rows) {
                w.row(r);
            }
        }
        return f;
    }

    public static Path xlsx(Path dir, String name, List<List<?>> rows, boolean shared) throws IOException {
        Path f = dir.resolve(name);
        try (XlsxWriter w = new XlsxWriter(Files.newOutputStream(f), "Data", shared)) {
            for (List<?> r : rows) {
                w.row(r);
            }
        }
        return f;
    }

    /**
     * A hand-made {@code ekohort-anc} sheet: the header, {@code good} clean visits, then {@code bad} rows
     * with one error each (a village code that is not in the region list), every row its own mother.
     */
    public static List<List<?>> ancSheet(int good, int bad) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("NIK Ibu", "Nama Ibu", "Tanggal Lahir Ibu", "Kode Puskesmas", "Kode Desa", "HPHT",
                "Tanggal Kunjungan", "Kunjungan Ke", "Pemeriksa", "USG", "Tekanan Darah"));
        for (int i = 0; i < good + bad; i++) {
            rows.add(List.of(String.format("731801410190%04d", i + 1), "Ibu " + (i + 1), "12/05/1990", PKM,
                    i < good ? "7318012010" : "7318019999", "01/03/2025", "05/08/2025", "K1A", "Bidan", "Ya", "Y"));
        }
        return rows;
    }

    /** A hand-made {@code puskesmas} sheet registering {@link #PKM}. */
    public static List<List<?>> puskesmasSheet() {
        return List.of(List.of("Kode Puskesmas", "Nama Puskesmas", "Kode Kecamatan", "Kode Desa Wilayah Kerja"),
                List.of(PKM, "Bonggakaradeng", "73.18.01", "73.18.01.2010"));
    }

    /** A workbook from raw parts: for hostile and malformed files. */
    public static Path rawXlsx(Path dir, String name, String sheetXml, Map<String, String> extraParts)
            throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            put(z, "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(z, "xl/workbook.xml",
                    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(z, "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(z, "xl/worksheets/sheet1.xml", sheetXml);
            for (Map.Entry<String, String> e : extraParts.entrySet()) {
                put(z, e.getKey(), e.getValue());
            }
        }
        Path f = dir.resolve(name);
        Files.write(f, bos.toByteArray());
        return f;
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    public static String sheet(String rowsXml) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rowsXml + "</sheetData></worksheet>";
    }
}
