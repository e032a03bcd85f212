package id.spm.api.rest;

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

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.Problem;
import id.spm.api.model.WhatIfRequest;
import id.spm.api.model.WhatIfResult;
import id.spm.api.security.CallerScope;
import id.spm.api.security.PersonAccessAudit;
import id.spm.api.security.Roles;
import id.spm.api.service.TargetService;
import id.spm.api.service.WhatIfService;

@Path("/api/v1/what-if")
@Tag(name = "Over time", description = "Year over year, quarterly trends and their charts, what-if, submission diffs, next year's targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    static final String REQUEST = """
            {"area":"73.18","year":2025,"overrides":{"screening.ivaDecides":"true"},"personLimit":50}""";

    static final String EXAMPLE = """
            {"area":"73.18","period":"2025","ruleSet":"PMK-6-2024",
            "overrides":[{"name":"screening.ivaDecides","current":"false","whatIf":"true"}],
            "sectorIndex":71.36,"whatIfSectorIndex":70.12,"sectorCategory":"Tuntas Madya","whatIfSectorCategory":"Tuntas Madya",
            "services":[{"serviceCode":"1.02.02.2.02.0006","service":"PRODUCTIVE_AGE",
            "current":{"period":"2025","ruleSet":"PMK-6-2024","categoryScheme":"BANDS-20","numerator":5120,"sasaran":9800,"sasaranSources":["BPS_PROJECTION"],"coveragePercent":52.24,"penerimaPercent":52.24,"qualityPercent":80.00,"index":57.79,"category":"Tuntas Muda"},
            "whatIf":{"period":"2025","ruleSet":"PMK-6-2024","categoryScheme":"BANDS-20","numerator":4808,"sasaran":9800,"sasaranSources":["BPS_PROJECTION"],"coveragePercent":49.06,"penerimaPercent":49.06,"qualityPercent":80.00,"index":55.25,"category":"Tuntas Muda"},
            "numeratorChange":-312,"indexChange":-2.54}],
            "personsChanged":312,"truncated":true,
            "persons":[{"person":"9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2","serviceCode":"1.02.02.2.02.0006",
            "service":"PRODUCTIVE_AGE","subject":"","puskesmas":"P7318010101","before":{"status":"COUNTED","reasons":[]},
            "after":{"status":"NOT_COUNTED","reasons":[{"code":"PRODUCTIVE_IVA_SADANIS","message":"no IVA/SADANIS for women aged 30–50 (screening.ivaDecides=true)","clause":"PMK-6-2024 §9.6"}]}}]}""";

    private final WhatIfService whatIf;
    private final CallerScope scope;
    private final PersonAccessAudit audit;
    private final TargetService targets;

    public WhatIfResource(WhatIfService whatIf, CallerScope scope, PersonAccessAudit audit, TargetService targets) {
        this.whatIf = whatIf;
        this.scope = scope;
        this.audit = audit;
        this.targets = targets;
    }

    @POST
    @RolesAllowed({ "analyst", "admin" })
    @Operation(operationId = "runWhatIf", summary = "Figures under other rule-set parameters beside the current ones, and whose decision changes (analysts)", description = "Overrides name any published parameter (GET /api/v1/services, e.g. screening.ivaDecides, index.categories, antenatal.minVisits) with a value written as published. The figures are computed with spm-rules from the stored records, as GET /achievements is, and nothing is stored. Persons are pseudonymous keys with both decisions' reasons.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WhatIfRequest.class), examples = @ExampleObject(name = "IVA decides", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Current and what-if figures, and the changed persons", content = @Content(schema = @Schema(implementation = WhatIfResult.class), examples = @ExampleObject(name = "IVA decides", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown parameter or a value it cannot take, located in violations (INVALID_OVERRIDE), or invalid fields (VALIDATION_FAILED, NO_RULE_SET, AREA_TOO_WIDE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst (ROLE_FORBIDDEN) or area outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area, or no Puskesmas registered in it (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WhatIfResult run(@Valid @NotNull WhatIfRequest body) {
        scope.requireRole(Roles.ANALYST);
        WhatIfResult r = whatIf.run(body);
        String area = AreaCodeParam.normalize(body.area());
        audit.record(scope.subject(), PersonAccessAudit.Action.PERSON_LIST, null, area,
                AreaCodeParam.isPuskesmas(area) || AreaCodeParam.level(area) >= 2 ? targets.kabkotaOf(area) : null,
                body.year(), null, PersonAccessAudit.Outcome.FOUND, r.persons().size());
        return r;
    }
}
