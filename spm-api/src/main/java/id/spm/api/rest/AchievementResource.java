package id.spm.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.Problem;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.PersonPage;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonAccessAudit;
import id.spm.api.security.Roles;
import id.spm.api.service.AchievementService;
import id.spm.api.service.PersonOutcomeService;
import id.spm.api.service.SubmissionService;
import id.spm.api.service.TargetService;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/achievements")
@Tag(name = "Achievements", description = "SPM figures per area and period, computed from stored records with spm-rules")
@Produces(MediaType.APPLICATION_JSON)
public class AchievementResource {

    static final String REPORT_EXAMPLE = """
            {"area":"73.18","areaName":"Kabupaten Tana Toraja","level":"DISTRICT","period":"2025-Q2","ruleSet":"PMK-6-2024",
            "dataVersion":17,"computedAt":"2025-07-02T08:15:00+08:00","sectorIndex":71.36,"sectorCategory":"Tuntas Madya",
            "leftOut":[{"serviceCode":"1.02.02.2.02.0012","reasons":[{"code":"DENOMINATOR_MISSING","message":"no sasaran for 73.18","clause":"PMK-6-2024 §9"}]}],
            "services":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","name":"Pelayanan kesehatan ibu hamil",
            "numerator":3571,"denominator":{"amount":4820,"status":"AVAILABLE","method":"OWN","sources":["BPS_PROJECTION"],
            "explanation":"own sasaran 4820 (Proyeksi BPS)"},"coveragePercent":74.09,"penerimaPercent":74.09,"qualityPercent":62.50,
            "index":71.77,"category":"Tuntas Madya","byName":{"counted":3571,"notCounted":1102,"pending":640,"excluded":61},
            "aggregateFrom":[],"mutuStatus":"PROVIDED","reasons":[],"assumptions":[],
            "gap":{"toFullCoverage":1249,"nextCategory":"Tuntas Utama","toNextCategory":496}}],
            "children":[{"code":"73.18.01","name":"Salupputti","href":"/api/v1/achievements?area=73.18.01&year=2025&quarter=2"}]}""";

    /** The counter of answered {@code GET /achievements}, tagged {@code path=memory|worker}. */
    public static final String ANSWERED = "spm.achievements.answered";

    private final AchievementService achievements;
    private final PersonOutcomeService persons;
    private final SubmissionService submissions;
    private final CallerScope scope;
    private final PersonAccessAudit audit;
    private final TargetService targets;
    /** Issue 13: GET /achievements answered from memory on the event loop, or on a worker thread (metrics). */
    private final Counter fromMemory;
    private final Counter onWorker;

