package id.spm.rules.model;

/** Supporting examinations for presumptive TB, in the order the standard prefers them. */
public enum TbExamType {
    TCM,
    MICROSCOPY,
    RADIOLOGY
}
