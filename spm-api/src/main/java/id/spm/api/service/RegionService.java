package id.spm.api.service;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.area.PuskesmasPlacement;
import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.error.ApiException;
import id.spm.api.model.CodeException;
import id.spm.api.model.PuskesmasDto;
import id.spm.api.model.RegionDto;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.DataVersions;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.security.CallerScope;
import id.spm.api.security.Roles;

/** Regions (reference data) and the Puskesmas registry. */
@ApplicationScoped
public class RegionService {

    private final CallerScope scope;
    private final RegionRepository regions;
    private final PuskesmasRepository registry;
    private final DataVersionRepository versions;

    public RegionService(CallerScope scope, RegionRepository regions, PuskesmasRepository registry,
            DataVersionRepository versions) {
        this.scope = scope;
        this.regions = regions;
        this.registry = registry;
        this.versions = versions;
    }

    public RegionDto region(String rawCode) {
        String code = AreaCodeParam.region(rawCode);
        Region r = regions.find(code).orElse(null);
        if (r == null) {
            throw ApiException.notFound("REGION_NOT_FOUND", "No Kemendagri region " + code + ".");
        }
        List<RegionDto.RegionRef> children = regions.children(code).stream()
                .map(c -> new RegionDto.RegionRef(c.code, c.name)).toList();
        List<PuskesmasDto> puskesmas = r.level == 2 || r.level == 3
                ? (r.level == 2 ? registry.inDistrict(code) : registry.inKecamatan(code)).stream()
                        .map(RegionService::dto).toList()
                : List.of();
        return new RegionDto(r.code, r.name, r.level, r.parentCode, children, puskesmas);
    }

    public List<PuskesmasDto> puskesmas(String rawArea) {
        if (rawArea == null || rawArea.isBlank()) {
            return registry.all().stream().filter(p -> scope.covers(p.code))
                    .map(RegionService::dto).toList();
        }
        // The registry is reference data: any area's Puskesmas are listed (RegionResource hides population).
        String area = AreaCodeParam.region(rawArea);
        return registry.under(area).stream().map(RegionService::dto).toList();
    }

    public PuskesmasDto puskesmasByCode(String rawCode) {
        String code = AreaCodeParam.normalize(rawCode);
        Puskesmas p = registry.find(code).orElse(null);
        if (p == null || !AreaCodeParam.isPuskesmas(code)) {
            throw ApiException.notFound("PUSKESMAS_NOT_FOUND", "No registered Puskesmas " + code + ".");
        }
        // Reference data: readable by any caller (RegionResource hides population outside the caller's areas).
        return dto(p);
    }

    /** Registers a Puskesmas; {@code replace} updates an existing one instead of refusing it. */
    @Transactional
    public PuskesmasDto register(PuskesmasDto in, boolean replace) {
        String code = in.code().strip().toUpperCase(java.util.Locale.ROOT);
        String kecamatan = AreaCodeParam.region(in.kecamatanCode());
        Region kec = regions.find(kecamatan).orElse(null);
        if (kec == null || kec.level != 3) {
            throw ApiException.badRequest("UNKNOWN_KECAMATAN", kecamatan + " is not a Kemendagri kecamatan code.");
        }
        List<String> desa = in.desaCodes() == null ? List.of() : in.desaCodes().stream().map(AreaCodeParam::region).toList();
        for (String d : desa) {
            if (!AreaCodeParam.within(d, kecamatan) || AreaCodeParam.level(d) != 4 || !regions.exists(d)) {
                throw ApiException.badRequest("UNKNOWN_DESA", d + " is not a desa of kecamatan " + kecamatan + ".");
            }
        }
        Puskesmas p = registry.find(code).orElse(null);
        // 403 before anything that reveals another area's registry (409 for a code registered elsewhere).
        PuskesmasPlacement.Refusal refusal = PuskesmasPlacement.check(code, kecamatan, p == null ? null : p.kecamatanCode,
                registry.exceptionKecamatan(code), scope.scope());
        if (refusal != null) {
            throw refusal.codeMismatch() ? ApiException.badRequest("PUSKESMAS_CODE_MISMATCH", refusal.message())
                    : ApiException.forbidden("AREA_FORBIDDEN", refusal.message());
        }
        if (p != null && !replace) {
            throw ApiException.conflict("PUSKESMAS_EXISTS", "Puskesmas " + code + " is already registered.");
        }
        if (p == null) {
            p = new Puskesmas();
            p.code = code;
        }
        String previousDistrict = p.kabkotaCode;
        p.name = in.name().strip();
        p.kecamatanCode = kecamatan;
        p.kabkotaCode = AreaCodeParam.kabkota(kecamatan);
        p.population = in.population();
        p.desaCodes = desa.toArray(String[]::new);
        registry.save(p);
        // The hierarchy changed: every result of the district is stale, whatever its year.
        versions.bump(p.kabkotaCode, DataVersions.REGISTRY_YEAR);
        if (previousDistrict != null && !previousDistrict.equals(p.kabkotaCode)) {
            versions.bump(previousDistrict, DataVersions.REGISTRY_YEAR);
        }
        return dto(p);
    }

    /**
     * Records that a Puskesmas code may be registered in a kecamatan its digits do not name (a code kept
     * from before a district split). Only an admin whose areas cover both the kecamatan of the code's
     * digits and the kecamatan it is to be registered in.
     */
    @Transactional
    public CodeException recordCodeException(String rawCode, CodeException in) {
        scope.requireRole(Roles.ADMIN);
        String code = AreaCodeParam.normalize(rawCode);
        if (!AreaCodeParam.isPuskesmas(code)) {
            throw ApiException.badRequest("INVALID_PUSKESMAS_CODE", rawCode + " is not a Puskesmas code (P + 10 digits).");
        }
        String kecamatan = AreaCodeParam.region(in.kecamatanCode());
        String digits = AreaCodeParam.normalize(code.substring(1, 7));
        if (!scope.scope().coversRegion(digits) || !scope.scope().coversRegion(kecamatan)) {
            throw ApiException.forbidden("AREA_FORBIDDEN", "An exception for " + code + " needs an admin of both "
                    + "kecamatan " + digits + " (its digits) and kecamatan " + kecamatan + ".");
        }
        Region kec = regions.find(kecamatan).orElse(null);
        if (kec == null || kec.level != 3) {
            throw ApiException.badRequest("UNKNOWN_KECAMATAN", kecamatan + " is not a Kemendagri kecamatan code.");
        }
        registry.recordException(code, kecamatan, in.reason().strip(), scope.subject());
        return new CodeException(kecamatan, in.reason().strip(), scope.subject());
    }

    public static PuskesmasDto dto(Puskesmas p) {
        return new PuskesmasDto(p.code, p.name, p.kecamatanCode, p.kabkotaCode, p.population,
                Arrays.asList(p.desaCodes));
    }
}
