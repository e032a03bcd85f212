package id.spm.rules.model;

/** Essential newborn care at birth (Permenkes 6/2024, bayi baru lahir). */
public enum EssentialCare {
    CORD_CARE("Perawatan Tali Pusat"),
    EARLY_BREASTFEEDING("IMD"),
    VITAMIN_K1("Vitamin K1"),
    EYE_OINTMENT("Salep Mata"),
    HEPATITIS_B0("HB0");

    private final String label;

    EssentialCare(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
