package id.spm.rules.compare;

/** The figure a direction is judged on. */
public enum Basis {
    /** IPSPM = %IP mutu × 20 % + %IP penerima × 80 % (digest §3): the default. */
    IPSPM,
    /** %IP penerima, used when %IP mutu (so the IPSPM) is missing in either period. */
    PENERIMA,
    /** Nothing to judge on: the figures are not comparable. */
    NONE
}