    public AchievementResource(AchievementService achievements, PersonOutcomeService persons,
            SubmissionService submissions, CallerScope scope, PersonAccessAudit audit, TargetService targets,
            MeterRegistry meters) {
        this.fromMemory = Counter.builder(ANSWERED).tag("path", "memory")
                .description("GET /api/v1/achievements answered from memory on the event loop").register(meters);
        this.onWorker = Counter.builder(ANSWERED).tag("path", "worker")
                .description("GET /api/v1/achievements answered on a worker thread (read or computed)").register(meters);
        this.targets = targets;
        this.achievements = achievements;
        this.persons = persons;
        this.submissions = submissions;
        this.scope = scope;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getAchievements", summary = "Numerator, sasaran, coverage, mutu, IPSPM and category per service, and the sector index", description = "For a Puskesmas, kecamatan, district or province. Computed from stored events with spm-rules on first request after any data change (data_version), then served from the cache. Quarters are cumulative from January against the annual sasaran.")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a report read before: 304 Not Modified while its data, rule set and submission are unchanged", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The area's achievements", headers = {
            @Header(name = "ETag", description = "Changes when the area's data versions, the rule set or its parameters, or the submission change", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "private, no-cache: revalidate with If-None-Match", schema = @Schema(type = SchemaType.STRING)) }, content = @Content(schema = @Schema(implementation = AchievementReport.class), examples = @ExampleObject(name = "district", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match; nothing was computed", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid area or period (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_PARAMETER, AREA_TOO_WIDE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas, or no Puskesmas registered in it (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> achievements(
            @Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(description = "1–4 (cumulative from January); absent for the year", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @Context Request request) {
        return Uni.createFrom().deferred(() -> {
            String code = AreaCodeParam.normalize(area);
            Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
            // Issue 13: a report whose versions, unit, region and JSON are all in memory is answered here, on the event
            // loop, with the same access check, tag and body as below; anything else goes to a worker thread.
            if (AreaAccess.decidableInMemory(scope, code)) {
                SubmissionService.AchievementsView fast = submissions.viewFromMemory(code, period);
                if (fast != null) {
                    AreaAccess.require(scope, code);
                    fromMemory.increment();
                    return Uni.createFrom().item(ConditionalGet.respond(request, fast.tag(), fast::body));
                }
            }
            return OnWorker.call(() -> {
                AreaAccess.require(scope, code);
                onWorker.increment();
                // The tag reads data versions only: an unchanged report is answered 304 before anything is computed.
                // The body reuses the versions the tag read (issue 13) and, cached, the report's JSON as serialised once.
                SubmissionService.AchievementsView view = submissions.achievementsView(code, period);
                return ConditionalGet.respond(request, view.tag(), view::body);
            });
        });
    }

    @GET
    @Path("/{area}/{year}/services/{code}/persons")
    @RolesAllowed({ "analyst", "admin" })
    @Operation(operationId = "listNotCountedPersons", summary = "Who is not counted and why (analysts)", description = "Pseudonymous person keys with reason codes and sentences, paged. status: not-counted (default), pending or excluded. "
            + "Every list sent is recorded in the audit trail; a 304 sends none and is not recorded.")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of this page read before: 304 Not Modified while the district's data, registry and rule set are unchanged", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of persons", headers = {
            @Header(name = "ETag", description = "Changes when the district's data versions, registry, rule set or its parameters change", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "private, no-cache: revalidate with If-None-Match", schema = @Schema(type = SchemaType.STRING)) }, content = @Content(schema = @Schema(implementation = PersonPage.class), examples = @ExampleObject(name = "not counted", value = """
                    {"area":"73.18.01","period":"2025","serviceCode":"1.02.02.2.02.0001","status":"NOT_COUNTED","page":0,"size":50,"total":1,
                    "persons":[{"person":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2","subject":"hpht=2024-04-02",
                    "puskesmas":"P7318010101","reasons":[{"code":"ANC_T2_VISITS","message":"1 visit in trimester 2, 2 required","clause":"PMK-6-2024 §9.1"}]}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match; nothing was read or computed", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (INVALID_STATUS, UNKNOWN_SERVICE, AREA_TOO_WIDE, INVALID_PARAMETER, VALIDATION_FAILED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst (ROLE_FORBIDDEN) or area outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response persons(@Parameter(example = "73.18.01") @PathParam("area") String area,
            @Parameter(example = "2025") @PathParam("year") @Min(2015) @Max(2035) int year,
            @Parameter(example = "1.02.02.2.02.0001") @PathParam("code") String code,
            @Parameter(example = "not-counted") @QueryParam("status") @DefaultValue("not-counted") String status,
            @Parameter(example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @Context Request request) {
        scope.requireRole(Roles.ANALYST);
        String a = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, a);
        Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        SpmService service = TargetService.service(code);
        Status st = PersonOutcomeService.status(status);
        PersonOutcomeService.requireListable(a);
        // Cheap polling (issue 15: "on every later report"): the tag reads versions only; a 304 reads no person.
        return ConditionalGet.respond(request, persons.tag(a, period, service, st, page, size, scope.areas()), () -> {
            PersonPage result = persons.page(a, period, service, st, page, size);
            audit.record(scope.subject(), PersonAccessAudit.Action.PERSON_LIST, null, a, targets.kabkotaOf(a), year,
                    result.serviceCode(), PersonAccessAudit.Outcome.FOUND, result.persons().size());
            return result;
        });
    }
}
