package id.spm.ingest.parse;

import id.spm.ingest.layout.ColumnType;

/** The Java type a column's cells parse to; {@link ParsedRow} holds each value by its kind. */
public enum ValueKind {
    /** {@link String}: text, NIK, vocabulary value, Puskesmas, region, area, ICD-10, age group. */
    TEXT,
    /** {@link DateTimeValue}: a date, with the time of day when a date-time column has one. */
    DATE_TIME,
    /** {@link java.time.LocalTime}. */
    TIME,
    /** {@link java.math.BigDecimal}, non-negative. */
    DECIMAL,
    /** {@code long}, non-negative. */
    WHOLE,
    /** {@code boolean}. */
    YES_NO,
    /** {@link id.spm.rules.model.Sex}. */
    SEX,
    /** {@link id.spm.rules.SpmService}. */
    SERVICE,
    /** {@code List<String>} of region codes. */
    REGION_LIST;

    /** The kind of a column type's values. */
    public static ValueKind of(ColumnType type) {
        return switch (type) {
            case TEXT, NIK, ENUM, PUSKESMAS, REGION, AREA, ICD10, AGE_GROUP -> TEXT;
            case DATE, DATETIME -> DATE_TIME;
            case TIME -> TIME;
            case NUMBER -> DECIMAL;
            case INTEGER -> WHOLE;
            case YESNO -> YES_NO;
            case SEX -> SEX;
            case SERVICE -> SERVICE;
            case REGION_LIST -> REGION_LIST;
        };
    }
}
