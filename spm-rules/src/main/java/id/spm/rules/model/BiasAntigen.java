package id.spm.rules.model;

/** Antigens of the school immunisation month (BIAS). */
public enum BiasAntigen {
    MR,
    DT,
    TD
}
