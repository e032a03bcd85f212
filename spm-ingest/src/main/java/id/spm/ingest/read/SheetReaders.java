package id.spm.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import id.spm.ingest.read.FileRefusedException.Code;

/** Chooses the reader from the file's content first and its name second. */
public final class SheetReaders {

    private SheetReaders() {
    }

    /**
     * Opens a file.
     *
     * @param file the file on disk
     * @param fileName the name the user gave it (for the extension and the CSV "sheet" name)
     * @param sheet the sheet a layout names, or {@code null} / {@code "first"}
     */
    public static SheetReader open(Path file, String fileName, String sheet, Limits limits) throws IOException {
        String ext = XlsxSheetReader.extension(fileName == null ? file.getFileName().toString() : fileName);
        byte[] head = new byte[4];
        int n;
        try (InputStream s = Files.newInputStream(file)) {
            n = s.readNBytes(head, 0, 4);
        }
        boolean zip = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole = n == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF;
        if (zip || ole || ext.equals("xlsx") || ext.equals("xlsm")) {
            return XlsxSheetReader.open(file, sheet, limits);
        }
        if (ext.equals("csv") || ext.equals("txt") || ext.isEmpty()) {
            String name = fileName == null ? file.getFileName().toString() : fileName;
            return CsvSheetReader.open(file, name, limits);
        }
        if (ext.equals("xls")) {
            throw new FileRefusedException(Code.UNSUPPORTED_FORMAT,
                    "Old .xls workbooks are not read; save the file as .xlsx (Excel Workbook) or .csv.");
        }
        throw new FileRefusedException(Code.UNSUPPORTED_FORMAT,
                "Files of type ." + ext + " are not read; upload .xlsx or .csv.");
    }
}
