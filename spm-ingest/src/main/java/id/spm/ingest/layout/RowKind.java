package id.spm.ingest.layout;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import id.spm.rules.count.ByNameLayout;

/**
 * What a layout's rows become, with the fields a layout file may map and those it must map. The
 * event targets are the {@code id.spm.rules.model} records, each with its by-name layout from the
 * rules' one registry ({@link ByNameLayout}); the others are aggregate, target, population, quality
 * and Puskesmas rows.
 */
public enum RowKind {
    ANC_VISIT(ByNameLayout.EKOHORT_ANC, Set.of("nik", "name", "birthDate", "puskesmas", "date"),
            Set.of("desa", "hpht", "visitCode", "examiner", "usg", "tenT.WEIGHT_HEIGHT", "tenT.BLOOD_PRESSURE",
                    "tenT.LILA", "tenT.FUNDAL_HEIGHT", "tenT.FETAL_PRESENTATION_HEART_RATE", "tenT.TETANUS_SCREENING",
                    "tenT.IRON_TABLETS", "tenT.LABORATORY", "tenT.CASE_MANAGEMENT", "tenT.COUNSELLING")),
    PREGNANCY_OUTCOME(ByNameLayout.EKOHORT_PERSALINAN, Set.of("nik", "birthDate", "puskesmas", "hpht", "date", "outcome"),
            Set.of("name", "desa", "place", "doctors", "midwives", "nurses", "complication", "limitedAccess")),
    NEWBORN(ByNameLayout.EKOHORT_BAYI, Set.of("birthDate", "puskesmas", "liveBorn"),
            Set.of("nik", "name", "birthTime", "sex", "motherNik", "desa", "birthWeight", "care.CORD_CARE",
                    "care.EARLY_BREASTFEEDING", "care.VITAMIN_K1", "care.EYE_OINTMENT", "care.HEPATITIS_B0", "kn1",
                    "kn2", "kn3")),
    CHILD_SERVICE(ByNameLayout.EKOHORT_BALITA, Set.of("nik", "birthDate", "puskesmas", "date", "serviceType"),
            Set.of("name", "sex", "desa", "antigen", "value")),
    SCHOOL_EXAM(ByNameLayout.ASIK_ANAK_SEKOLAH, Set.of("nik", "birthDate", "puskesmas", "date", "place"),
            Set.of("name", "sex", "desa", "npsn", "grade", "nutrition", "vitalSigns", "oralDental", "sight", "hearing",
                    "anaemia", "followUp", "bias")),
    SCREENING(ByNameLayout.ASIK_SKRINING, Set.of("nik", "birthDate", "puskesmas", "date"),
            Set.of("name", "sex", "desa", "place", "weight", "height", "waist", "lila", "systolic", "diastolic",
                    "glucose", "cholesterol", "puma", "sight", "hearing", "mentalHealth", "riskyBehaviour", "iva",
                    "sadanis", "tetanusStatus", "skilas", "adlBarthel", "familyHistoryDm", "brideOrGroom",
                    "education")),
    PTM_VISIT(ByNameLayout.PTM_KUNJUNGAN, Set.of("nik", "birthDate", "puskesmas", "date", "diagnosis"),
            Set.of("name", "sex", "desa", "systolic", "diastolic", "glucoseTest", "glucoseResult", "clinicalExam",
                    "education", "drugTherapy", "referral")),
    MENTAL_HEALTH_VISIT(ByNameLayout.KESWA_KUNJUNGAN, Set.of("nik", "birthDate", "puskesmas", "date", "diagnosis"),
            Set.of("name", "sex", "desa", "mentalStatusExam", "interview", "education", "management", "referral")),
    TB_PRESUMPTION(ByNameLayout.TBC_TERDUGA, Set.of("nik", "birthDate", "puskesmas", "presumedDate"),
            Set.of("name", "sex", "desa", "examDate", "examType", "result")),
    HIV_RISK_RECORD(ByNameLayout.HIV_TES, Set.of("nik", "birthDate", "puskesmas", "group", "recordedDate"),
            Set.of("name", "sex", "desa", "testDate", "testType", "result")),
    PUSKESMAS("PuskesmasInfo", Set.of("code", "name", "kecamatan"), Set.of("desaCodes", "population")),
    MONTHLY_COUNT("MonthlyCount", Set.of("puskesmas", "year", "month", "service", "compliant"),
            Set.of("nonCompliant")),
    TARGET("Target", Set.of("area", "year", "service", "amount", "source"), Set.of("note")),
    POPULATION("Population", Set.of("area", "year", "ageGroup", "male", "female"), Set.of()),
    QUALITY("QualityItem", Set.of("area", "year", "service", "kind", "item", "unit", "need", "stock"),
            Set.of("quarter", "unitPrice")),
    /**
     * A typed input of a report form (issue 10): any field its layout names, with an area and a year; the
     * layout's {@code key} identifies a row.
     */
    FORM_INPUT("FormInput", Set.of("area", "year"), Set.of()),
    /** A typed value of a BLUD catalog indicator (issue 12): read by spm-api's catalog upload only. */
    CATALOG_VALUE("BludCatalogValue", Set.of("puskesmas", "year", "indicator", "value"),
            Set.of("catalog", "note", "numerator", "denominator"));

    private final String typeName;
    private final ByNameLayout byNameLayout;
    private final Set<String> requiredFields;
    private final Set<String> optionalFields;

    /** An event kind: its name is the event record's. */
    RowKind(ByNameLayout byNameLayout, Set<String> requiredFields, Set<String> optionalFields) {
        this(byNameLayout.eventTypeName(), byNameLayout, requiredFields, optionalFields);
    }

    RowKind(String typeName, Set<String> requiredFields, Set<String> optionalFields) {
        this(typeName, null, requiredFields, optionalFields);
    }

    private RowKind(String typeName, ByNameLayout byNameLayout, Set<String> requiredFields,
            Set<String> optionalFields) {
        this.typeName = typeName;
        this.byNameLayout = byNameLayout;
        this.requiredFields = requiredFields;
        this.optionalFields = optionalFields;
    }

    /** The name used in layout files and as {@code event_type}: the model record's simple name. */
    public String typeName() {
        return typeName;
    }

    /** Fields every layout of this target must map. */
    public Set<String> requiredFields() {
        return requiredFields;
    }

    public boolean knows(String field) {
        return this == FORM_INPUT || requiredFields.contains(field) || optionalFields.contains(field);
    }

    /** Whether rows become events of a person. */
    public boolean isEvent() {
        return byNameLayout != null;
    }

    /** The built-in by-name layout of an event kind; empty for the other kinds. */
    public Optional<ByNameLayout> byNameLayout() {
        return Optional.ofNullable(byNameLayout);
    }

    public static RowKind of(String name) {
        String n = name.strip();
        for (RowKind t : values()) {
            if (t.typeName.equalsIgnoreCase(n) || t.name().equalsIgnoreCase(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown layout target '" + name + "'");
    }

    @Override
    public String toString() {
        return typeName.toLowerCase(Locale.ROOT);
    }
}
