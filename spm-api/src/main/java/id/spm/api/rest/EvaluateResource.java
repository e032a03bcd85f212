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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.mapping.DecisionMapper;
import id.spm.api.rest.dto.EvaluateRequest;
import id.spm.api.rest.dto.EvaluateResponse;
import id.spm.api.service.ApiException;
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

    @POST
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(summary = "Evaluate posted persons and events: each decision with its reasons", description = "Stateless: the body is evaluated with spm-rules and forgotten. Person ids should already be pseudonymous; never send a NIK.")
    @RequestBody(content = @Content(schema = @Schema(implementation = EvaluateRequest.class), examples = @ExampleObject(name = "one mother", value = """
            {"year":2025,"persons":[{"id":"p-3f2a9c","birthDate":"1996-05-14","sex":"P","puskesmas":"P7318010101",
            "ancVisits":[{"date":"2025-01-10","puskesmas":"P7318010101","examiner":"DOCTOR","usg":true,"tenT":null}],
            "pregnancyOutcomes":[]}]}""")))
    @APIResponse(responseCode = "200", description = "Decisions per person", content = @Content(schema = @Schema(implementation = EvaluateResponse.class), examples = @ExampleObject(name = "decisions", value = """
            {"period":"2025","ruleSet":"PMK-6-2024","persons":[{"id":"p-3f2a9c","decisions":[
            {"serviceCode":"1.02.02.2.02.0006","service":"PRODUCTIVE_AGE","status":"NOT_COUNTED","subject":"","puskesmas":"P7318010101",
            "reasons":[{"code":"PRODUCTIVE_NO_SCREENING","message":"No risk-factor screening in 2025","clause":"PMK-6-2024 §9.6"}],"assumptions":[]}]}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid body (VALIDATION_FAILED, MALFORMED_JSON, INVALID_INPUT) or unknown rule set (UNKNOWN_RULE_SET)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EvaluateResponse evaluate(@Valid @NotNull EvaluateRequest body) {
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
