package id.spm.ingest.layout;

import java.util.Locale;

/** How a column's cells are parsed (formats.md, "Rules every layout follows"). */
public enum ColumnType {
    /** Free text, stripped. */
    TEXT,
    /** NIK: 16 digits kept as text. */
    NIK,
    /** A date. */
    DATE,
    /** A date with an optional {@code HH:mm}. */
    DATETIME,
    /** A time of day {@code HH:mm}. */
    TIME,
    /** A non-negative decimal number, {@code .} or {@code ,} as the decimal mark. */
    NUMBER,
    /** A non-negative whole number (counts, measurements in whole units, scores). */
    INTEGER,
    /** Yes/no vocabulary; blank is "not done". */
    YESNO,
    /** L/P. */
    SEX,
    /** A value from the column's vocabulary. */
    ENUM,
    /** Puskesmas code, {@code P} + 10 digits, registered. */
    PUSKESMAS,
    /** Kemendagri region code at the column's level. */
    REGION,
    /** A region code (kab/kota or kecamatan) or a Puskesmas code. */
    AREA,
    /** SPM service code {@code 1.02.02.2.02.0001} … {@code 0012}. */
    SERVICE,
    /** ICD-10 code within the column's ranges, or a vocabulary name for one. */
    ICD10,
    /** Several region codes separated by {@code ;}. */
    REGION_LIST,
    /** Age group: {@code 0}, {@code 1-4}, {@code 75+} or a single year. */
    AGE_GROUP;

    public static ColumnType parse(String s) {
        return valueOf(s.strip().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
