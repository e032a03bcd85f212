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
 * @param runningPregnancyMaxWeeks antenatal visits with no outcome recorded by E make a pregnancy still
 *        running (pending) when dated within this many weeks before E; older ones belong to a pregnancy
 *        whose end was never recorded and are not judged; 0 reports no running pregnancies [interpretation]
 */
public record AntenatalParameters(int trimester1MaxWeek, int trimester2MaxWeek, int minVisitsT1, int minVisitsT2,
        int minVisitsT3, boolean assumeTenTWhenNotRecorded, int runningPregnancyMaxWeeks) {

    /** A pregnancy lasts at most about 42 weeks from HPHT (post-term), so no visit older than that is of one still running. */
    public static final int DEFAULT_RUNNING_PREGNANCY_MAX_WEEKS = 42;

    public static final AntenatalParameters DEFAULT = new AntenatalParameters(12, 24, 1, 2, 3, false,
            DEFAULT_RUNNING_PREGNANCY_MAX_WEEKS);

    public AntenatalParameters {
        if (trimester1MaxWeek < 1 || trimester2MaxWeek <= trimester1MaxWeek) {
            throw new IllegalArgumentException("trimester bounds must increase");
        }
        if (minVisitsT1 < 0 || minVisitsT2 < 0 || minVisitsT3 < 0) {
            throw new IllegalArgumentException("visit counts must not be negative");
        }
        if (runningPregnancyMaxWeeks < 0) {
            throw new IllegalArgumentException("running pregnancy window must not be negative");
        }
    }

    /** The parameters without an explicit running-pregnancy window (the default of 42 weeks applies). */
    public AntenatalParameters(int trimester1MaxWeek, int trimester2MaxWeek, int minVisitsT1, int minVisitsT2,
            int minVisitsT3, boolean assumeTenTWhenNotRecorded) {
        this(trimester1MaxWeek, trimester2MaxWeek, minVisitsT1, minVisitsT2, minVisitsT3, assumeTenTWhenNotRecorded,
                DEFAULT_RUNNING_PREGNANCY_MAX_WEEKS);
    }

    public AntenatalParameters withAssumeTenTWhenNotRecorded(boolean assume) {
        return new AntenatalParameters(trimester1MaxWeek, trimester2MaxWeek, minVisitsT1, minVisitsT2, minVisitsT3,
                assume, runningPregnancyMaxWeeks);
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
                        "Count the 10T items as done when no visit of the pregnancy carries 10T columns", true),
                new Parameter("antenatal.runningPregnancyMaxWeeks", Integer.toString(runningPregnancyMaxWeeks),
                        "Antenatal visits with no outcome by E, dated within this many weeks before E, are a pregnancy"
                                + " still running: pending, judged in the year it ends (0: not reported)",
                        true));
    }
}
