package id.spm.api.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.error.ApiException;
import id.spm.api.export.Table;
import id.spm.api.imports.FormInputService;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.report.FormLayout.FormColumn;
import id.spm.api.repository.FormInputRepository;
import id.spm.api.service.AchievementService;
import id.spm.api.service.FactInputs;
import id.spm.api.service.SubmissionService;
import id.spm.ingest.layout.ResourceIndex;
import id.spm.rules.Period;
import id.spm.rules.RuleSet;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.quality.MutuCalculator;
import id.spm.rules.quality.MutuKind;
import id.spm.rules.quality.MutuLine;
import id.spm.rules.quality.MutuRow;

/**
 * The report forms (issue 10; reports.md §3, §4, §8) filled from the one computation: every figure of a service row
 * is the {@link AchievementReport} of {@code GET /achievements} for the same area and period (or, for a submitted
 * district-period, the frozen one), the goods and staff lines are {@link MutuCalculator}'s, and the typed parts
 * come from the form inputs ({@link FormInputService}). Layouts are data ({@code /reports/forms/*.json}); each
 * column names its source in the vocabulary of {@link #SOURCES}.
 */
@ApplicationScoped
public class ReportFormService {

    /** The sources a layout column may name (a prefix ending in {@code :} takes a parameter). */
    public static final Set<String> SOURCES = Set.of("row.number", "service.name", "service.code",
            "achievement.denominator", "achievement.numerator", "achievement.notServed", "achievement.coverage",
            "achievement.penerima", "achievement.quality", "achievement.index", "achievement.category",
            "achievement.gapToNextCategory", "achievement.nextCategory", "achievement.reasons", "budget.allocation",
            "budget.realisation", "budget.realisationPercent", "budget.left", "budget.funds", "issue.problems",
            "issue.solutions", "target.percent", "target.limit", "master.subActivity", "master.indicator",
            "master.unit", "master.penerimaIndicator", "master.mutuIndicator", "mutu.items", "mutu.itemsMet",
            "mutu.itemsOpen", "area.name", "area.code", "sasaran:", "facility.name", "facility.type",
            "facility.staff:", "facility.staffTotal", "facility.note", "line.item", "line.unit", "line.need",
            "line.stock", "line.gap", "line.unitPrice", "line.cost", "staff.type", "staff.need", "staff.available",
            "staff.gap", "staff.note", "plan.service", "plan.code", "plan.name", "plan.indicator", "plan.unit",
            "plan.year", "plan.target", "plan.budget", "plan.fund");
    /** The sources a total cell may name. */
    public static final Set<String> TOTAL_SOURCES = Set.of("label:", "sum", "sum.percent:", "sector.index",
            "sector.category", "area.code", "area.sasaran:");
    /** Funding sources as printed (reports.md §4.3). */
    static final Map<String, String> FUNDS = Map.of("APBD", "APBD", "DAK_FISIK", "DAK Fisik", "DAK_NON_FISIK",
            "DAK Non Fisik (BOK)", "JKN_KAPITASI", "JKN Kapitasi", "BLUD", "BLUD", "APBN", "APBN", "LAINNYA",
            "Lainnya");
    private static final String[] ROMAN = { "", "I", "II", "III", "IV" };

    private final AchievementService achievements;
    private final SubmissionService submissions;
    private final FormInputService inputs;
    private final FactInputs facts;
    private final ObjectMapper mapper;
    private final Map<String, FormLayout> layouts;
    private final JsonNode master;
    @Inject
    FormInputRepository formInputRepository;

    public ReportFormService(AchievementService achievements, SubmissionService submissions, FormInputService inputs,
            FactInputs facts, ObjectMapper mapper) {
        this.achievements = achievements;
        this.submissions = submissions;
        this.inputs = inputs;
        this.facts = facts;
        this.mapper = mapper;
        this.layouts = load(mapper);
        this.master = read(mapper, "/reports/services.json");
    }

