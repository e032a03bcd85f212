package id.spm.api.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.entity.Region;
import id.spm.api.model.TargetSourceDto;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.repository.TargetRepository;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.MutuKind;
import id.spm.rules.quality.MutuRow;
import id.spm.rules.target.AgeGroup;
import id.spm.rules.target.Population;
import id.spm.rules.target.Target;
import id.spm.rules.target.TargetSource;

/** The non-event inputs of a computation, read from the database into the rules' records. */
@ApplicationScoped
public class FactInputs {

    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final TargetRepository targets;
    private final PopulationRepository population;

    public FactInputs(PuskesmasRepository registry, RegionRepository regions, TargetRepository targets,
            PopulationRepository population) {
        this.registry = registry;
        this.regions = regions;
        this.targets = targets;
        this.population = population;
    }

    public List<PuskesmasInfo> puskesmas(List<String> districts) {
        return registry.inDistricts(districts).stream()
                .map(p -> new PuskesmasInfo(p.code, p.name, p.kecamatanCode, new HashSet<>(Arrays.asList(p.desaCodes)),
                        p.population))
                .toList();
    }

    /** Sasaran in the order they were set: the rules keep the last per area, service and year. */
    public List<Target> targets(List<String> districts, int year) {
        return targets.inDistricts(districts, year).stream()
                .map(t -> new Target(t.areaCode, t.year, SpmService.parse(t.serviceCode), t.amount, source(t.source),
                        t.note == null ? "" : t.note))
                .toList();
    }

    public List<Population> population(List<String> districts, int year) {
        return population.population(districts, year).stream().map(r -> new Population(r.areaCode(), year,
                AgeGroup.parse(r.ageGroup()), r.male(), r.female())).toList();
    }

    public List<MutuRow> mutu(List<String> districts, int year) {
        return population.qualityItems(districts, year).stream().map(r -> new MutuRow(r.areaCode(), year,
                r.quarter(), SpmService.parse(r.serviceCode()), MutuKind.valueOf(r.kind()), r.item(),
                r.unit() == null ? "" : r.unit(), r.need(), r.stock(), r.unitPrice(), r.needSource())).toList();
    }

    /** Names of the hierarchy's areas: regions from the Kemendagri list, Puskesmas from the registry. */
    public Map<String, String> names(AreaHierarchy hierarchy) {
        Map<String, String> out = new HashMap<>();
        List<String> codes = hierarchy.topDown();
        for (Region r : regions.byCodes(codes)) {
            out.put(r.code, r.name);
        }
        for (PuskesmasInfo p : hierarchy.allPuskesmas()) {
            out.put(p.code(), p.name());
        }
        return out;
    }

    static TargetSource source(TargetSourceDto s) {
        return switch (s) {
            case BPS_PROJECTION -> TargetSource.BPS_PROJECTION;
            case REAL_DATA -> TargetSource.REAL_DATA;
            case PREVALENCE -> TargetSource.PREVALENCE;
            case TB_FORMULA -> TargetSource.TB_FORMULA;
            case DECREE -> TargetSource.REGIONAL_HEAD_DECREE;
        };
    }
}
