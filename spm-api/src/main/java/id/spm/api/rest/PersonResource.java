package id.spm.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.PersonDecisions;
import id.spm.api.model.PersonLookupRequest;
import id.spm.api.model.PersonLookupResponse;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonAccessAudit;
import id.spm.api.security.PersonAccessAudit.Action;
import id.spm.api.security.PersonAccessAudit.Outcome;
import id.spm.api.security.Roles;
import id.spm.api.service.PersonDecisionService;
import id.spm.rules.Period;

@Path("/api/v1/persons")
@Tag(name = "Persons", description = "Why one person counts or does not (analysts): decisions, reasons, assumptions, rule set")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    static final String SCOPE = "A person is within your areas when your token covers the Puskesmas of any of their "
            + "stored events (any year) or decisions, or their registration Puskesmas or desa. Otherwise the answer "
            + "is 404 PERSON_NOT_FOUND, exactly as for an unknown person, so it never confirms that a person exists "
            + "elsewhere.";

    static final String DECISIONS_EXAMPLE = """
            {"personKey":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2","period":"2025","evaluationDate":"2025-12-31",
            "ruleSet":{"id":"PMK-6-2024","regulation":"Permenkes 6/2024","href":"/api/v1/services"},"eventsFromYear":2020,"eventsToYear":2025,
            "records":[{"kabkotaCode":"73.18","inComputation":true,
            "person":{"ageYears":29,"sex":"FEMALE","desaCode":"73.18.01.2010","puskesmasCode":"P7318010101"},
            "eventCounts":{"AncVisit":5,"PregnancyOutcome":1},
            "services":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","title":"Pelayanan kesehatan ibu hamil","decisions":[
            {"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","status":"NOT_COUNTED","subject":"hpht=2024-04-02","puskesmas":"P7318010101",
            "reasons":[{"code":"ANC_T2_VISITS","message":"1 visit in trimester 2, 2 required","clause":"PMK-6-2024 §9.1"}],"assumptions":[]}]},
            {"serviceCode":"1.02.02.2.02.0002","service":"DELIVERY","title":"Pelayanan kesehatan ibu bersalin","decisions":[
            {"serviceCode":"1.02.02.2.02.0002","service":"DELIVERY","status":"COUNTED","subject":"hpht=2024-04-02","puskesmas":"P7318010101",
            "reasons":[],"assumptions":[]}]},
            {"serviceCode":"1.02.02.2.02.0003","service":"NEWBORN","title":"Pelayanan kesehatan bayi baru lahir","decisions":[]}]}]}""";

    private final PersonDecisionService decisions;
    private final CallerScope scope;
    private final ObjectMapper mapper;
    private final PersonAccessAudit audit;

    public PersonResource(PersonDecisionService decisions, CallerScope scope, ObjectMapper mapper,
            PersonAccessAudit audit) {
        this.decisions = decisions;
        this.scope = scope;
        this.mapper = mapper;
        this.audit = audit;
    }

    @GET
    @Path("/{personKey}/decisions")
    @RolesAllowed({ "analyst", "admin" })
    @Operation(operationId = "getPersonDecisions", summary = "Why one person counts or does not, service by service (analysts)", description = "The person's stored record (person row and the events of the report year and the "
            + "spm.compute.lookback-years before it, as the achievements read them) evaluated with spm-rules under the "
            + "rule set in force for the period: for each of the 12 services every decision (COUNTED, PENDING, "
            + "NOT_COUNTED, EXCLUDED or NOT_RECIPIENT) with its subject, attributed Puskesmas, reasons (code, sentence, "
            + "clause) and assumptions; the rule set (its parameters at /api/v1/services) and the evaluation date E; "
            + "age at E, sex, desa and Puskesmas, and the events by type. Nothing identifying: no birth date, NIK or "
            + "name. " + SCOPE)
    @APIResponse(responseCode = "200", description = "The person's decisions", content = @Content(schema = @Schema(implementation = PersonDecisions.class), examples = @ExampleObject(name = "a mother", value = DECISIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid year, quarter or key (VALIDATION_FAILED), no rule set for the year (NO_RULE_SET)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown person, or outside your areas (PERSON_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonDecisions decisions(
            @Parameter(description = "Pseudonymous person key (from the person lists or POST /api/v1/persons/lookup)", example = "9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2") @PathParam("personKey") @Size(min = 1, max = 128) String personKey,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(description = "1–4 (cumulative from January); absent for the year", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter) {
        scope.requireRole(Roles.ANALYST);
        Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        try {
            PersonDecisions d = decisions.decisions(personKey, period, scope);
            audit.record(scope.subject(), Action.DECISIONS, personKey, null, d.records().get(0).kabkotaCode(), year,
                    null, Outcome.FOUND, d.records().size());
            return d;
        } catch (ApiException e) {
            audit.record(scope.subject(), Action.DECISIONS, personKey, null, decisions.singleDistrict(scope), year, null,
                    e.status() == 404 ? Outcome.NOT_FOUND : Outcome.REFUSED, null);
            throw e;
        }
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "analyst", "admin" })
    @Operation(operationId = "lookupPerson", summary = "The person key of a NIK (analysts)", description = "The NIK travels in the body, never in a URL (URLs end up in access logs); it is normalised as the importer does "
            + "(spaces, dots and a leading apostrophe removed; then 16 digits), keyed with the importer's secret, and "
            + "then forgotten: never logged, stored or returned. Every lookup is recorded in the audit trail "
            + "(GET /api/v1/audit/person-access) and limited per caller (spm.persons.lookups-per-minute). " + SCOPE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PersonLookupRequest.class), examples = @ExampleObject(name = "a NIK", value = """
            {"nik":"7318015706960002"}""")))
    @APIResponse(responseCode = "200", description = "The person's key", content = @Content(schema = @Schema(implementation = PersonLookupResponse.class), examples = @ExampleObject(name = "found", value = """
            {"personKey":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2"}""")))
    @APIResponse(responseCode = "400", description = "Not a 16-digit NIK (INVALID_NIK) or not JSON (MALFORMED_JSON)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too short", value = """
            {"type":"https://spm-kesehatan.id/problems/invalid-nik","title":"Invalid request","status":400,
            "detail":"A NIK has 16 digits; this one has 15.","instance":"/api/v1/persons/lookup","code":"INVALID_NIK"}""")))
    @APIResponse(responseCode = "403", description = "Not an analyst (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "More NIK lookups than spm.persons.lookups-per-minute (LOOKUP_RATE_LIMITED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person within your areas (PERSON_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonLookupResponse lookup(String body) {
        scope.requireRole(Roles.ANALYST);
        audit.admitLookup(scope.subject());
        PersonDecisionService.Found found;
        try {
            found = decisions.lookup(nik(body), scope);
        } catch (ApiException e) {
            audit.record(scope.subject(), Action.LOOKUP, null, null, decisions.singleDistrict(scope), null, null,
                    Outcome.REFUSED, null);
            throw e;
        }
        if (found.kabkotaCode() == null) {
            audit.record(scope.subject(), Action.LOOKUP, found.personKey(), null, decisions.singleDistrict(scope), null,
                    null, Outcome.NOT_FOUND, null);
            throw PersonDecisionService.personNotFound();
        }
        audit.record(scope.subject(), Action.LOOKUP, found.personKey(), null, found.kabkotaCode(), null, null,
                Outcome.FOUND, 1);
        return new PersonLookupResponse(found.personKey());
    }

    /**
     * Read by hand rather than bound: a parser's message can quote the offending token, and the NIK
     * must not reach a problem, a log line or an exception's message.
     */
    private String nik(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("INVALID_NIK", "Send {\"nik\": \"<16 digits>\"} as the body.");
        }
        try {
            return mapper.readValue(body, PersonLookupRequest.class).nik();
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The body is not {\"nik\": \"<16 digits>\"}.");
        }
    }
}
