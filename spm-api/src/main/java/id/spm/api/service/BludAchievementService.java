package id.spm.api.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.Puskesmas;
import id.spm.api.entity.Region;
import id.spm.api.error.ApiException;
import id.spm.api.export.Table;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.BludAchievement;
import id.spm.api.model.BludAchievement.BludIndicatorAchievement;
import id.spm.api.model.BludAchievement.BludPuskesmasAchievement;
import id.spm.api.model.BludAchievement.BludPuskesmasIndicator;
import id.spm.api.model.BludAchievement.BludRollup;
import id.spm.api.model.BludCatalog;
import id.spm.api.model.BludCatalog.BludIndicator;
import id.spm.api.model.BludCatalog.Method;
import id.spm.api.repository.BludCatalogRepository;
import id.spm.api.repository.BludCatalogRepository.ValueRow;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.Period;
import id.spm.rules.catalog.Direction;
import id.spm.rules.catalog.Judgement;
import id.spm.rules.catalog.Rollup;

/**
 * A catalog's achievement for an area and year: per indicator the target of the year, the value and whether it is
 * met ({@link Judgement}, spm-rules); for a district or kecamatan, the roll-up over its Puskesmas. Typed values
 * come from {@code blud_value}; a COMPUTED indicator's value is the figure of the service achievement of the same
 * area and year ({@link AchievementService}, the one computation), never recomputed here.
 */
@ApplicationScoped
public class BludAchievementService {

    private final BludCatalogService catalogs;
    private final BludCatalogRepository store;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private final AchievementService achievements;
    private final CallerScope scope;

    public BludAchievementService(BludCatalogService catalogs, BludCatalogRepository store,
            PuskesmasRepository registry, RegionRepository regions, AchievementService achievements,
            CallerScope scope) {
        this.catalogs = catalogs;
        this.store = store;
        this.registry = registry;
        this.regions = regions;
        this.achievements = achievements;
        this.scope = scope;
    }

    /** A value or why there is none. */
    record Valued(BigDecimal value, String reason) {
    }

    public BludAchievement achievement(String id, String rawArea, int year) {
        BludCatalog c = catalogs.get(id);
        String area = AreaCodeParam.normalize(rawArea);
        AreaAccess.require(scope, area);
        String level;
        String areaName;
        List<Puskesmas> members;
        if (AreaCodeParam.isPuskesmas(area)) {
            Puskesmas p = catalogs.puskesmasOf(c, area);
            level = "PUSKESMAS";
            areaName = p.name;
            members = List.of(p);
        } else {
            Region r = regions.find(area).orElseThrow(
                    () -> ApiException.notFound("REGION_NOT_FOUND", "No Kemendagri region " + area + "."));
            if (r.level < 2 || r.level > 3 || !AreaCodeParam.within(area, c.region())) {
                throw ApiException.badRequest("AREA_OUTSIDE_CATALOG", "Catalog " + c.id() + " is of " + c.region()
                        + ": ask for that district, one of its kecamatan or one of its Puskesmas.");
            }
            level = r.level == 2 ? "DISTRICT" : "KECAMATAN";
            areaName = r.name;
            members = registry.under(area).stream().filter(p -> scope.covers(p.code)).toList();
        }
        List<String> codes = members.stream().map(p -> p.code).toList();
        Map<String, Map<String, BigDecimal>> typed = new HashMap<>();
        for (ValueRow v : codes.isEmpty() ? List.<ValueRow> of() : store.values(c.id(), year, codes)) {
            typed.computeIfAbsent(v.puskesmasCode(), k -> new HashMap<>()).put(v.indicatorCode(), v.value());
        }
        Map<String, Object> reports = new HashMap<>();

        List<BludIndicatorAchievement> rows = new ArrayList<>();
        Map<String, List<BludPuskesmasIndicator>> perPuskesmas = new LinkedHashMap<>();
        members.forEach(p -> perPuskesmas.put(p.code, new ArrayList<>()));
        for (BludIndicator ind : c.indicators()) {
            BigDecimal target = ind.targets().get(year);
            Rollup rollup = Rollup.EMPTY;
            for (Puskesmas p : members) {
                Valued v = value(ind, p.code, year, typed, reports);
                Boolean met = Judgement.met(ind.direction(), target, v.value());
                rollup = rollup.add(v.value() != null, met);
                perPuskesmas.get(p.code).add(new BludPuskesmasIndicator(ind.code(), target, v.value(), met));
            }
            Valued own;
            if (level.equals("PUSKESMAS")) {
                own = value(ind, area, year, typed, reports);
            } else if (ind.method() == Method.COMPUTED) {
                own = computedValue(ind, area, year, reports);
            } else {
                own = new Valued(null, "typed per Puskesmas: see the roll-up (percentages, times and rates of "
                        + "Puskesmas are not added into a district value)");
            }
            Boolean met = Judgement.met(ind.direction(), target, own.value());
            String reason = own.reason();
            if (reason == null && target == null) {
                reason = "no target for " + year;
            }
            rows.add(new BludIndicatorAchievement(ind.code(), ind.name(), ind.unit(), ind.direction(), ind.method(),
                    target, own.value(), met, reason, level.equals("PUSKESMAS") ? null
                            : new BludRollup(rollup.puskesmas(), rollup.withValue(), rollup.met(), rollup.notMet())));
        }
        List<BludPuskesmasAchievement> pkm = null;
        if (!level.equals("PUSKESMAS")) {
            pkm = new ArrayList<>();
            for (Puskesmas p : members) {
                pkm.add(new BludPuskesmasAchievement(p.code, p.name, perPuskesmas.get(p.code)));
            }
        }
        return new BludAchievement(c.id(), area, areaName, level, year, rows, pkm);
    }

