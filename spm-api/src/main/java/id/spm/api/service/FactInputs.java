package id.spm.api.service;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.model.TargetSource;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.MutuKind;
import id.spm.rules.quality.MutuRow;
import id.spm.rules.target.AgeGroup;
import id.spm.rules.target.Population;
import id.spm.rules.target.Target;

/** The non-event inputs of a computation, read from the database into the rules' records. */
@ApplicationScoped
public class FactInputs {

    private final EntityManager em;

    public FactInputs(EntityManager em) {
        this.em = em;
    }

    public List<PuskesmasInfo> puskesmas(List<String> districts) {
        return Puskesmas.<Puskesmas> list("kabkotaCode in ?1", districts).stream()
                .map(p -> new PuskesmasInfo(p.code, p.name, p.kecamatanCode, new HashSet<>(Arrays.asList(p.desaCodes)),
                        p.population))
                .toList();
    }

    /** Sasaran in the order they were set: the rules keep the last per area, service and year. */
    public List<Target> targets(List<String> districts, int year) {
        return id.spm.api.entity.Target.<id.spm.api.entity.Target> list(
                "kabkotaCode in ?1 and year = ?2 order by createdAt, id", districts, (short) year).stream()
                .map(t -> new Target(t.areaCode, t.year, SpmService.parse(t.serviceCode), t.amount, source(t.source),
                        t.note == null ? "" : t.note))
                .toList();
    }

    public List<Population> population(List<String> districts, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select area_code, age_group, male, female from population "
                + "where kabkota_code in (?1) and year = ?2").setParameter(1, districts).setParameter(2, (short) year)
                .getResultList();
        return rows.stream().map(r -> new Population((String) r[0], year, AgeGroup.parse((String) r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    public List<MutuRow> mutu(List<String> districts, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select area_code, quarter, service_code, kind, item, unit, need, "
                + "stock, unit_price from quality_item where kabkota_code in (?1) and year = ?2 order by id")
                .setParameter(1, districts).setParameter(2, (short) year).getResultList();
        return rows.stream().map(r -> new MutuRow((String) r[0], year,
                r[1] == null ? null : ((Number) r[1]).intValue(), SpmService.parse((String) r[2]),
                MutuKind.valueOf((String) r[3]), (String) r[4], r[5] == null ? "" : (String) r[5],
                (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8])).toList();
    }

    /** Names of the hierarchy's areas: regions from the Kemendagri list, Puskesmas from the registry. */
    public Map<String, String> names(AreaHierarchy hierarchy) {
        Map<String, String> out = new HashMap<>();
        List<String> codes = hierarchy.topDown();
        for (Region r : Region.<Region> list("code in ?1", codes)) {
            out.put(r.code, r.name);
        }
        for (PuskesmasInfo p : hierarchy.allPuskesmas()) {
            out.put(p.code(), p.name());
        }
        return out;
    }

    static id.spm.rules.target.TargetSource source(TargetSource s) {
        return switch (s) {
            case BPS_PROJECTION -> id.spm.rules.target.TargetSource.BPS_PROJECTION;
            case REAL_DATA -> id.spm.rules.target.TargetSource.REAL_DATA;
            case PREVALENCE -> id.spm.rules.target.TargetSource.PREVALENCE;
            case TB_FORMULA -> id.spm.rules.target.TargetSource.TB_FORMULA;
            case DECREE -> id.spm.rules.target.TargetSource.REGIONAL_HEAD_DECREE;
        };
    }
}
