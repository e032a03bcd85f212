package id.spm.rules.model;

/** Jenis kelamin: L (laki-laki) or P (perempuan). */
public enum Sex {
    MALE,
    FEMALE
}
