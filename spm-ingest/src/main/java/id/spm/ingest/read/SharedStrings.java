package id.spm.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * Shared strings packed as UTF-8 in one growing byte array with an offset table: about a third
 * of the memory of a {@code List<String>}. Its memory (bytes plus 4 per string) is bounded by
 * {@link Limits#maxSharedStringBytes()}: a workbook needing more is refused, readably, instead of
 * exhausting the heap (a 9 MB workbook can hold 450 MB of shared strings under the zip-bomb ratio).
 */
final class SharedStrings {
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

    /**
     * Reads the part {@code xl/sharedStrings.xml} into {@code sst} (the text of each {@code <si>},
     * phonetic runs left out), refusing a string longer than a cell may be, with the given StAX implementation.
     */
    static void read(GuardedZip parts, ZipEntry entry, SharedStrings sst, XlsxSheetReader.Parser parser) throws IOException {
        Limits limits = parts.limits;
        StringBuilder sb = new StringBuilder();
        try (InputStream in = parts.open(entry)) {
            XMLStreamReader x = XlsxXml.xmlFactory(parser).createXMLStreamReader(in);
            int depthPhonetic = 0;
            boolean inT = false;
            boolean inSi = false;
            while (x.hasNext()) {
                int ev = XlsxXml.next(x);
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
                    XlsxXml.appendLimited(sb, x, limits, "a shared string");
                }
            }
        } catch (XMLStreamException e) {
            throw XlsxXml.malformed(e);
        } catch (RuntimeException e) {
            throw XlsxXml.malformed(e);
        }
    }
}
