package id.spm.rules.model;

/** The eight groups at risk of HIV infection (Permenkes 6/2024). */
public enum RiskGroup {
    PREGNANT_WOMAN("Ibu Hamil"),
    TB_PATIENT("Pasien TBC"),
    STI_PATIENT("Pasien IMS"),
    SEX_WORKER("Penjaja Seks"),
    MSM("LSL"),
    TRANSGENDER("Waria/Transgender"),
    PEOPLE_WHO_INJECT_DRUGS("Penasun"),
    PRISONER("WBP");

    private final String label;

    RiskGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
