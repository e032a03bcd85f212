package id.spm.rules.target;

import java.util.Locale;

/** Provenance of a sasaran figure (digest §5; layout {@code sasaran}, column Sumber). */
public enum TargetSource {
    BPS_PROJECTION("Proyeksi BPS"),
    REAL_DATA("Data Riil"),
    PREVALENCE("Prevalensi"),
    TB_FORMULA("Formula TBC"),
    REGIONAL_HEAD_DECREE("SK Kepala Daerah");

    private final String label;

    TargetSource(String label) {
        this.label = label;
    }

    /** The label used in exports, e.g. {@code Proyeksi BPS}. */
    public String label() {
        return label;
    }

    /** By label (case- and space-insensitive) or by name. */
    public static TargetSource parse(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (TargetSource v : values()) {
            if (v.label.toLowerCase(Locale.ROOT).equals(t) || v.name().equalsIgnoreCase(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown sasaran source '" + s + "'");
    }
}
