package id.spm.api.mapping;

import java.time.LocalDate;

import id.spm.api.model.DecisionDto;
import id.spm.rules.Decision;

/** Decisions of the rules as DTOs. */
public final class DecisionMapper {

    private DecisionMapper() {
    }

    public static DecisionDto dto(Decision d) {
        LocalDate judgedOn = d instanceof Decision.Pending p ? p.judgedOn() : null;
        return new DecisionDto(d.service().code(), d.service().name(), d.status().name(), d.subject(), d.puskesmas(),
                judgedOn,
                d.reasons().stream().map(r -> new DecisionDto.ReasonDto(r.code(), r.message(), r.clause())).toList(),
                d.assumptions().stream().map(a -> new DecisionDto.AssumptionDto(a.code(), a.message())).toList());
    }
}
