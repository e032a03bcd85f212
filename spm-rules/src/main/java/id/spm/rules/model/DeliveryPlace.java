package id.spm.rules.model;

/** Tempat Persalinan. RS, Puskesmas, Klinik and PMB are health facilities (fasyankes). */
public enum DeliveryPlace {
    HOSPITAL,
    PUSKESMAS,
    CLINIC,
    MIDWIFE_PRACTICE,
    HOME,
    OTHER;

    public boolean isFacility() {
        return this == HOSPITAL || this == PUSKESMAS || this == CLINIC || this == MIDWIFE_PRACTICE;
    }
}