    /** The catalogue: every form layout, in order. */
    public List<FormLayout> catalogue() {
        return List.copyOf(layouts.values());
    }

    public FormLayout layout(String code) {
        FormLayout l = layouts.get(code);
        if (l == null) {
            for (FormLayout f : layouts.values()) {
                if (f.code().equalsIgnoreCase(code)) {
                    return f;
                }
            }
            throw ApiException.notFound("UNKNOWN_FORM",
                    "No form '" + code + "'; known: " + String.join(", ", layouts.keySet()) + ".");
        }
        return l;
    }

    /** Freezes every form layout with a submission, in its transaction (issue 10). */
    void onFrozen(@Observes SubmissionService.FrozenEvent e) {
        Map<String, String> json = new LinkedHashMap<>();
        layouts.forEach((code, l) -> {
            try {
                json.put(code, mapper.writeValueAsString(l));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        formInputRepository.freezeLayouts(e.id(), json);
    }

    private Optional<FormLayout> frozenLayout(long submission, String code) {
        return formInputRepository.frozenLayout(submission, code).map(text -> {
            try {
                return mapper.readValue(text, FormLayout.class);
            } catch (IOException ex) {
                throw new IllegalStateException("the layout of form " + code + " frozen with submission " + submission
                        + " cannot be read", ex);
            }
        });
    }

    /** Loads every layout listed in {@code /reports/forms/index.txt}. */
    public static Map<String, FormLayout> load(ObjectMapper mapper) {
        Map<String, FormLayout> out = new LinkedHashMap<>();
        for (String file : index()) {
            JsonNode node = read(mapper, "/reports/forms/" + file);
            try {
                FormLayout l = mapper.treeToValue(node, FormLayout.class);
                out.put(l.code(), l);
            } catch (IOException e) {
                throw new IllegalStateException("form layout " + file + " is not valid: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<String> index() {
        return ResourceIndex.files(ReportFormService.class, "/reports/forms/");
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ReportFormService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The form of an area (already authorised) and period. For a district-period frozen as submitted, the frozen
     * figures and inputs unless {@code current}.
     */
    public FormDocument render(String code, String area, Period period, boolean current) {
        FormLayout layout = layout(code);
        AchievementService.Unit unit = achievements.unitOf(area);
        boolean district = unit.isDistrict();
        Optional<SubmissionService.Frozen> frozen = current || !district ? Optional.empty()
                : submissions.frozen(unit.code(), period).filter(f -> f.areas().containsKey(area));
        if (frozen.isPresent()) {
            // Printed as it was submitted: the layout frozen with the submission (older submissions kept none).
            layout = frozenLayout(frozen.get().id(), layout.code()).orElse(layout);
        }
        Context ctx = new Context(layout, area, period, unit, frozen.orElse(null));
        Table table = switch (layout.rows()) {
            case "services" -> serviceRows(ctx);
            case "areas" -> areaRows(ctx);
            case "facilities" -> facilityRows(ctx);
            case "goods" -> lineRows(ctx, MutuKind.GOODS);
            case "staff" -> staffRows(ctx);
            case "plan" -> planRows(ctx);
            default -> throw new IllegalStateException("form " + layout.code() + ": unknown rows " + layout.rows());
        };
        AchievementReport r = ctx.report();
        String scheme = RuleSets.byId(r.ruleSet()).map(rs -> rs.index().categories().id()).orElse(null);
        FormDocument.Frozen f = frozen.map(x -> new FormDocument.Frozen(x.id(), x.frozenAt(), x.dataVersion(), true))
                .orElse(null);
        return new FormDocument(layout.code(), layout.name(), area, r.areaName(), r.level(), period.label(),
                r.ruleSet(), scheme, r.dataVersion(), r.computedAt(), layout.confidence(), layout.inferred(),
                layout.reference(), table.title(), table.columns(),
                FormDocument.objects(table, "services".equals(layout.rows()) ? "serviceCode" : "key"),
                FormDocument.totals(table), table.notes(), f, table);
    }

    /**
     * The typed rows of an input layout that the forms and the Laporan show for an area and period (reports.md §4.3,
     * §4.4, §9): rows typed at the area itself when {@code exactArea} (else also below it), of the period's quarter
     * if any such row exists, else the year's rows (quarter 0); from a submission's frozen inputs when
     * {@code submissionId} is given. The one selection both read, so the Laporan's tables equal the forms'.
     */
    public List<Map<String, Object>> inputRows(String layout, String area, Period period, Long submissionId,
            boolean exactArea) {
        List<FormInputRepository.Row> rows = inputs.rows(layout, area, period.year(), submissionId);
        int q = period.isYear() ? 0 : period.quarter();
        boolean hasQuarter = rows.stream().anyMatch(r -> r.quarter() == q && (!exactArea || r.areaCode().equals(area)));
        int use = hasQuarter ? q : 0;
        List<Map<String, Object>> out = new ArrayList<>();
        for (FormInputRepository.Row r : rows) {
            if (r.quarter() == use && (!exactArea || r.areaCode().equals(area))) {
                Map<String, Object> v = new LinkedHashMap<>(inputs.values(r));
                v.put("area", r.areaCode());
                v.put("year", r.year());
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The plan rows (layout {@code rencana}) of an area and the areas below it for one year, of the given documents
     * (all when empty): the rows Forms 2.C.3/2.C.4 show for that year, and the Laporan's BAB III.
     */
    public List<Map<String, Object>> planRows(String area, int year, Long submissionId, Set<String> documents) {
        List<Map<String, Object>> plan = new ArrayList<>();
        for (FormInputRepository.Row r : inputs.rows("rencana", area, year, submissionId)) {
            Map<String, Object> v = new LinkedHashMap<>(inputs.values(r));
            if (documents.isEmpty() || documents.contains(String.valueOf(v.get("document")))) {
                v.put("year", r.year());
                plan.add(v);
            }
        }
        return plan;
    }

    /** What one rendering reads, gathered once. */
    private final class Context {
        final FormLayout layout;
        final String area;
        final Period period;
        final AchievementService.Unit unit;
        final SubmissionService.Frozen frozen;
        private AchievementReport report;
        private MutuCalculator mutu;

        Context(FormLayout layout, String area, Period period, AchievementService.Unit unit,
                SubmissionService.Frozen frozen) {
            this.layout = layout;
            this.area = area;
            this.period = period;
            this.unit = unit;
            this.frozen = frozen;
        }

        AchievementReport report() {
            if (report == null) {
                report = report(area);
            }
            return report;
        }

        AchievementReport report(String a) {
            if (frozen != null && frozen.areas().containsKey(a)) {
                return frozen.areas().get(a);
            }
            return achievements.report(a, period);
        }

        /** Input rows of a layout for the area and period ({@link ReportFormService#inputRows}). */
        List<Map<String, Object>> inputRows(String layout, boolean exactArea) {
            return ReportFormService.this.inputRows(layout, area, period, frozen == null ? null : frozen.id(), exactArea);
        }

        MutuCalculator mutu() {
            if (mutu == null) {
                RuleSet rs = RuleSets.forPeriod(period).orElseThrow(
                        () -> ApiException.badRequest("NO_RULE_SET", "No rule set covers " + period.label() + "."));
                AreaHierarchy h = AreaHierarchy.of(facts.puskesmas(unit.districts()));
                List<MutuRow> rows;
                if (frozen != null) {
                    rows = new ArrayList<>();
                    for (FormInputRepository.Row r : inputs.rows(FormInputRepository.MUTU, unit.code(), period.year(),
                            frozen.id())) {
                        Map<String, Object> v = inputs.values(r);
                        rows.add(new MutuRow(r.areaCode(), r.year(), v.get("quarter") instanceof Number n ? n.intValue() : null,
                                SpmService.parse((String) v.get("service")), MutuKind.valueOf((String) v.get("kind")),
                                (String) v.get("item"), v.get("unit") == null ? "" : (String) v.get("unit"),
                                decimal(v.get("need")), decimal(v.get("stock")), decimal(v.get("unitPrice")),
                                (String) v.get("needSource")));
                    }
                } else {
                    rows = facts.mutu(unit.districts(), period.year());
                }
                mutu = new MutuCalculator(h, rows, rs.index().mutuAveraging());
            }
            return mutu;
        }
    }

    // ---- rows per service -------------------------------------------------------------------------------

    private Table serviceRows(Context ctx) {
        AchievementReport r = ctx.report();
        Map<String, List<Map<String, Object>>> budget = byService(ctx.inputRows("anggaran", true));
        Map<String, List<Map<String, Object>>> issues = byService(ctx.inputRows("kendala", true));
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (ServiceAchievement s : r.services()) {
            n++;
            SpmService service = SpmService.parse(s.serviceCode());
            List<Map<String, Object>> b = budget.getOrDefault(s.serviceCode(), List.of());
            List<Map<String, Object>> k = issues.getOrDefault(s.serviceCode(), List.of());
            List<Object> cells = new ArrayList<>();
            for (FormColumn c : ctx.layout.columns()) {
                cells.add(serviceCell(ctx, c.source(), n, s, service, b, k));
            }
            rows.add(new Table.Row(s.serviceCode(), cells));
        }
        return table(ctx, rows);
    }

    private Object serviceCell(Context ctx, String source, int n, ServiceAchievement s, SpmService service,
            List<Map<String, Object>> budget, List<Map<String, Object>> issues) {
        JsonNode m = master.path("services").path(service.name());
        return switch (source) {
            case "row.number" -> (long) n;
            case "service.name" -> m.path("label").asText(s.name());
            case "service.code" -> s.serviceCode();
            case "achievement.denominator" -> s.denominator() == null ? null : s.denominator().amount();
            case "achievement.numerator" -> s.numerator();
            case "achievement.notServed" -> s.gap() == null ? null : s.gap().toFullCoverage();
            case "achievement.coverage" -> s.coveragePercent();
            case "achievement.penerima" -> s.penerimaPercent();
            case "achievement.quality" -> s.qualityPercent();
            case "achievement.index" -> s.index();
            case "achievement.category" -> s.category();
            case "achievement.gapToNextCategory" -> s.gap() == null ? null : s.gap().toNextCategory();
            case "achievement.nextCategory" -> s.gap() == null ? null : s.gap().nextCategory();
            case "achievement.reasons" -> s.reasons() == null || s.reasons().isEmpty() ? null
                    : String.join("; ", s.reasons().stream().map(x -> x.message()).toList());
            case "budget.allocation" -> sum(budget, "allocation");
            case "budget.realisation" -> sum(budget, "realisation");
            case "budget.realisationPercent" -> percent(sum(budget, "realisation"), sum(budget, "allocation"));
            case "budget.left" -> {
                BigDecimal a = sum(budget, "allocation");
                BigDecimal re = sum(budget, "realisation");
                yield a == null ? null : a.subtract(re == null ? BigDecimal.ZERO : re);
            }
            case "budget.funds" -> budget.isEmpty() ? null
                    : String.join(", ", budget.stream().map(x -> FUNDS.getOrDefault(String.valueOf(x.get("fund")),
                            String.valueOf(x.get("fund")))).distinct().toList());
            case "issue.problems" -> text(issues, "problems");
            case "issue.solutions" -> text(issues, "solutions");
            case "target.percent" -> new BigDecimal(master.path("targetPercent").asText("100"));
            case "target.limit" -> master.path("targetLimit").asText();
            case "master.subActivity" -> m.path("subActivity").asText();
            case "master.indicator" -> m.path("indicator").asText();
            case "master.unit" -> m.path("unit").asText();
            case "master.penerimaIndicator" -> m.path("penerimaIndicator").asText();
            case "master.mutuIndicator" -> m.path("mutuIndicator").asText();
            case "mutu.items", "mutu.itemsMet", "mutu.itemsOpen" -> mutuItems(ctx, service, source);
            default -> throw new IllegalStateException(
                    "form " + ctx.layout.code() + ": source " + source + " is not a source of service rows");
        };
    }

    private Object mutuItems(Context ctx, SpmService service, String source) {
        List<MutuLine> lines = ctx.mutu().of(ctx.area, service, ctx.period).lines();
        long items = lines.stream().filter(MutuLine::counts).count();
        long met = lines.stream().filter(l -> l.counts() && l.achievement().compareTo(BigDecimal.valueOf(100)) >= 0)
                .count();
        if (items == 0) {
            return null;
        }
        return switch (source) {
            case "mutu.items" -> items;
            case "mutu.itemsMet" -> met;
            default -> items - met;
        };
    }

    // ---- rows per area (2.A.2) ---------------------------------------------------------------------------

    private Table areaRows(Context ctx) {
        AchievementReport top = ctx.report();
        List<AchievementReport> children = new ArrayList<>();
        for (AchievementReport.ChildLink c : top.children() == null ? List.<AchievementReport.ChildLink> of()
                : top.children()) {
            children.add(ctx.report(c.code()));
        }
        if (children.isEmpty()) {
            children.add(top);
        }
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (AchievementReport a : children) {
            n++;
            List<Object> cells = new ArrayList<>();
            for (FormColumn c : ctx.layout.columns()) {
                cells.add(switch (c.source()) {
                    case "row.number" -> (long) n;
                    case "area.name" -> a.areaName();
                    case "area.code" -> a.area();
                    default -> {
                        if (c.source().startsWith("sasaran:")) {
                            yield sasaran(a, c.source().substring(8));
                        }
                        throw new IllegalStateException("form " + ctx.layout.code() + ": source " + c.source()
                                + " is not a source of area rows");
                    }
                });
            }
            rows.add(new Table.Row(a.area(), cells));
        }
        return table(ctx, rows);
    }

    private static Long sasaran(AchievementReport a, String serviceName) {
        String code = SpmService.valueOf(serviceName).code();
        return a.services().stream().filter(s -> s.serviceCode().equals(code)).findFirst()
                .map(s -> s.denominator() == null ? null : s.denominator().amount()).orElse(null);
    }

    // ---- facilities (2.A.3) ------------------------------------------------------------------------------

    private Table facilityRows(Context ctx) {
        Map<String, Map<String, Object>> facilities = new LinkedHashMap<>();
        Map<String, Map<String, Long>> staff = new LinkedHashMap<>();
        for (Map<String, Object> r : ctx.inputRows("fasyankes-sdm", false)) {
            String key = r.get("area") + "|" + r.get("facility");
            facilities.putIfAbsent(key, r);
            staff.computeIfAbsent(key, k -> new TreeMap<>()).merge(String.valueOf(r.get("staffType")),
                    ((Number) r.get("count")).longValue(), Long::sum);
        }
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, Object>> e : facilities.entrySet()) {
            n++;
            Map<String, Object> f = e.getValue();
            Map<String, Long> counts = staff.get(e.getKey());
            List<Object> cells = new ArrayList<>();
            for (FormColumn c : ctx.layout.columns()) {
                String s = c.source();
                cells.add(switch (s) {
                    case "row.number" -> (long) n;
                    case "facility.name" -> f.get("facility");
                    case "facility.type" -> f.get("facilityType");
                    case "facility.staffTotal" -> counts.values().stream().mapToLong(Long::longValue).sum();
                    case "facility.note" -> f.get("note");
                    default -> {
                        if (s.startsWith("facility.staff:")) {
                            yield counts.get(s.substring("facility.staff:".length()));
                        }
                        throw new IllegalStateException("form " + ctx.layout.code() + ": source " + s
                                + " is not a source of facility rows");
                    }
                });
            }
            rows.add(new Table.Row(String.valueOf(f.get("area")), cells));
        }
        return table(ctx, rows);
    }

    // ---- goods (2.B.4) and staff (2.B.5) lines -------------------------------------------------------------

    private Table lineRows(Context ctx, MutuKind kind) {
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (SpmService service : SpmService.values()) {
            for (MutuLine l : ctx.mutu().of(ctx.area, service, ctx.period).lines()) {
                if (l.kind() != kind) {
                    continue;
                }
                n++;
                List<Object> cells = new ArrayList<>();
                for (FormColumn c : ctx.layout.columns()) {
                    cells.add(switch (c.source()) {
                        case "row.number" -> (long) n;
                        case "service.name" -> master.path("services").path(service.name()).path("label").asText();
                        case "line.item", "staff.type" -> l.item();
                        case "line.unit" -> l.unit();
                        case "line.need", "staff.need" -> l.need();
                        case "line.stock", "staff.available" -> l.stock();
                        case "line.gap", "staff.gap" -> l.gap();
                        case "line.unitPrice" -> l.unitPrice();
                        case "line.cost" -> l.cost();
                        case "staff.note" -> null;
                        default -> throw new IllegalStateException("form " + ctx.layout.code() + ": source "
                                + c.source() + " is not a source of mutu lines");
                    });
                }
                rows.add(new Table.Row(service.code(), cells));
            }
        }
        return table(ctx, rows);
    }

    private Table staffRows(Context ctx) {
        List<Map<String, Object>> need = ctx.inputRows("kebutuhan-sdm", true);
        if (need.isEmpty()) {
            // Without typed staff need, the mutu rows with Jenis = SDM (reports.md §3.4: typed or from 2.A.3).
            return lineRows(ctx, MutuKind.STAFF);
        }
        Map<String, Long> available = new TreeMap<>();
        for (Map<String, Object> f : ctx.inputRows("fasyankes-sdm", false)) {
            available.merge(String.valueOf(f.get("staffType")), ((Number) f.get("count")).longValue(), Long::sum);
        }
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (SpmService service : SpmService.values()) {
            for (Map<String, Object> r : need) {
                if (!service.code().equals(r.get("service"))) {
                    continue;
                }
                n++;
                String type = String.valueOf(r.get("staffType"));
                BigDecimal needed = decimal(r.get("need"));
                BigDecimal avail = r.get("available") != null ? decimal(r.get("available"))
                        : Optional.ofNullable(available.get(type.strip().toUpperCase(Locale.ROOT).replace(' ', '_')))
                                .map(BigDecimal::valueOf).orElse(null);
                List<Object> cells = new ArrayList<>();
                for (FormColumn c : ctx.layout.columns()) {
                    cells.add(switch (c.source()) {
                        case "row.number" -> (long) n;
                        case "service.name" -> master.path("services").path(service.name()).path("label").asText();
                        case "staff.type" -> type;
                        case "staff.need" -> needed;
                        case "staff.available" -> avail;
                        case "staff.gap" -> avail == null ? null : needed.subtract(avail);
                        case "staff.note" -> r.get("note");
                        default -> throw new IllegalStateException("form " + ctx.layout.code() + ": source "
                                + c.source() + " is not a source of staff rows");
                    });
                }
                rows.add(new Table.Row(service.code(), cells));
            }
        }
        return table(ctx, rows);
    }

    // ---- plan rows (2.C.3, 2.C.4) ----------------------------------------------------------------------------

    private Table planRows(Context ctx) {
        List<Map<String, Object>> plan = new ArrayList<>();
        Set<String> documents = new LinkedHashSet<>(ctx.layout.documents() == null ? List.of() : ctx.layout.documents());
        for (int y = ctx.period.year(); y < ctx.period.year() + 5; y++) {
            plan.addAll(planRows(ctx.area, y, ctx.frozen == null ? null : ctx.frozen.id(), documents));
        }
        List<Table.Row> rows = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> v : plan) {
            n++;
            List<Object> cells = new ArrayList<>();
            for (FormColumn c : ctx.layout.columns()) {
                cells.add(switch (c.source()) {
                    case "row.number" -> (long) n;
                    case "plan.service" -> v.get("service") == null ? null
                            : master.path("services").path(SpmService.parse((String) v.get("service")).name())
                                    .path("label").asText();
                    case "plan.code" -> v.get("code");
                    case "plan.name" -> v.get("name");
                    case "plan.indicator" -> v.get("indicator");
                    case "plan.unit" -> v.get("unit");
                    case "plan.year" -> ((Number) v.get("year")).longValue();
                    case "plan.target" -> decimal(v.get("target"));
                    case "plan.budget" -> decimal(v.get("budget"));
                    case "plan.fund" -> v.get("fund");
                    default -> throw new IllegalStateException("form " + ctx.layout.code() + ": source " + c.source()
                            + " is not a source of plan rows");
                });
            }
            rows.add(new Table.Row(String.valueOf(v.get("code")), cells));
        }
        return table(ctx, rows);
    }

    // ---- the table around the rows ---------------------------------------------------------------------------

    private Table table(Context ctx, List<Table.Row> rows) {
        FormLayout l = ctx.layout;
        List<Table.Column> columns = new ArrayList<>();
        for (FormColumn c : l.columns()) {
            columns.add(new Table.Column(c.key(), c.header(), c.group() == null ? null : fill(c.group(), ctx), c.number(),
                    c.cellType(), c.typed()));
        }
        List<Table.Row> totals = new ArrayList<>();
        for (FormLayout.TotalRow t : l.totals() == null ? List.<FormLayout.TotalRow> of() : l.totals()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < l.columns().size(); i++) {
                String spec = t.cells().get(l.columns().get(i).key());
                cells.add(spec == null ? null : total(ctx, spec, i, rows, l));
            }
            totals.add(new Table.Row(t.key(), cells));
        }
        AchievementReport r = ctx.report();
        List<String> notes = new ArrayList<>(l.notes() == null ? List.of() : l.notes());
        RuleSets.byId(r.ruleSet()).ifPresent(rs -> notes.add("Rule set " + rs.id() + "; category scheme "
                + rs.index().categories().id() + " (" + rs.index().categories().description()
                + "): the IPSPM bands are unverified (reports.md §7)."));
        notes.add("Data version " + r.dataVersion() + ", computed " + r.computedAt() + "."
                + (ctx.frozen == null ? ""
                        : " Frozen with submission " + ctx.frozen.id() + " of " + ctx.frozen.frozenAt() + "."));
        if ("inferred".equals(l.confidence()) || "source-ocr".equals(l.confidence())) {
            notes.add("Layout " + l.confidence() + " (" + l.reference() + "): " + l.inferred());
        }
        return new Table(List.of(fill(l.title(), ctx)), columns, rows, totals, notes);
    }

    private Object total(Context ctx, String spec, int col, List<Table.Row> rows, FormLayout l) {
        if (spec.startsWith("label:")) {
            return spec.substring(6);
        }
        if (spec.equals("sum")) {
            return sumColumn(rows, col);
        }
        if (spec.startsWith("sum.percent:")) {
            String[] ab = spec.substring(12).split("/");
            return percent(decimalOf(sumColumn(rows, indexOf(l, ab[0]))), decimalOf(sumColumn(rows, indexOf(l, ab[1]))));
        }
        AchievementReport r = ctx.report();
        return switch (spec) {
            case "sector.index" -> r.sectorIndex();
            case "sector.category" -> r.sectorCategory();
            case "area.code" -> r.area();
            default -> {
                if (spec.startsWith("area.sasaran:")) {
                    yield sasaran(r, spec.substring(13));
                }
                throw new IllegalStateException("form " + l.code() + ": total " + spec + " is unknown");
            }
        };
    }

    private static int indexOf(FormLayout l, String key) {
        for (int i = 0; i < l.columns().size(); i++) {
            if (l.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("form " + l.code() + ": no column " + key);
    }

    private static Object sumColumn(List<Table.Row> rows, int col) {
        BigDecimal sum = null;
        boolean whole = true;
        for (Table.Row r : rows) {
            Object v = r.cells().get(col);
            if (v instanceof Long x) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(BigDecimal.valueOf(x));
            } else if (v instanceof BigDecimal d) {
                whole = false;
                sum = (sum == null ? BigDecimal.ZERO : sum).add(d);
            }
        }
        return sum == null ? null : whole ? (Object) sum.longValueExact() : sum;
    }

    private static BigDecimal decimalOf(Object o) {
        return o == null ? null : o instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) o;
    }

    private String fill(String template, Context ctx) {
        AchievementReport r = ctx.report();
        String name = r.areaName() == null ? ctx.area : r.areaName().toUpperCase(Locale.ROOT);
        String areaTitle = switch (r.level()) {
            case "DISTRICT" -> "DAERAH " + name;
            case "PROVINCE" -> "DAERAH PROVINSI " + name.replaceFirst("^PROVINSI ", "");
            case "KECAMATAN" -> name.startsWith("KECAMATAN") ? name : "KECAMATAN " + name;
            default -> name.startsWith("PUSKESMAS") ? name : "PUSKESMAS " + name;
        };
        Period p = ctx.period;
        String periodTitle = p.isYear() ? "TAHUN " + p.year() : "TRIWULAN " + ROMAN[p.quarter()] + " TAHUN " + p.year();
        String periodShort = p.isYear() ? "TAHUN " + p.year() : "S.D. TRIWULAN " + ROMAN[p.quarter()] + " " + p.year();
        return template.replace("{AREA_TITLE}", areaTitle).replace("{YEAR}", Integer.toString(p.year()))
                .replace("{PERIOD_TITLE}", periodTitle).replace("{PERIOD_SHORT}", periodShort);
    }

    // ---- values ------------------------------------------------------------------------------------------------

    private static Map<String, List<Map<String, Object>>> byService(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            out.computeIfAbsent(String.valueOf(r.get("service")), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static BigDecimal sum(List<Map<String, Object>> rows, String field) {
        BigDecimal s = null;
        for (Map<String, Object> r : rows) {
            BigDecimal v = decimal(r.get(field));
            if (v != null) {
                s = s == null ? v : s.add(v);
            }
        }
        return s;
    }

    private static String text(List<Map<String, Object>> rows, String field) {
        List<String> parts = rows.stream().map(r -> r.get(field)).filter(v -> v != null && !v.toString().isBlank())
                .map(Object::toString).toList();
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /** part ÷ whole × 100, rounded once to 2 decimals half up (reports.md §2 "Percent"); null without a whole. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL128).setScale(2,
                RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(o.toString());
    }

    /** Every source the layouts name is known (checked at startup by the layout test). */
    public static boolean knownSource(String source) {
        return SOURCES.contains(source) || SOURCES.stream().anyMatch(s -> s.endsWith(":") && source.startsWith(s));
    }

    public static boolean knownTotal(String spec) {
        return TOTAL_SOURCES.contains(spec) || TOTAL_SOURCES.stream().anyMatch(s -> s.endsWith(":") && spec.startsWith(s));
    }
}
