package id.spm.ingest.read;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/** StAX for the xlsx parts: a parser that refuses any DOCTYPE or entity, and the refusals of bad XML. */
final class XlsxXml {

    private XlsxXml() {
    }

    static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    static String attribute(XMLStreamReader x, String localName) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(localName)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    static void appendLimited(StringBuilder sb, XMLStreamReader x, Limits limits, String where) {
        int len = x.getTextLength();
        if (sb.length() + len > limits.maxCellChars()) {
            throw new FileRefusedException(Code.CELL_TOO_LONG, "The workbook has " + where + " longer than "
                    + limits.maxCellChars() + " characters, more than a spreadsheet cell can hold.");
        }
        sb.append(x.getTextCharacters(), x.getTextStart(), len);
    }

    /** Advances the parser, refusing a DOCTYPE outright (entity expansion, external entities). */
    static int next(XMLStreamReader x) throws XMLStreamException {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new FileRefusedException(Code.DOCTYPE_REFUSED,
                    "The workbook's XML declares a DOCTYPE or entities, which real exports never do; refused"
                            + " (entity expansion and external entities are attack vectors).");
        }
        return ev;
    }

    static FileRefusedException malformed(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("entity") || m.contains("Entity")) {
            return new FileRefusedException(Code.DOCTYPE_REFUSED,
                    "The workbook's XML declares a DOCTYPE or entities, which real exports never do; refused.", e);
        }
        return new FileRefusedException(Code.MALFORMED_XML,
                "The workbook is damaged: its XML cannot be read (" + firstLine(m) + ").", e);
    }

    private static String firstLine(String m) {
        int i = m.indexOf('\n');
        String s = i < 0 ? m : m.substring(0, i);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
