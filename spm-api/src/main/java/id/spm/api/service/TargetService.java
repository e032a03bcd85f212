package id.spm.api.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.TargetRow;
import id.spm.api.error.ApiException;
import id.spm.api.model.TargetDto;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.repository.TargetRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.SpmService;

/** Sasaran: set (each figure kept with its provenance; the latest is in force) and list. */
@ApplicationScoped
public class TargetService {

    private final CallerScope scope;
    private final TargetRepository targets;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final DataVersionRepository versions;
    private final ChangeEvents changes;

    public TargetService(CallerScope scope, TargetRepository targets, PuskesmasRepository registry,
            RegionRepository regions, DataVersionRepository versions, ChangeEvents changes) {
        this.changes = changes;
        this.scope = scope;
        this.targets = targets;
        this.registry = registry;
        this.regions = regions;
        this.versions = versions;
    }

    @Transactional
    public TargetDto set(TargetDto in) {
        String area = AreaCodeParam.normalize(in.area());
        AreaAccess.require(scope, area);
        String kabkota = kabkotaOf(area);
        SpmService service = service(in.serviceCode());
        TargetRow t = new TargetRow();
        t.areaCode = area;
        t.kabkotaCode = kabkota;
        t.year = (short) in.year();
        t.serviceCode = service.code();
        t.amount = in.amount();
        t.source = in.source();
        t.note = in.note();
        t.createdBy = scope.subject();
        targets.add(t);
        changes.kind(ChangeEvents.TARGET_SET, area + " " + service.code());
        versions.bump(kabkota, in.year());
        return dto(t);
    }

    /** Every figure of the area (and below) and year, newest first per area and service. */
    public List<TargetDto> list(String rawArea, int year, String serviceCode) {
        String area = AreaCodeParam.normalize(rawArea);
        AreaAccess.require(scope, area);
        List<TargetRow> rows = targets.under(area, year,
                serviceCode == null || serviceCode.isBlank() ? null : service(serviceCode).code());
        return rows.stream().filter(t -> scope.covers(t.areaCode)).map(TargetService::dto).toList();
    }

    /** The kab/kota of a district, kecamatan or Puskesmas code; 404 when unknown. */
    public String kabkotaOf(String area) {
        if (AreaCodeParam.isPuskesmas(area)) {
            return registry.find(area).map(p -> p.kabkotaCode).orElseThrow(
                    () -> ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + area + "."));
        }
        if (area.equals(AreaCodeParam.NATIONAL) || AreaCodeParam.level(area) < 2) {
            throw ApiException.badRequest("NOT_A_DISTRICT_AREA",
                    area + " is not within one kab/kota; sasaran are set per district, kecamatan or Puskesmas.");
        }
        if (!regions.exists(area)) {
            throw ApiException.notFound("REGION_NOT_FOUND", "No Kemendagri region " + area + ".");
        }
        return AreaCodeParam.kabkota(area);
    }

    public static SpmService service(String code) {
        try {
            return SpmService.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("UNKNOWN_SERVICE",
                    "Unknown service '" + code + "'; use a code of GET /api/v1/services.");
        }
    }

    static TargetDto dto(TargetRow t) {
        return new TargetDto(t.id, t.areaCode, t.year, t.serviceCode, t.amount, t.source, t.note, t.createdAt,
                t.createdBy);
    }
}
