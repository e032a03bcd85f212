package id.spm.rules.model;

/** Jenis Pelayanan of {@code ekohort-balita}. */
public enum ChildServiceType {
    WEIGHING("Penimbangan"),
    LENGTH_HEIGHT("Panjang/Tinggi Badan"),
    HEAD_CIRCUMFERENCE("Lingkar Kepala"),
    DEVELOPMENT("Pemantauan Perkembangan"),
    VITAMIN_A_BLUE("Vitamin A Biru"),
    VITAMIN_A_RED("Vitamin A Merah"),
    IMMUNISATION("Imunisasi"),
    MTBS("MTBS");

    private final String label;

    ChildServiceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
