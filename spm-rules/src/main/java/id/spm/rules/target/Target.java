package id.spm.rules.target;

import java.util.Objects;

import id.spm.rules.SpmService;
import id.spm.rules.area.AreaCodes;

/**
 * A sasaran as set or imported for one area, year and service (layout {@code sasaran}), with its
 * provenance.
 *
 * @param area kab/kota, kecamatan or Puskesmas code (normalized to the dotted form)
 * @param year the year it targets
 * @param service the service
 * @param amount number of persons
 * @param source provenance
 * @param note Keterangan, or how a derived figure was computed; may be empty
 */
public record Target(String area, int year, SpmService service, long amount, TargetSource source, String note) {

    public Target {
        area = AreaCodes.normalize(area);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(source, "source");
        note = note == null ? "" : note;
        if (amount < 0) {
            throw new IllegalArgumentException("sasaran must not be negative: " + amount);
        }
    }
}
