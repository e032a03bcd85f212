package id.spm.rules.model;

/** HIV rapid tests: R1 is the screening test the numerator needs. */
public enum HivTestType {
    R1,
    R2,
    R3
}
