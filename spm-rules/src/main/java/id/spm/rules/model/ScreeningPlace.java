package id.spm.rules.model;

/** Tempat of {@code asik-skrining}. */
public enum ScreeningPlace {
    PUSKESMAS,
    POSYANDU,
    POSBINDU,
    HOME_VISIT,
    OTHER
}
