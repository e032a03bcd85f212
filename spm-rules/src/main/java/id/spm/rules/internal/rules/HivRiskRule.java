package id.spm.rules.internal.rules;

import java.time.LocalDate;
import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Attribution;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.PersonRecord;

/**
 * Service 12, risiko HIV (digest §2.12, §9.12). Recipients: recorded in a risk group on a date,
 * recorded or tested, in [1 Jan, E]. Counted when an R1 test is dated in [1 Jan, E]; R2 and R3 are
 * confirmatory and do not count.
 */
public final class HivRiskRule implements ServiceRule {

    static final String R1_MISSING = "HIV_R1_TEST_MISSING";

    @Override
    public SpmService service() {
        return SpmService.HIV_RISK;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<HivRiskRecord> rows = person.hivRiskRecords();
        if (rows.isEmpty()) {
            return List.of();
        }
        int size = rows.size();
        LocalDate start = ctx.start();
        LocalDate end = ctx.end();
        boolean recipient = false;
        boolean r1 = false;
        HivTestType otherType = null;
        LocalDate otherDate = null;
        for (int i = 0; i < size; i++) {
            HivRiskRecord r = rows.get(i);
            LocalDate t = r.testDate();
            LocalDate rec = r.recordedDate();
            boolean tested = t != null && !t.isBefore(start) && !t.isAfter(end);
            recipient |= tested || (!rec.isBefore(start) && !rec.isAfter(end));
            if (tested) {
                if (r.testType() == HivTestType.R1) {
                    r1 = true;
                } else if (otherDate == null || r.testDate().isBefore(otherDate)) {
                    otherDate = r.testDate();
                    otherType = r.testType();
                }
            }
        }
        if (!recipient) {
            return List.of();
        }
        String puskesmas = attribution(rows, end);
        if (r1) {
            return List.of(new Decision.Counted(SpmService.HIV_RISK, "", puskesmas, List.of()));
        }
        String msg = "no R1 test" + ctx.span()
                + (otherDate == null ? "" : " (" + otherType + " on " + otherDate + " does not count)");
        return List.of(new Decision.NotCounted(SpmService.HIV_RISK, "", puskesmas,
                List.of(new Reason(R1_MISSING, msg, ctx.clause("§9.12"))), List.of()));
    }

    /**
     * §9 General: the latest row dated (by its recording date) on or before E. A recipient whose only
     * rows were recorded after E but tested within the period falls back to the test dates, so every
     * recipient is attributed.
     */
    private static String attribution(List<HivRiskRecord> rows, LocalDate end) {
        String p = Attribution.latest(end, rows);
        if (p != null) {
            return p;
        }
        LocalDate best = null;
        for (int i = 0, size = rows.size(); i < size; i++) {
            HivRiskRecord r = rows.get(i);
            LocalDate d = r.testDate();
            if (d == null || d.isAfter(end)) {
                continue;
            }
            if (Attribution.wins(d, r.puskesmas(), best, p)) {
                best = d;
                p = r.puskesmas();
            }
        }
        return p;
    }
}
