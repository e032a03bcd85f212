package id.spm.api.security;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;

/**
 * 403 before 404 for every area-scoped endpoint: a code outside the caller's areas is {@code 403 AREA_FORBIDDEN}
 * whether it exists or not (so the answer never tells which codes exist elsewhere); inside the caller's areas an
 * unknown code is {@code 404 REGION_NOT_FOUND} or {@code PUSKESMAS_NOT_FOUND}.
 * <p>
 * A registered Puskesmas is where the registry puts it ({@link CallerScope#covers(String)}); an unregistered code has
 * no registry entry, so it is inside the caller's areas when the kecamatan its digits name is (P + the kecamatan's 6
 * digits + 4), and then it is a 404.
 */
public final class AreaAccess {

    private AreaAccess() {
    }

    /** For a normalised region or Puskesmas code: 403 outside the caller's areas, then 404 when it does not exist. */
    public static void require(CallerScope scope, String code) {
        boolean registered = !AreaCodeParam.isPuskesmas(code) || scope.registry().find(code).isPresent();
        if (!scope.covers(code) && (registered || !scope.covers(kecamatanOfDigits(code)))) {
            scope.require(code);
            // covers() and require() disagree only if the scope changed underneath: still refuse.
            throw ApiException.forbidden("AREA_FORBIDDEN", "Your token does not cover area " + code + ".");
        }
        if (code.equals(AreaCodeParam.NATIONAL)) {
            return;
        }
        if (!registered) {
            throw ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + code + ".");
        }
        if (!AreaCodeParam.isPuskesmas(code) && !scope.regions().exists(code)) {
            throw ApiException.notFound("REGION_NOT_FOUND", "No Kemendagri region " + code + ".");
        }
    }

    /**
     * Whether {@link #require} decides this normalised code without the database: a region code already seen to exist
     * (a Puskesmas code is looked up in the registry). Issue 13: the cached {@code GET /achievements} answered on the
     * event loop.
     */
    public static boolean decidableInMemory(CallerScope scope, String code) {
        return !AreaCodeParam.isPuskesmas(code) && !code.equals(AreaCodeParam.NATIONAL) && scope.regions().isKnown(code);
    }

    /** {@code 73.18.01} for {@code P7318010101}. */
    static String kecamatanOfDigits(String puskesmas) {
        return puskesmas.substring(1, 3) + "." + puskesmas.substring(3, 5) + "." + puskesmas.substring(5, 7);
    }
}
