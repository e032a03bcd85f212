package id.spm.api.model;

/** Where a sasaran figure comes from (digest §5). */
public enum TargetSource {
    BPS_PROJECTION,
    REAL_DATA,
    PREVALENCE,
    TB_FORMULA,
    DECREE
}
