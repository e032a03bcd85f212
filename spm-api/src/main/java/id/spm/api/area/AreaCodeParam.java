package id.spm.api.area;

import id.spm.api.error.ApiException;
import id.spm.rules.area.AreaCodes;

/**
 * An area code as a request names it, read by the rules' {@link AreaCodes} and refused with the API's
 * 400 problem when it is none. Kemendagri region codes in dotted form ({@code 73}, {@code 73.18}, {@code 73.18.01},
 * {@code 73.18.01.2001}); plain digits are accepted on input. Puskesmas codes are {@code P} + 10
 * digits.
 */
public final class AreaCodeParam {

    /** Every area: the national scope of a token. */
    public static final String NATIONAL = "*";

    private AreaCodeParam() {
    }

    /** The canonical form, or a 400 problem {@code INVALID_AREA_CODE}. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("INVALID_AREA_CODE", "An area code is required.");
        }
        if (raw.strip().equals(NATIONAL)) {
            return NATIONAL;
        }
        // The one rule of reading a code (spm-rules); here its refusal is the API's 400 problem.
        String s = AreaCodes.canonicalOrNull(raw);
        if (s == null) {
            throw ApiException.badRequest("INVALID_AREA_CODE", "'" + raw
                    + "' is neither a Kemendagri region code (73.18, 7318, 73.18.01.2001) nor a Puskesmas code (P + 10 digits).");
        }
        return s;
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
        return AreaCodes.isPuskesmas(code);
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
}
