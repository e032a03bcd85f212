package id.spm.rules.quality;

import java.math.BigDecimal;
import java.util.Objects;

import id.spm.rules.SpmService;
import id.spm.rules.area.AreaCodes;

/**
 * One goods or staff item of an area (layout {@code mutu}, forms 2.B.4 and 2.B.5).
 *
 * @param area region or Puskesmas code (normalized to the dotted form)
 * @param year the year
 * @param quarter Triwulan 1–4, or {@code null} when the row is not marked with a quarter
 * @param service the service
 * @param kind goods or staff
 * @param item the item, e.g. "Tablet tambah darah" or "Bidan"
 * @param unit the unit, e.g. "tablet", "orang"
 * @param need Jumlah Kebutuhan
 * @param stock Jumlah Tersedia
 * @param unitPrice Harga Satuan (Rp), {@code null} when not given
 * @param needSource who set the need when not the input itself, e.g. the regional head's decree that adopted
 *        next year's minimum quality (issue 11); {@code null} otherwise
 */
public record MutuRow(String area, int year, Integer quarter, SpmService service, MutuKind kind, String item,
        String unit, BigDecimal need, BigDecimal stock, BigDecimal unitPrice, String needSource) {

    public MutuRow(String area, int year, Integer quarter, SpmService service, MutuKind kind, String item, String unit,
            BigDecimal need, BigDecimal stock, BigDecimal unitPrice) {
        this(area, year, quarter, service, kind, item, unit, need, stock, unitPrice, null);
    }

    public MutuRow {
        area = AreaCodes.normalize(area);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(stock, "stock");
        unit = unit == null ? "" : unit.strip();
        item = item.strip();
        needSource = needSource == null || needSource.isBlank() ? null : needSource.strip();
        if (item.isEmpty()) {
            throw new IllegalArgumentException("a mutu row names its item");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter " + quarter + " is outside 1–4");
        }
        if (need.signum() < 0 || stock.signum() < 0 || (unitPrice != null && unitPrice.signum() < 0)) {
            throw new IllegalArgumentException("need, stock and unit price must not be negative");
        }
    }
}
