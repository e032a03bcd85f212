package id.spm.rules.model;

/** Jenis Pemeriksaan Gula. */
public enum GlucoseTest {
    RANDOM_GDS,
    FASTING_GDP,
    HBA1C
}
