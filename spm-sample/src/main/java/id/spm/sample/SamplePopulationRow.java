package id.spm.sample;

import java.util.Objects;

/**
 * One row of the {@code penduduk} layout: population of an area by age group and sex (a BPS-style
 * projection consistent with the generated persons).
 *
 * @param regionCode Kode Wilayah: the dotted district or kecamatan code
 * @param year Tahun
 * @param ageGroup Kelompok Umur as written in the layout: {@code 0}, {@code 1-4}, {@code 5-9} …
 *        {@code 70-74}, {@code 75+}
 * @param male Laki-laki
 * @param female Perempuan
 */
public record SamplePopulationRow(String regionCode, int year, String ageGroup, long male, long female) {

    public SamplePopulationRow {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(ageGroup, "ageGroup");
        if (male < 0 || female < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
    }

    public long total() {
        return male + female;
    }
}
