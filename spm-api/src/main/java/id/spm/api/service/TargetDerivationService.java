package id.spm.api.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.PrevalenceRow;
import id.spm.api.entity.TargetRow;
import id.spm.api.error.ApiException;
import id.spm.api.model.DeriveRequest;
import id.spm.api.model.TargetDto;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.TargetRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.SpmService;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.target.AgeGroup;
import id.spm.rules.target.LargestRemainder;
import id.spm.rules.target.Prevalence;
import id.spm.rules.target.Target;
import id.spm.rules.target.TargetDerivations;
import id.spm.rules.target.TbFormula;

/** Derived sasaran through spm-rules ({@link TargetDerivations}, {@link LargestRemainder}), with provenance. */
@ApplicationScoped
public class TargetDerivationService {

    private final CallerScope scope;
    private final FactInputs inputs;
    private final TargetService targetService;
    private final TargetRepository targets;
    private final PuskesmasRepository registry;
    private final DataVersionRepository versions;

    public TargetDerivationService(CallerScope scope, FactInputs inputs, TargetService targetService,
            TargetRepository targets, PuskesmasRepository registry, DataVersionRepository versions) {
        this.scope = scope;
        this.inputs = inputs;
        this.targetService = targetService;
        this.targets = targets;
        this.registry = registry;
        this.versions = versions;
    }

    @Transactional
    public List<TargetDto> derive(DeriveRequest in) {
        String area = AreaCodeParam.normalize(in.area());
        AreaAccess.require(scope, area);
        String kabkota = targetService.kabkotaOf(area);
        List<Target> derived = switch (in.method()) {
            case PREVALENCE -> List.of(prevalence(area, kabkota, in));
            case TB_FORMULA -> {
                if (in.targetPenemuan() == null) {
                    throw ApiException.badRequest("TARGET_PENEMUAN_REQUIRED", "TB_FORMULA needs targetPenemuan.");
                }
                yield List.of(TargetDerivations.fromTbTarget(area, in.year(), in.targetPenemuan(), TbFormula.DEFAULT));
            }
            case SPLIT -> split(area, in);
        };
        List<TargetDto> out = new ArrayList<>();
        for (Target t : derived) {
            TargetRow e = new TargetRow();
            e.areaCode = t.area();
            e.kabkotaCode = kabkota;
            e.year = (short) t.year();
            e.serviceCode = t.service().code();
            e.amount = t.amount();
            e.source = DemoLoader.source(t.source().label());
            e.note = t.note();
            e.createdBy = scope.subject();
            if (in.store()) {
                targets.add(e);
            }
            out.add(TargetService.dto(e));
        }
        if (in.store()) {
            versions.bump(kabkota, in.year());
        }
        return out;
    }

    private Target prevalence(String area, String kabkota, DeriveRequest in) {
        SpmService service = service(in);
        Prevalence p;
        if (in.prevalence() != null) {
            p = rules(service, in.prevalence().rate(), in.prevalence().ageBand(), in.prevalence().year(),
                    in.prevalence().source());
        } else {
            PrevalenceRow stored = targets.prevalence(service.code(), kabkota).orElse(null);
            if (stored == null) {
                throw ApiException.badRequest("PREVALENCE_MISSING", "No prevalence stored for " + service.code()
                        + "; send one in the request.");
            }
            p = rules(service, stored.rate, stored.ageBand, stored.year, stored.source);
        }
        try {
            return TargetDerivations.fromPrevalence(area, in.year(), inputs.population(List.of(kabkota), in.year()), p);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("POPULATION_MISSING", e.getMessage());
        }
    }

    private List<Target> split(String area, DeriveRequest in) {
        SpmService service = service(in);
        TargetRow own = targets.latest(area, in.year(), service.code()).orElse(null);
        if (own == null) {
            throw ApiException.badRequest("TARGET_MISSING", area + " has no sasaran of " + service.code() + " in "
                    + in.year() + " to split.");
        }
        List<PuskesmasInfo> under = registry.under(area).stream().map(p -> new PuskesmasInfo(p.code, p.name,
                p.kecamatanCode, Set.of(p.desaCodes), p.population)).toList();
        try {
            return TargetDerivations.splitByPopulation(new Target(area, in.year(), service,
                    own.amount, FactInputs.source(own.source), own.note), under);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("POPULATION_MISSING", e.getMessage());
        }
    }

    private static SpmService service(DeriveRequest in) {
        if (in.serviceCode() == null || in.serviceCode().isBlank()) {
            throw ApiException.badRequest("SERVICE_REQUIRED", in.method() + " needs serviceCode.");
        }
        return TargetService.service(in.serviceCode());
    }

    private static Prevalence rules(SpmService s, java.math.BigDecimal rate, String band, int year,
            String source) {
        AgeGroup g;
        try {
            g = AgeGroup.parse(band);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_AGE_BAND", e.getMessage());
        }
        return new Prevalence(s, rate, g.fromAge(), g.toAge(), year, source);
    }
}
