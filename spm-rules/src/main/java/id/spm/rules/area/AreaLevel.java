package id.spm.rules.area;

/** Levels of the SPM area hierarchy, top down (digest §9 "Denominators"). */
public enum AreaLevel {
    PROVINCE,
    DISTRICT,
    KECAMATAN,
    PUSKESMAS
}
