package id.spm.rules.internal;

import java.util.List;

import id.spm.rules.Decision;
import id.spm.rules.SpmService;
import id.spm.rules.model.PersonRecord;

/** The rule of one service. Implementations are stateless and pure. */
public interface ServiceRule {

    SpmService service();

    /**
     * The decisions for a person in a period: empty when the person is not a recipient; one per case
     * otherwise (one per pregnancy for services 1 and 2, one per person for the others).
     */
    List<Decision> decide(PersonRecord person, Context context);
}
