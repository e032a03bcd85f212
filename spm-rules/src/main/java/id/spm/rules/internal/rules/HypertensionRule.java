package id.spm.rules.internal.rules;

import id.spm.rules.SpmService;
import id.spm.rules.model.PtmVisit;

/**
 * Service 8, penderita hipertensi (digest §2.8, §9.8): every month from the first required month to
 * E a PTM visit with systolic and diastolic pressure; education at least once; drug therapy at least
 * once if any systolic above 140 was recorded.
 */
public final class HypertensionRule extends MonthlyFollowUpRule {

    @Override
    public SpmService service() {
        return SpmService.HYPERTENSION;
    }

    @Override
    boolean diagnosed(PtmVisit v) {
        return v.isHypertension();
    }

    @Override
    boolean firstPart(PtmVisit v) {
        return v.systolic() != null;
    }

    @Override
    boolean secondPart(PtmVisit v) {
        return v.diastolic() != null;
    }

    @Override
    String prefix() {
        return "HYPERTENSION";
    }

    @Override
    String section() {
        return "§9.8";
    }

    @Override
    String qualifyingText() {
        return "systolic and diastolic pressure";
    }

    @Override
    boolean drugTherapyRule() {
        return true;
    }
}
