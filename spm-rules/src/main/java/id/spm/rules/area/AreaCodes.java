package id.spm.rules.area;

/**
 * Area codes: Kemendagri region codes in dotted form ({@code 73}, {@code 73.18}, {@code 73.18.01},
 * {@code 73.18.01.2001}) and Puskesmas codes ({@code P} + 10 digits).
 */
public final class AreaCodes {

    private AreaCodes() {
    }

    /** Whether the code is a Puskesmas code, {@code P} + 10 digits. */
    public static boolean isPuskesmas(String code) {
        if (code == null || code.length() != 11 || code.charAt(0) != 'P') {
            return false;
        }
        for (int i = 1; i < 11; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The dotted form of a region code given plain ({@code 7318}) or dotted ({@code 73.18}); Puskesmas
     * codes are returned as they are.
     *
     * @throws IllegalArgumentException when the code is neither
     */
    public static String normalize(String code) {
        if (code == null) {
            throw new IllegalArgumentException("area code is missing");
        }
        String n = canonicalOrNull(code);
        if (n == null) {
            throw new IllegalArgumentException("area code '" + code + "' is neither a region code (2, 4, 6 or 10 digits, "
                    + "plain or dotted) nor P + 10 digits");
        }
        return n;
    }

    /**
     * The one rule for reading an area code as people type it (the API, the importer and the rules use
     * it): surrounding blanks dropped; a Puskesmas code ({@code P} or {@code p} + 10 digits) upper-cased;
     * a dotted region code kept when its groups are 2, 2, 2 and 4 digits; plain digits (2, 4, 6 or 10)
     * dotted. {@code null} for anything else.
     */
    public static String canonicalOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.length() == 11 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            String p = "P" + t.substring(1);
            return isPuskesmas(p) ? p : null;
        }
        if (t.indexOf('.') >= 0) {
            return dottedWellFormed(t) ? t : null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return null;
            }
        }
        switch (t.length()) {
            case 2:
                return t;
            case 4:
                return t.substring(0, 2) + "." + t.substring(2);
            case 6:
                return t.substring(0, 2) + "." + t.substring(2, 4) + "." + t.substring(4);
            case 10:
                return t.substring(0, 2) + "." + t.substring(2, 4) + "." + t.substring(4, 6) + "." + t.substring(6);
            default:
                return null;
        }
    }

    /** {@code 73}, {@code 73.18}, {@code 73.18.01} or {@code 73.18.01.2001}. */
    private static boolean dottedWellFormed(String s) {
        int[] groups = { 2, 2, 2, 4 };
        int g = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (g >= 3 || run != groups[g]) {
                    return false;
                }
                g++;
                run = 0;
            } else if (c >= '0' && c <= '9') {
                run++;
            } else {
                return false;
            }
        }
        return run == groups[g];
    }

    /**
     * The level of a normalized code; desa/kelurahan codes (10 digits) are not a level of the SPM
     * hierarchy.
     */
    public static AreaLevel levelOf(String normalized) {
        if (isPuskesmas(normalized)) {
            return AreaLevel.PUSKESMAS;
        }
        switch (normalized.length()) {
            case 2:
                return AreaLevel.PROVINCE;
            case 5:
                return AreaLevel.DISTRICT;
            case 8:
                return AreaLevel.KECAMATAN;
            default:
                throw new IllegalArgumentException("'" + normalized + "' is not a province, district, kecamatan or"
                        + " Puskesmas code");
        }
    }

    /** The kab/kota ({@code 73.18}) of a kecamatan or desa code. */
    public static String districtOf(String regionCode) {
        return normalize(regionCode).substring(0, 5);
    }

    /** The province ({@code 73}) of a district, kecamatan or desa code. */
    public static String provinceOf(String regionCode) {
        return normalize(regionCode).substring(0, 2);
    }
}
