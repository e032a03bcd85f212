package id.spm.sample;

import java.math.BigDecimal;
import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * One row of the {@code mutu} layout (forms 2.B.4 and 2.B.5): need and stock of one goods or staff
 * item of a service.
 *
 * @param regionCode Kode Wilayah: a Puskesmas code here
 * @param year Tahun
 * @param quarter Triwulan 1–4, or {@code null} for the whole year
 * @param service Kode Layanan
 * @param kind Jenis, exactly as the layout spells it: {@code Barang} or {@code SDM}
 * @param item Item
 * @param unit Satuan
 * @param need Jumlah Kebutuhan
 * @param stock Jumlah Tersedia
 * @param unitPrice Harga Satuan (Rp), {@code null} for staff
 */
public record SampleMutuRow(String regionCode, int year, Integer quarter, SpmService service, String kind,
        String item, String unit, long need, long stock, BigDecimal unitPrice) {

    public static final String KIND_GOODS = "Barang";
    public static final String KIND_STAFF = "SDM";

    public SampleMutuRow {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unit, "unit");
        if (!KIND_GOODS.equals(kind) && !KIND_STAFF.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind + " is neither Barang nor SDM");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter " + quarter + " is outside 1–4");
        }
        if (need < 0 || stock < 0) {
            throw new IllegalArgumentException("need and stock must not be negative");
        }
    }
}
