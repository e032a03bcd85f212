package id.spm.rules.quality;

/** The population a goods standard is counted per (digest §5). */
public enum RecipientBase {
    PREGNANT_WOMEN("ibu hamil"),
    NEWBORNS("bayi baru lahir"),
    GIRLS_GRADES_7_TO_9("remaja putri kelas 7–9");

    private final String label;

    RecipientBase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
