package id.spm.api.mapping;

import java.util.Arrays;

import id.spm.api.model.ServiceCatalog;
import id.spm.api.model.ServiceCatalog.BandDto;
import id.spm.api.model.ServiceCatalog.CategorySchemeDto;
import id.spm.api.model.ServiceCatalog.ParameterDto;
import id.spm.api.model.ServiceCatalog.RuleSetDto;
import id.spm.api.model.ServiceCatalog.ServiceDto;
import id.spm.rules.CategoryScheme;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;

/** The rules' catalogue as DTOs. */
public final class CatalogMapper {

    private CatalogMapper() {
    }

    public static ServiceCatalog catalog() {
        return new ServiceCatalog(Arrays.stream(SpmService.values()).map(CatalogMapper::service).toList(),
                RuleSets.all().stream().map(CatalogMapper::ruleSet).toList(),
                CategoryScheme.builtIn().stream().map(CatalogMapper::scheme).toList());
    }

    public static ServiceDto service(SpmService s) {
        return new ServiceDto(s.code(), s.number(), s.name(), s.title(), s.numeratorText(), s.denominatorText(),
                s.clause());
    }

    public static RuleSetDto ruleSet(RuleSet r) {
        return new RuleSetDto(r.id(), r.regulation(), r.effectiveFromYear(), r.parameters().stream()
                .map(p -> new ParameterDto(p.name(), p.value(), p.description(), p.interpretation())).toList());
    }

    public static CategorySchemeDto scheme(CategoryScheme c) {
        return new CategorySchemeDto(c.id(), c.description(),
                c.bands().stream().map(b -> new BandDto(b.label(), b.minIndex())).toList());
    }
}
