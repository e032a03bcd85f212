package id.spm.sample;

import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * One row of the {@code sasaran} layout: the target population of a service in an area and year.
 *
 * @param regionCode Kode Wilayah: dotted district or kecamatan code, or a Puskesmas code
 * @param year Tahun
 * @param service Kode Layanan
 * @param amount Jumlah Sasaran
 * @param source Sumber, exactly as the layout spells it: {@code Proyeksi BPS}, {@code Data Riil},
 *        {@code Prevalensi}, {@code Formula TBC} or {@code SK Kepala Daerah}
 * @param note Keterangan: how the figure was obtained, may be {@code null}
 */
public record SampleTarget(String regionCode, int year, SpmService service, long amount, String source,
        String note) {

    public static final String SOURCE_BPS = "Proyeksi BPS";
    public static final String SOURCE_REAL_DATA = "Data Riil";
    public static final String SOURCE_PREVALENCE = "Prevalensi";
    public static final String SOURCE_TB_FORMULA = "Formula TBC";
    public static final String SOURCE_DECREE = "SK Kepala Daerah";

    public SampleTarget {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(source, "source");
        if (amount < 0) {
            throw new IllegalArgumentException("a target must not be negative");
        }
    }
}