    private Valued value(BludIndicator ind, String puskesmas, int year, Map<String, Map<String, BigDecimal>> typed,
            Map<String, Object> reports) {
        if (ind.method() == Method.COMPUTED) {
            return computedValue(ind, puskesmas, year, reports);
        }
        BigDecimal v = typed.getOrDefault(puskesmas, Map.of()).get(ind.code());
        return new Valued(v, v == null ? "no value entered for " + year : null);
    }

    /** The figure of the service achievement of the area and year (GET /achievements), or why there is none. */
    private Valued computedValue(BludIndicator ind, String area, int year, Map<String, Object> reports) {
        Object r = reports.computeIfAbsent(area, a -> {
            try {
                return achievements.report(a, Period.ofYear(year));
            } catch (ApiException e) {
                return e.getMessage();
            }
        });
        if (r instanceof String why) {
            return new Valued(null, why);
        }
        AchievementReport report = (AchievementReport) r;
        ServiceAchievement s = report.services() == null ? null
                : report.services().stream().filter(x -> x.serviceCode().equals(ind.computed().service())).findFirst()
                        .orElse(null);
        if (s == null) {
            return new Valued(null, "no achievement of service " + ind.computed().service() + " for " + area);
        }
        BigDecimal v = switch (ind.computed().figure()) {
            case NUMERATOR -> BigDecimal.valueOf(s.numerator());
            case COVERAGE_PERCENT -> s.coveragePercent();
            case PENERIMA_PERCENT -> s.penerimaPercent();
            case QUALITY_PERCENT -> s.qualityPercent();
            case INDEX -> s.index();
        };
        return new Valued(v, v == null ? ind.computed().figure() + " of service " + ind.computed().service()
                + " is not computable for " + area + " in " + year + " (see GET /api/v1/achievements)" : null);
    }

    /**
     * The achievement as a table for the shared exporters (xlsx, csv: {@code id.spm.api.export}), the same figures as
     * the JSON: one row per indicator; for a district or kecamatan the roll-up counts.
     */
    public Table table(String id, String area, int year) {
        BludAchievement a = achievement(id, area, year);
        boolean rollup = !"PUSKESMAS".equals(a.level());
        List<Table.Column> cols = new ArrayList<>(
                List.of(new Table.Column("code", "KODE", null, "(1)", Table.CellType.TEXT, false),
                        new Table.Column("name", "INDIKATOR", null, "(2)", Table.CellType.TEXT, false),
                        new Table.Column("unit", "SATUAN", null, "(3)", Table.CellType.TEXT, false),
                        new Table.Column("direction", "ARAH", null, "(4)", Table.CellType.TEXT, false),
                        new Table.Column("target", "TARGET " + year, null, "(5)", Table.CellType.DECIMAL, false),
                        new Table.Column("value", "CAPAIAN", null, "(6)", Table.CellType.DECIMAL, false),
                        new Table.Column("met", "TERCAPAI", null, "(7)", Table.CellType.TEXT, false)));
        if (rollup) {
            cols.add(new Table.Column("puskesmas", "PUSKESMAS", "PUSKESMAS", "(8)", Table.CellType.INTEGER, false));
            cols.add(new Table.Column("withValue", "ADA NILAI", "PUSKESMAS", "(9)", Table.CellType.INTEGER, false));
            cols.add(new Table.Column("metCount", "TERCAPAI", "PUSKESMAS", "(10)", Table.CellType.INTEGER, false));
        }
        List<Table.Row> rows = new ArrayList<>();
        for (BludIndicatorAchievement i : a.indicators()) {
            List<Object> cells = new ArrayList<>(List.of(i.code(), i.name(), i.unit().label(),
                    i.direction() == Direction.AT_LEAST ? "≥" : "≤"));
            cells.add(i.target());
            cells.add(i.value());
            cells.add(i.met() == null ? null : i.met() ? "ya" : "tidak");
            if (rollup) {
                cells.add((long) i.rollup().puskesmas());
                cells.add((long) i.rollup().withValue());
                cells.add((long) i.rollup().met());
            }
            rows.add(new Table.Row(i.code(), cells));
        }
        BludCatalog c = catalogs.get(id);
        return new Table(List.of(c.regulation(), "Capaian " + a.areaName() + " (" + a.area() + ") tahun " + year),
                cols, rows, List.of(),
                List.of("Tercapai: capaian ≥ target (arah ≥) atau ≤ target (arah ≤); sama dengan target tercapai.",
                        "Nilai COMPUTED = capaian layanan SPM pada GET /api/v1/achievements (wilayah dan tahun yang sama)."));
    }
}
