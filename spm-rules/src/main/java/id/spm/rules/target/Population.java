package id.spm.rules.target;

import java.util.Objects;

import id.spm.rules.area.AreaCodes;

/**
 * Population of one area, year and age group by sex (layout {@code penduduk}, BPS projection).
 *
 * @param area region code (normalized to the dotted form)
 * @param year projection year
 * @param ageGroup the age group
 * @param male Laki-laki
 * @param female Perempuan
 */
public record Population(String area, int year, AgeGroup ageGroup, long male, long female) {

    public Population {
        area = AreaCodes.normalize(area);
        Objects.requireNonNull(ageGroup, "ageGroup");
        if (male < 0 || female < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
    }

    public long total() {
        return Math.addExact(male, female);
    }
}
