package id.spm.rules.quality;

import java.util.Locale;

/** Jenis of the {@code mutu} layout: goods and services (Form 2.B.4) or staff (Form 2.B.5). */
public enum MutuKind {
    /** Barang/jasa: devices, consumables, drugs, vaccines (Form 2.B.4). */
    GOODS("Barang"),
    /** SDM: health staff (Form 2.B.5). */
    STAFF("SDM");

    private final String label;

    MutuKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code Barang} (also {@code Barang/Jasa}) or {@code SDM}, case-insensitive, or the enum name. */
    public static MutuKind parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("barang") || t.equals("barang/jasa") || t.equals("goods")) {
            return GOODS;
        }
        if (t.equals("sdm") || t.equals("staff")) {
            return STAFF;
        }
        throw new IllegalArgumentException("unknown mutu kind '" + s + "' (Barang or SDM)");
    }
}
