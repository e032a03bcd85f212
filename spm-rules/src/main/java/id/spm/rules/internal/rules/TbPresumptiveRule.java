package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.Assumption;
import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

/**
 * Service 11, terduga TBC (digest §2.11, §9.11). Recipients: presumed TB on a date in [1 Jan, E].
 * Counted when a TCM, microscopy or radiology examination (from any of the person's rows) is dated on
 * or after the earliest presumption date in the period and on or before E. The order "TCM first" is
 * reported as a note when the first examination was another kind; it does not decide.
 */
public final class TbPresumptiveRule implements ServiceRule {

    static final String EXAM_MISSING = "TB_EXAM_MISSING";
    static final String EXAM_BEFORE_PRESUMPTION = "TB_EXAM_BEFORE_PRESUMPTION";
    static final String NOT_TCM_FIRST = "TB_NOT_TCM_FIRST";

    @Override
    public SpmService service() {
        return SpmService.TB_PRESUMPTIVE;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<TbPresumption> rows = person.tbPresumptions();
        if (rows.isEmpty()) {
            return List.of();
        }
        int size = rows.size();
        LocalDate start = ctx.start();
        LocalDate end = ctx.end();
        LocalDate presumed = null;
        for (int i = 0; i < size; i++) {
            LocalDate d = rows.get(i).presumedDate();
            if (!d.isBefore(start) && !d.isAfter(end) && (presumed == null || d.isBefore(presumed))) {
                presumed = d;
            }
        }
        if (presumed == null) {
            return List.of();
        }
        LocalDate firstDate = null;
        TbExamType firstType = null;
        LocalDate earlierExam = null;
        for (int i = 0; i < size; i++) {
            TbPresumption r = rows.get(i);
            LocalDate d = r.examDate();
            if (d == null || d.isAfter(end)) {
                continue;
            }
            if (d.isBefore(presumed)) {
                if (earlierExam == null || d.isAfter(earlierExam)) {
                    earlierExam = d;
                }
                continue;
            }
            // Earliest examination; on one date TCM ranks first (enum order).
            int c = firstDate == null ? -1 : d.compareTo(firstDate);
            if (c < 0 || (c == 0 && r.examType().ordinal() < firstType.ordinal())) {
                firstDate = d;
                firstType = r.examType();
            }
        }
        String puskesmas = Attribution.latest(end, rows);
        if (firstDate != null) {
            List<Assumption> notes = firstType == TbExamType.TCM ? List.of()
                    : List.of(new Assumption(NOT_TCM_FIRST, "first supporting examination was " + label(firstType)
                            + " on " + firstDate + ", not TCM; the order is reported, not decided (§9.11)"));
            return List.of(new Decision.Counted(SpmService.TB_PRESUMPTIVE, "", puskesmas, notes));
        }
        String clause = ctx.clause("§9.11");
        Reason reason = earlierExam != null
                ? new Reason(EXAM_BEFORE_PRESUMPTION,
                        "examinations are dated only before the earliest presumption in the period (latest "
                                + earlierExam + ", presumed " + presumed + ")",
                        clause)
                : new Reason(EXAM_MISSING, "no TCM, microscopy or radiology examination from " + presumed
                        + " (presumed) to " + end, clause);
        return List.of(new Decision.NotCounted(SpmService.TB_PRESUMPTIVE, "", puskesmas, List.of(reason), List.of()));
    }

    private static String label(TbExamType t) {
        return switch (t) {
            case TCM -> "TCM";
            case MICROSCOPY -> "microscopy";
            case RADIOLOGY -> "radiology";
        };
    }
}
