package id.spm.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * A registered Puskesmas (layout {@code puskesmas}).
 *
 * @param code {@code P} + 10 digits
 * @param kecamatanCode dotted Kemendagri kecamatan code, e.g. {@code 73.18.01}
 * @param desaCodes desa/kelurahan of its working area, may be empty
 * @param population Penduduk Wilayah Kerja, {@code null} when not given
 */
public record PuskesmasInfo(String code, String name, String kecamatanCode, Set<String> desaCodes, Long population) {

    public PuskesmasInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kecamatanCode, "kecamatanCode");
        if (!code.matches("P\\d{10}")) {
            throw new IllegalArgumentException("Puskesmas code " + code + " is not P + 10 digits");
        }
        desaCodes = desaCodes == null ? Set.of() : Set.copyOf(desaCodes);
        if (population != null && population < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
    }

    /** The kab/kota code ({@code 73.18}) of the kecamatan. */
    public String districtCode() {
        return kecamatanCode.substring(0, 5);
    }
}
