package id.spm.api.area;

import java.util.Locale;
import java.util.regex.Pattern;

import id.spm.api.error.ApiException;

/**
 * Kemendagri region codes in dotted form ({@code 73}, {@code 73.18}, {@code 73.18.01},
 * {@code 73.18.01.2001}); plain digits are accepted on input. Puskesmas codes are {@code P} + 10
 * digits.
 */
public final class AreaCodes {

    /** Every area: the national scope of a token. */
    public static final String NATIONAL = "*";

    private static final Pattern DOTTED = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern PLAIN = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{10}");
    private static final Pattern PUSKESMAS = Pattern.compile("P\\d{10}");

    private AreaCodes() {
    }

    /** The canonical form, or a 400 problem {@code INVALID_AREA_CODE}. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("INVALID_AREA_CODE", "An area code is required.");
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.equals(NATIONAL) || DOTTED.matcher(s).matches() || PUSKESMAS.matcher(s).matches()) {
            return s;
        }
        if (PLAIN.matcher(s).matches()) {
            return dotted(s);
        }
        throw ApiException.badRequest("INVALID_AREA_CODE", "'" + raw
                + "' is neither a Kemendagri region code (73.18, 7318, 73.18.01.2001) nor a Puskesmas code (P + 10 digits).");
    }

    /** A region code (not a Puskesmas), normalised, or a 400 problem. */
    public static String region(String raw) {
        String s = normalize(raw);
        if (isPuskesmas(s) || s.equals(NATIONAL)) {
            throw ApiException.badRequest("INVALID_REGION_CODE", "'" + raw + "' is not a Kemendagri region code.");
        }
        return s;
    }

    public static boolean isPuskesmas(String code) {
        return code != null && PUSKESMAS.matcher(code).matches();
    }

    /** 1 province, 2 kab/kota, 3 kecamatan, 4 desa. */
    public static int level(String dotted) {
        int level = 1;
        for (int i = 0; i < dotted.length(); i++) {
            if (dotted.charAt(i) == '.') {
                level++;
            }
        }
        return level;
    }

    /** The kab/kota of a region at level 2 or below, e.g. {@code 73.18} for {@code 73.18.01}. */
    public static String kabkota(String dotted) {
        if (level(dotted) < 2) {
            throw ApiException.badRequest("NOT_A_DISTRICT_AREA", dotted + " is a province, not within one kab/kota.");
        }
        return dotted.substring(0, 5);
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public static boolean within(String code, String ancestor) {
        return code.equals(ancestor) || (code.startsWith(ancestor) && code.length() > ancestor.length()
                && code.charAt(ancestor.length()) == '.');
    }

    static String dotted(String plain) {
        StringBuilder b = new StringBuilder(plain.substring(0, 2));
        if (plain.length() >= 4) {
            b.append('.').append(plain, 2, 4);
        }
        if (plain.length() >= 6) {
            b.append('.').append(plain, 4, 6);
        }
        if (plain.length() == 10) {
            b.append('.').append(plain, 6, 10);
        }
        return b.toString();
    }
}
