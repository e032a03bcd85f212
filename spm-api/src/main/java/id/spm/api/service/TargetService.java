package id.spm.api.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.spm.api.area.AreaCodes;
import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.entity.Target;
import id.spm.api.error.ApiException;
import id.spm.api.model.TargetDto;
import id.spm.api.repository.DataVersions;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.SpmService;
import io.quarkus.panache.common.Sort;

/** Sasaran: set (each figure kept with its provenance; the latest is in force) and list. */
@ApplicationScoped
public class TargetService {

    private final CallerScope scope;

    public TargetService(CallerScope scope) {
        this.scope = scope;
    }

    @Transactional
    public TargetDto set(TargetDto in) {
        String area = AreaCodes.normalize(in.area());
        AreaAccess.require(scope, area);
        String kabkota = kabkotaOf(area);
        SpmService service = service(in.serviceCode());
        Target t = new Target();
        t.areaCode = area;
        t.kabkotaCode = kabkota;
        t.year = (short) in.year();
        t.serviceCode = service.code();
        t.amount = in.amount();
        t.source = in.source();
        t.note = in.note();
        t.createdBy = scope.subject();
        t.persist();
        DataVersions.bump(Target.getEntityManager(), kabkota, in.year());
        return dto(t);
    }

    /** Every figure of the area (and below) and year, newest first per area and service. */
    public List<TargetDto> list(String rawArea, int year, String serviceCode) {
        String area = AreaCodes.normalize(rawArea);
        AreaAccess.require(scope, area);
        String q = "year = ?1 and (areaCode = ?2 or areaCode like ?3)";
        List<Target> rows = serviceCode == null || serviceCode.isBlank()
                ? Target.list(q, Sort.by("areaCode").and("serviceCode").and("createdAt", Sort.Direction.Descending)
                        .and("id", Sort.Direction.Descending), (short) year, area, area + ".%")
                : Target.list(q + " and serviceCode = ?4",
                        Sort.by("areaCode").and("createdAt", Sort.Direction.Descending).and("id",
                                Sort.Direction.Descending),
                        (short) year, area, area + ".%", service(serviceCode).code());
        return rows.stream().filter(t -> scope.covers(t.areaCode)).map(TargetService::dto).toList();
    }

    /** The kab/kota of a district, kecamatan or Puskesmas code; 404 when unknown. */
    public static String kabkotaOf(String area) {
        if (AreaCodes.isPuskesmas(area)) {
            Puskesmas p = Puskesmas.findById(area);
            if (p == null) {
                throw ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + area + ".");
            }
            return p.kabkotaCode;
        }
        if (area.equals(AreaCodes.NATIONAL) || AreaCodes.level(area) < 2) {
            throw ApiException.badRequest("NOT_A_DISTRICT_AREA",
                    area + " is not within one kab/kota; sasaran are set per district, kecamatan or Puskesmas.");
        }
        if (Region.findById(area) == null) {
            throw ApiException.notFound("REGION_NOT_FOUND", "No Kemendagri region " + area + ".");
        }
        return AreaCodes.kabkota(area);
    }

    public static SpmService service(String code) {
        try {
            return SpmService.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("UNKNOWN_SERVICE",
                    "Unknown service '" + code + "'; use a code of GET /api/v1/services.");
        }
    }

    static TargetDto dto(Target t) {
        return new TargetDto(t.id, t.areaCode, t.year, t.serviceCode, t.amount, t.source, t.note, t.createdAt,
                t.createdBy);
    }
}
