package id.spm.rules;

import java.util.List;

/**
 * Service 1, ibu hamil (digest §2.1, §9.1).
 *
 * @param trimester1MaxWeek last completed week of trimester 1 (T1 if w ≤ this) [interpretation]
 * @param trimester2MaxWeek last completed week of trimester 2 (T2 if T1 < w ≤ this) [interpretation]
 * @param minVisitsT1 visits required in trimester 1
 * @param minVisitsT2 visits required in trimester 2
 * @param minVisitsT3 visits required in trimester 3
 * @param assumeTenTWhenNotRecorded count 10T as done when no visit carries 10T columns [interpretation]
 */
public record AntenatalParameters(int trimester1MaxWeek, int trimester2MaxWeek, int minVisitsT1, int minVisitsT2,
        int minVisitsT3, boolean assumeTenTWhenNotRecorded) {

    public static final AntenatalParameters DEFAULT = new AntenatalParameters(12, 24, 1, 2, 3, false);

    public AntenatalParameters {
        if (trimester1MaxWeek < 1 || trimester2MaxWeek <= trimester1MaxWeek) {
            throw new IllegalArgumentException("trimester bounds must increase");
        }
        if (minVisitsT1 < 0 || minVisitsT2 < 0 || minVisitsT3 < 0) {
            throw new IllegalArgumentException("visit counts must not be negative");
        }
    }

    public List<Parameter> describe() {
        return List.of(
                new Parameter("antenatal.trimester1MaxWeek", Integer.toString(trimester1MaxWeek),
                        "Trimester 1 while completed weeks since HPHT ≤ this (Buku KIA)", true),
                new Parameter("antenatal.trimester2MaxWeek", Integer.toString(trimester2MaxWeek),
                        "Trimester 2 while completed weeks ≤ this; trimester 3 after", true),
                new Parameter("antenatal.minVisits", minVisitsT1 + "-" + minVisitsT2 + "-" + minVisitsT3,
                        "Visits required in trimesters 1, 2 and 3 (K6)", false),
                new Parameter("antenatal.assumeTenTWhenNotRecorded", Boolean.toString(assumeTenTWhenNotRecorded),
                        "Count the 10T items as done when no visit of the pregnancy carries 10T columns", true));
    }
}
