package id.spm.rules.internal.rules;

import java.util.ArrayList;
import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.Reason;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Screening;

/**
 * Service 7, usia lanjut (digest §2.7, §9.7). Recipients are persons with a screening in [1 Jan, E] at
 * which they are aged 60 or over; only those screenings are read (a person who turns 60 in the year is
 * judged for service 6 on the earlier screenings). The Barthel band is reported through
 * {@link id.spm.rules.BarthelBand}; only a recorded score decides.
 */
public final class ElderlyRule implements ServiceRule {

    static final String PREFIX = "ELDERLY";
    private static final String[] CODES = ScreeningItem.codes(PREFIX);

    // §9.7: each recorded at least once over the recipient's screenings.
    private static final int REQUIRED = ScreeningItem.mask(ScreeningItem.WEIGHT, ScreeningItem.HEIGHT,
            ScreeningItem.WAIST, ScreeningItem.LILA, ScreeningItem.SYSTOLIC, ScreeningItem.DIASTOLIC,
            ScreeningItem.GLUCOSE, ScreeningItem.CHOLESTEROL, ScreeningItem.SKILAS, ScreeningItem.ADL_BARTHEL,
            ScreeningItem.RISKY_BEHAVIOUR, ScreeningItem.EDUCATION);

    @Override
    public SpmService service() {
        return SpmService.ELDERLY;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context ctx) {
        List<Screening> all = person.screenings();
        if (all.isEmpty()) {
            return List.of();
        }
        // The screenings at which aged 60 or over, and the attribution, in one pass.
        ScreeningPass pass = ScreeningPass.over(all, person.person().birthDate(), ctx.start(), ctx.end(),
                ctx.ruleSet().screening().elderlyMinAge(), Integer.MAX_VALUE);
        int n = pass.screenings();
        if (n == 0) {
            return List.of();
        }
        String puskesmas = pass.puskesmas();
        int missing = REQUIRED & ~pass.recorded();
        if (missing == 0) {
            return List.of(new Decision.Counted(SpmService.ELDERLY, "", puskesmas, List.of()));
        }
        List<Reason> reasons = new ArrayList<>(Integer.bitCount(missing));
        ScreeningItem.addMissing(reasons, missing, CODES, null, n, ctx, ctx.clause("§9.7"));
        return List.of(new Decision.NotCounted(SpmService.ELDERLY, "", puskesmas, reasons, List.of()));
    }
}
