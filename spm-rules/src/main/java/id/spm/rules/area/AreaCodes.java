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
        String t = code.strip();
        if (isPuskesmas(t)) {
            return t;
        }
        String digits = t.replace(".", "");
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("area code '" + code + "' is neither a region code nor P + 10 digits");
        }
        switch (digits.length()) {
            case 2:
                return digits;
            case 4:
                return digits.substring(0, 2) + "." + digits.substring(2);
            case 6:
                return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4);
            case 10:
                return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "."
                        + digits.substring(6);
            default:
                throw new IllegalArgumentException(
                        "region code '" + code + "' has " + digits.length() + " digits, not 2, 4, 6 or 10");
        }
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
