package id.spm.rules.model;

import java.util.Objects;

import id.spm.rules.SpmService;

/**
 * An aggregate monthly count where no by-name data exists (layout {@code rekap-bulanan}).
 *
 * @param compliant Jumlah Sesuai Standar
 * @param nonCompliant Jumlah Tidak Sesuai Standar, {@code null} when not reported
 */
public record MonthlyCount(String puskesmas, int year, int month, SpmService service, long compliant,
        Long nonCompliant) {

    public MonthlyCount {
        Objects.requireNonNull(puskesmas, "puskesmas");
        Objects.requireNonNull(service, "service");
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month + " is outside 1–12");
        }
        if (compliant < 0 || (nonCompliant != null && nonCompliant < 0)) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
