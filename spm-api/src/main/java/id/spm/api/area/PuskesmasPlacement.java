package id.spm.api.area;

/**
 * Where a Puskesmas may be registered, the one rule for every path that writes the registry (REST,
 * import, demo). formats.md: a Puskesmas code is {@code P} + the 6 digits of its kecamatan + 4 digits;
 * a code kept from before a district split is an explicit, recorded exception
 * ({@code puskesmas_code_exception}, recorded by an admin of both areas). Registering needs rights over
 * the kecamatan; moving a registered Puskesmas needs rights over the kecamatan it leaves as well.
 */
public final class PuskesmasPlacement {

    private PuskesmasPlacement() {
    }

    /** Why a placement is refused: a code whose digits name another kecamatan, or an area not covered. */
    public record Refusal(boolean codeMismatch, String message) {
    }

    /**
     * @param code the Puskesmas code ({@code P} + 10 digits)
     * @param kecamatan the dotted kecamatan it is to be registered in
     * @param current its registered kecamatan, or {@code null} when new
     * @param exception the kecamatan of a recorded code exception, or {@code null}
     * @param scope the writer's areas
     * @return {@code null} when allowed
     */
    public static Refusal check(String code, String kecamatan, String current, String exception, AreaScope scope) {
        if (!digitsMatch(code, kecamatan) && !kecamatan.equals(exception)) {
            return new Refusal(true, code + " does not belong in kecamatan " + kecamatan + ": a Puskesmas code is P + "
                    + "the 6 digits of its kecamatan (" + kecamatan.replace(".", "") + ") + 4 digits. A code kept from "
                    + "before a district split needs an exception recorded by an admin of both areas "
                    + "(PUT /api/v1/puskesmas/" + code + "/code-exception).");
        }
        if (!scope.coversRegion(kecamatan)) {
            return new Refusal(false, "Kecamatan " + kecamatan + " is outside the areas of your token.");
        }
        if (current != null && !current.equals(kecamatan) && !scope.coversRegion(current)) {
            return new Refusal(false, code + " is registered in kecamatan " + current + ", outside the areas of your "
                    + "token: moving a Puskesmas needs rights over the kecamatan it leaves and the one it joins.");
        }
        return null;
    }

    /** Whether the code's digits 1–6 are the kecamatan's ({@code P731801xxxx} in {@code 73.18.01}). */
    public static boolean digitsMatch(String code, String kecamatan) {
        return code.length() == 11 && code.substring(1, 7).equals(kecamatan.replace(".", ""));
    }
}
