package id.spm.ingest.layout;

import java.text.Normalizer;
import java.util.Locale;

/** Loose matching of column names and vocabulary: case, spaces, punctuation and accents ignored. */
public final class Names {

    private Names() {
    }

    /** {@code "Tgl. Lahir (Ibu)"} → {@code "tgllahiribu"}. */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        String t = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFKD);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + 32));
            } else if (c > 127 && Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            } else if (c == '✓' || c == '✔' || c == '√') {
                // Check marks are vocabulary ("yes"), not punctuation.
                sb.append('✓');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The name without a trailing parenthesised unit: {@code "Berat Lahir (g)"} → {@code "beratlahir"}. */
    public static String normaliseWithoutUnit(String s) {
        if (s == null) {
            return "";
        }
        int open = s.lastIndexOf('(');
        if (open > 0 && s.strip().endsWith(")")) {
            return normalise(s.substring(0, open));
        }
        return normalise(s);
    }
}
