package id.spm.api.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.mapping.DecisionMapper;
import id.spm.api.model.EvaluateRequest;
import id.spm.api.model.EvaluateResponse;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.model.PersonRecord;

@Path("/api/v1/evaluate")
@Tag(name = "Evaluate", description = "Check your own records against the rules; nothing is stored")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluateResource {

    /** Persons per request (spm.api.evaluate.max-persons). */
    final int maxPersons;
    /** Events of one person, all kinds together (spm.api.evaluate.max-events-per-person). */
    final int maxEventsPerPerson;

    public EvaluateResource(@ConfigProperty(name = "spm.api.evaluate.max-persons", defaultValue = "10000") int maxPersons,
            @ConfigProperty(name = "spm.api.evaluate.max-events-per-person", defaultValue = "10000") int maxEventsPerPerson) {
        this.maxPersons = maxPersons;
        this.maxEventsPerPerson = maxEventsPerPerson;
    }

    @POST
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "evaluate", summary = "Evaluate posted persons and events: each decision with its reasons", description = "Stateless: the body is evaluated with spm-rules and forgotten. Person ids should already be pseudonymous; never send a NIK. "
            + "Bounded: a body of at most spm.api.max-json-bytes (10 MB), at most spm.api.evaluate.max-persons (10,000) persons "
            + "and spm.api.evaluate.max-events-per-person (10,000) events per person; null entries in any list are refused.")
    @RequestBody(content = @Content(schema = @Schema(implementation = EvaluateRequest.class), examples = @ExampleObject(name = "one mother", value = """
            {"year":2025,"persons":[{"id":"p-3f2a9c","birthDate":"1996-05-14","sex":"FEMALE","puskesmas":"P7318010101",
            "ancVisits":[{"date":"2025-01-10","puskesmas":"P7318010101","examiner":"DOCTOR","usg":true,
            "tenT":["WEIGHT_HEIGHT","BLOOD_PRESSURE","LILA","FUNDAL_HEIGHT","FETAL_PRESENTATION_HEART_RATE","TETANUS_SCREENING","IRON_TABLETS","LABORATORY","CASE_MANAGEMENT","COUNSELLING"]}],
            "pregnancyOutcomes":[]}]}""")))
    @APIResponse(responseCode = "200", description = "Decisions per person", content = @Content(schema = @Schema(implementation = EvaluateResponse.class), examples = @ExampleObject(name = "decisions", value = """
            {"period":"2025","ruleSet":"PMK-6-2024","persons":[{"id":"p-3f2a9c","decisions":[
            {"serviceCode":"1.02.02.2.02.0006","service":"PRODUCTIVE_AGE","status":"NOT_COUNTED","subject":"","puskesmas":"P7318010101",
            "reasons":[{"code":"PRODUCTIVE_NO_SCREENING","message":"No risk-factor screening in 2025","clause":"PMK-6-2024 §9.6"}],"assumptions":[]}]}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid body: a field that does not bind or breaks a rule, a null entry (VALIDATION_FAILED, naming the field, e.g. persons[0]), not JSON (MALFORMED_JSON, with line and column), an event the rules refuse (INVALID_INPUT), or an unknown rule set (UNKNOWN_RULE_SET)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too large: the body (BODY_TOO_LARGE), the persons (TOO_MANY_PERSONS) or one person's events (TOO_MANY_EVENTS)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EvaluateResponse evaluate(@Valid @NotNull EvaluateRequest body) {
        if (body.persons().size() > maxPersons) {
            throw new ApiException(413, "TOO_MANY_PERSONS", "Too many persons", body.persons().size()
                    + " persons in one request; at most " + maxPersons + " (spm.api.evaluate.max-persons).");
        }
        for (int i = 0; i < body.persons().size(); i++) {
            long events = body.persons().get(i).eventCount();
            if (events > maxEventsPerPerson) {
                throw new ApiException(413, "TOO_MANY_EVENTS", "Too many events", "persons[" + i + "] has " + events
                        + " events; at most " + maxEventsPerPerson + " per person (spm.api.evaluate.max-events-per-person).");
            }
        }
        Period period = body.quarter() == null || body.quarter() == 0 ? Period.ofYear(body.year())
                : Period.ofQuarter(body.year(), body.quarter());
        RuleSet ruleSet = body.ruleSet() == null || body.ruleSet().isBlank()
                ? RuleSets.forPeriod(period).orElseThrow(
                        () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."))
                : RuleSets.byId(body.ruleSet()).orElseThrow(() -> ApiException.badRequest("UNKNOWN_RULE_SET",
                        "Unknown rule set '" + body.ruleSet() + "'; see GET /api/v1/services."));
        Evaluator evaluator = new Evaluator(ruleSet);
        List<EvaluateResponse.PersonDecisions> out = new ArrayList<>(body.persons().size());
        for (EvaluateRequest.PersonInput p : body.persons()) {
            PersonRecord record = p.toRecord();
            out.add(new EvaluateResponse.PersonDecisions(p.id(),
                    evaluator.decisions(record, period).stream().map(DecisionMapper::dto).toList()));
        }
        return new EvaluateResponse(period.label(), ruleSet.id(), out);
    }
}
