package id.spm.ingest.read;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import id.spm.ingest.read.FileRefusedException.Code;

/**
 * StAX for the xlsx parts: a parser that refuses any DOCTYPE or entity, and the refusals of bad XML. The
 * worksheet and the shared strings, the parts that grow with the data, are parsed by Aalto (issue 13: its events
 * cost about a third of the JDK parser's on a sheet of inline strings, the reader half the CPU; spm-api/BENCHMARK.md
 * "xlsx reader — session 5");
 * the small parts (workbook, relationships) by the JDK's. Both are configured alike (no DTD support, no
 * external entities, not coalescing) and {@link #next} refuses a DOCTYPE before either could use it.
 */
final class XlsxXml {

    /** Aalto's factory, configured once: a configured factory is thread-safe and shares its symbol tables. */
    private static final XMLInputFactory AALTO = configure(new com.fasterxml.aalto.stax.InputFactoryImpl());

    private XlsxXml() {
    }

    /** The JDK's parser, for the small parts. */
    static XMLInputFactory xmlFactory() {
        return configure(XMLInputFactory.newDefaultFactory());
    }

    /** The parser of the parts that grow with the data. */
    static XMLInputFactory xmlFactory(XlsxSheetReader.Parser parser) {
        return parser == XlsxSheetReader.Parser.AALTO ? AALTO : xmlFactory();
    }

    private static XMLInputFactory configure(XMLInputFactory f) {
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

    /**
     * The refusal of XML a parser could not read: a DOCTYPE, or a reference to an entity no real export declares
     * (the JDK's "The entity "x" was referenced, but not declared", Aalto's "General entity reference (&x;)"), is
     * {@link Code#DOCTYPE_REFUSED}; anything else, a truncated part included (the JDK's "… must start and end
     * within the same entity", refused as a DOCTYPE before issue 13), is {@link Code#MALFORMED_XML}, located.
     */
    static FileRefusedException malformed(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("was referenced, but not declared")
                || m.contains("General entity reference")) {
            return new FileRefusedException(Code.DOCTYPE_REFUSED,
                    "The workbook's XML declares a DOCTYPE or entities, which real exports never do; refused.", e);
        }
        return new FileRefusedException(Code.MALFORMED_XML,
                "The workbook is damaged: its XML cannot be read (" + where(e, m) + ").", e);
    }

    /**
     * The refusal of an error Aalto reports lazily, from the accessors of a token's text: an unchecked exception
     * around the parser's {@link XMLStreamException}. Anything else is rethrown as it is.
     */
    static RuntimeException malformed(RuntimeException e) {
        if (!(e instanceof FileRefusedException) && e.getCause() instanceof XMLStreamException x) {
            return malformed(x);
        }
        return e;
    }

    /**
     * Where the XML breaks, worded alike whichever parser found it: the JDK's first line,
     * {@code ParseError at [row,col]:[L,C]}, which is what the reader said before issue 13.
     */
    private static String where(XMLStreamException e, String m) {
        Location l = e.getLocation();
        if (l != null && l.getLineNumber() > 0) {
            return "ParseError at [row,col]:[" + l.getLineNumber() + "," + l.getColumnNumber() + "]";
        }
        return firstLine(m);
    }

    private static String firstLine(String m) {
        int i = m.indexOf('\n');
        String s = i < 0 ? m : m.substring(0, i);
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
