package id.spm.rules.internal.rules;

import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.SpmService;
import id.spm.rules.internal.Context;
import id.spm.rules.internal.ServiceRule;
import id.spm.rules.model.PersonRecord;

/** PLACEHOLDER: being written. */
public final class NewbornRule implements ServiceRule {

    @Override
    public SpmService service() {
        return SpmService.NEWBORN;
    }

    @Override
    public List<Decision> decide(PersonRecord person, Context context) {
        return List.of();
    }
}
