package id.spm.rules.model;

/** Who examined at an antenatal visit (column Pemeriksa). */
public enum Examiner {
    DOCTOR,
    OBGYN,
    MIDWIFE,
    NURSE;

    /** Dokter or Dokter Sp.OG: the two doctor contacts of K6 need one of these. */
    public boolean isDoctor() {
        return this == DOCTOR || this == OBGYN;
    }
}
