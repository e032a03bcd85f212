package id.spm.sample;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kecamatan of the district to generate, with its desa/kelurahan.
 *
 * @param code dotted Kemendagri kecamatan code, e.g. {@code 73.18.05}
 * @param name kecamatan name
 * @param desaCodes dotted desa/kelurahan codes ({@code 73.18.05.1003}), sorted; may be empty, then
 *        persons of the kecamatan carry no desa code
 */
public record SampleKecamatan(String code, String name, List<String> desaCodes) {

    static final Pattern CODE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");
    static final Pattern DESA = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");

    public SampleKecamatan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("kecamatan code " + code + " is not dotted 6 digits (73.18.05)");
        }
        desaCodes = desaCodes == null ? List.of() : desaCodes.stream().sorted().distinct().toList();
        for (String d : desaCodes) {
            if (!DESA.matcher(d).matches() || !d.startsWith(code + ".")) {
                throw new IllegalArgumentException("desa code " + d + " is not a dotted 10-digit code of " + code);
            }
        }
    }

    /** The six digits of the code, as they appear in Puskesmas codes. */
    String digits() {
        return code.replace(".", "");
    }
}
