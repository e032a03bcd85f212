package id.spm.rules.internal.rules;

import id.spm.rules.SpmService;
import id.spm.rules.model.PtmVisit;

/**
 * Service 9, penderita diabetes melitus (digest §2.9, §9.9): every month from the first required
 * month to E a PTM visit with clinical examination "yes" and a glucose result; education at least
 * once.
 */
public final class DiabetesRule extends MonthlyFollowUpRule {

    @Override
    public SpmService service() {
        return SpmService.DIABETES;
    }

    @Override
    boolean diagnosed(PtmVisit v) {
        return v.isDiabetes();
    }

    @Override
    boolean firstPart(PtmVisit v) {
        return Boolean.TRUE.equals(v.clinicalExam());
    }

    @Override
    boolean secondPart(PtmVisit v) {
        return v.glucoseResult() != null;
    }

    @Override
    String prefix() {
        return "DIABETES";
    }

    @Override
    String section() {
        return "§9.9";
    }

    @Override
    String qualifyingText() {
        return "clinical examination and a glucose result";
    }

    @Override
    boolean drugTherapyRule() {
        return false;
    }
}
