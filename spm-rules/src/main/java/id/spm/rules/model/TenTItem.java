package id.spm.rules.model;

/** The ten items of antenatal care quality "10T" (Permenkes 6/2024, ibu hamil). */
public enum TenTItem {
    WEIGHT_HEIGHT("Timbang BB/Ukur TB"),
    BLOOD_PRESSURE("Tekanan Darah"),
    LILA("LILA"),
    FUNDAL_HEIGHT("Tinggi Fundus"),
    FETAL_PRESENTATION_HEART_RATE("DJJ/Presentasi Janin"),
    TETANUS_SCREENING("Skrining Imunisasi Td"),
    IRON_TABLETS("Tablet Tambah Darah"),
    LABORATORY("Tes Laboratorium"),
    CASE_MANAGEMENT("Tatalaksana Kasus"),
    COUNSELLING("Temu Wicara/Konseling");

    private final String label;

    TenTItem(String label) {
        this.label = label;
    }

    /** The column name used in e-Kohort exports. */
    public String label() {
        return label;
    }
}
