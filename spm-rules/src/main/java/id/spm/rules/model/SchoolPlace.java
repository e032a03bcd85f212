package id.spm.rules.model;

/** Tempat of {@code asik-anak-sekolah}: in school, or one of the settings outside school. */
public enum SchoolPlace {
    SCHOOL,
    MADRASAH,
    PESANTREN,
    PANTI_LKSA,
    LAPAS_LPKA,
    POSYANDU_REMAJA;

    /** Sekolah, madrasah and pesantren are schools; the others reach children outside school. */
    public boolean isSchool() {
        return this == SCHOOL || this == MADRASAH || this == PESANTREN;
    }
}
