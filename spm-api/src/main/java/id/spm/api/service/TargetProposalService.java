package id.spm.api.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.entity.PrevalenceRow;
import id.spm.api.entity.TargetRow;
import id.spm.api.error.ApiException;
import id.spm.api.error.LocatedApiException;
import id.spm.api.model.AchievementReport;
import id.spm.api.model.AchievementReport.ServiceAchievement;
import id.spm.api.model.TargetAdoption;
import id.spm.api.model.TargetProposal;
import id.spm.api.model.TargetProposalRequest;
import id.spm.api.model.TargetSourceDto;
import id.spm.api.repository.ChangeEvents;
import id.spm.api.repository.DataVersionRepository;
import id.spm.api.repository.PopulationRepository;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.TargetProposalRepository;
import id.spm.api.repository.TargetRepository;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.SpmService;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.GoodsStandard;
import id.spm.rules.quality.GoodsStandards;
import id.spm.rules.quality.RecipientBase;
import id.spm.rules.target.AgeGroup;
import id.spm.rules.target.NextYearTargets;
import id.spm.rules.target.Population;
import id.spm.rules.target.PopulationProjection;
import id.spm.rules.target.Prevalence;
import id.spm.rules.target.ProjectionMethod;
import id.spm.rules.target.Target;
import id.spm.rules.target.TargetDerivations;

/**
 * Next year's targets (issue 11; SE Mendagri 600.4/2851/ST asks regions to set next year's target numbers and
 * minimum quality in advance): a proposal per district and year, with spm-rules ({@link PopulationProjection},
 * {@link NextYearTargets}, {@link TargetDerivations}); adopting it by decree writes its figures as the sasaran of
 * that year with the provenance {@code DECREE}, which the computation of that year then uses.
 */
@ApplicationScoped
public class TargetProposalService {

    /** Years of {@code penduduk} read before the year proposed for, unless the request says. */
    public static final int DEFAULT_BASE_YEARS = 3;
    /** The %IP mutu a proposal aims at: every item at its standard (digest §3). */
    public static final BigDecimal MINIMUM_QUALITY_PERCENT = BigDecimal.valueOf(100);

    private final CallerScope scope;
    private final AchievementService achievements;
    private final FactInputs inputs;
    private final TargetRepository targets;
    private final TargetProposalRepository proposals;
    private final PuskesmasRepository registry;
    private final DataVersionRepository versions;
    private final ChangeEvents changes;
    private final ObjectMapper mapper;
    private final PopulationRepository quality;

    public TargetProposalService(CallerScope scope, AchievementService achievements, FactInputs inputs,
            TargetRepository targets, TargetProposalRepository proposals, PuskesmasRepository registry,
            DataVersionRepository versions, ChangeEvents changes, ObjectMapper mapper, PopulationRepository quality) {
        this.quality = quality;
        this.scope = scope;
        this.achievements = achievements;
        this.inputs = inputs;
        this.targets = targets;
        this.proposals = proposals;
        this.registry = registry;
        this.versions = versions;
        this.changes = changes;
        this.mapper = mapper;
    }

    /** Proposes and stores (not adopted); computes the year before's figures first when stale. */
    public TargetProposal propose(TargetProposalRequest in) {
        String district = AreaCodeParam.normalize(in.area());
        AreaAccess.require(scope, district);
        if (AreaCodeParam.isPuskesmas(district) || AreaCodeParam.level(district) != 2) {
            throw LocatedApiException.badRequest("NOT_A_DISTRICT", "area",
                    "Targets are proposed for a district (kab/kota), not " + district + ".");
        }
        int year = in.year();
        ProjectionMethod method;
        try {
            method = in.populationMethod() == null ? ProjectionMethod.LINEAR
                    : ProjectionMethod.valueOf(in.populationMethod().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocatedApiException.badRequest("INVALID_POPULATION_METHOD", "populationMethod",
                    "populationMethod must be LINEAR or GEOMETRIC, not '" + in.populationMethod() + "'.");
        }
        int baseYears = in.baseYears() == null ? DEFAULT_BASE_YEARS : in.baseYears();
        BigDecimal growth = in.annualGrowthPercent() == null ? null
                : in.annualGrowthPercent().movePointLeft(2);
        if (growth != null && method != ProjectionMethod.GEOMETRIC) {
            throw LocatedApiException.badRequest("GROWTH_NEEDS_GEOMETRIC", "annualGrowthPercent",
                    "annualGrowthPercent applies to the GEOMETRIC method only.");
        }

        // The last years' penduduk rows of the district itself.
        List<Population> base = new ArrayList<>();
        for (int y = year - baseYears; y < year; y++) {
            for (Population p : inputs.population(List.of(district), y)) {
                if (p.area().equals(district)) {
                    base.add(p);
                }
            }
        }
        List<Integer> years = PopulationProjection.years(base);
        if (years.isEmpty()) {
            throw ApiException.badRequest("POPULATION_MISSING", "No penduduk rows of " + district + " in "
                    + (year - baseYears) + "–" + (year - 1) + " to project from.");
        }
        List<Population> projected;
        try {
            projected = PopulationProjection.project(base, year, method, growth);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("POPULATION_NOT_PROJECTABLE", e.getMessage());
        }
        int lastYear = years.get(years.size() - 1);
        List<Population> lastRows = base.stream().filter(p -> p.year() == lastYear).toList();

        // This year's sasaran of the district: the ones the computation resolved (GET /achievements).
        Map<SpmService, Target> current = new EnumMap<>(SpmService.class);
        Period before = Period.ofYear(year - 1);
        if (RuleSets.forPeriod(before).isPresent()) {
            AchievementReport r = achievements.report(district, before);
            for (ServiceAchievement s : r.services()) {
                AchievementReport.DenominatorDto d = s.denominator();
                if (d.amount() != null && d.sources() != null && !d.sources().isEmpty()) {
                    current.put(SpmService.parse(s.serviceCode()), new Target(district, year - 1,
                            SpmService.parse(s.serviceCode()), d.amount(),
                            id.spm.rules.target.TargetSource.valueOf(d.sources().iterator().next()), d.explanation()));
                }
            }
        }
        Map<SpmService, Prevalence> prevalence = new EnumMap<>(SpmService.class);
        for (SpmService s : List.of(SpmService.HYPERTENSION, SpmService.DIABETES, SpmService.SEVERE_MENTAL_DISORDER)) {
            PrevalenceRow row = targets.prevalence(s.code(), district).orElse(null);
            if (row != null) {
                AgeGroup g = AgeGroup.parse(row.ageBand);
                prevalence.put(s, new Prevalence(s, row.rate, g.fromAge(), g.toAge(), row.year, row.source));
            }
        }
        List<NextYearTargets.Proposed> proposed = NextYearTargets.propose(district, year, projected, lastRows, current,
                prevalence, in.targetPenemuan());

        boolean split = in.split() == null || in.split();
        List<PuskesmasInfo> under = registry.under(district).stream().map(p -> new PuskesmasInfo(p.code, p.name,
                p.kecamatanCode, Set.of(p.desaCodes), p.population)).toList();
        List<TargetProposal.Sasaran> sasaran = new ArrayList<>();
        Map<SpmService, Long> amounts = new EnumMap<>(SpmService.class);
        for (NextYearTargets.Proposed p : proposed) {
            SpmService s = p.service();
            if (p.target() == null) {
                sasaran.add(new TargetProposal.Sasaran(s.code(), s.name(), null, null, null, null, p.reason(), null,
                        null));
                continue;
            }
            Target t = p.target();
            amounts.put(s, t.amount());
            List<TargetProposal.Share> shares = null;
            String sharesReason = null;
            if (split) {
                try {
                    shares = TargetDerivations.splitByPopulation(t, under).stream()
                            .map(x -> new TargetProposal.Share(x.area(), x.amount())).toList();
                } catch (IllegalArgumentException e) {
                    sharesReason = e.getMessage();
                }
            }
            sasaran.add(new TargetProposal.Sasaran(s.code(), s.name(), t.amount(), p.method().name(),
                    t.source().name(), t.note(), null, shares, sharesReason));
        }
        List<TargetProposal.MinimumQuality> quality = new ArrayList<>();
        for (SpmService s : SpmService.values()) {
            List<TargetProposal.Goods> goods = new ArrayList<>();
            for (GoodsStandard g : GoodsStandards.forService(s)) {
                // §5 goods standards: need = standard × the proposed recipients of their base.
                Long recipients = g.base() == RecipientBase.PREGNANT_WOMEN ? amounts.get(SpmService.ANTENATAL)
                        : g.base() == RecipientBase.NEWBORNS ? amounts.get(SpmService.NEWBORN) : null;
                goods.add(new TargetProposal.Goods(g.item(), g.unit(), g.describe(),
                        recipients == null ? null : g.need(recipients)));
            }
            quality.add(new TargetProposal.MinimumQuality(s.code(), s.name(), MINIMUM_QUALITY_PERCENT,
                    "every goods and staff item at its standard (%IP mutu 100, digest §3)"
                            + (goods.isEmpty() ? "" : "; goods needs = standard × proposed sasaran (digest §5)"),
                    goods));
        }
        long population = projected.stream().mapToLong(Population::total).sum();
        TargetProposal proposal = new TargetProposal(null, district, year, "PROPOSED", method.name(),
                PopulationProjection.describe(method, years, year, growth), years, population, sasaran, quality, null,
                null, null);
        String subject = scope.subject();
        long id = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> proposals.add(district, district, year, json(proposal), subject));
        return get(id);
    }

    public TargetProposal get(long id) {
        TargetProposalRepository.StoredProposal s = proposals.find(id, false).orElseThrow(
                () -> ApiException.notFound("PROPOSAL_NOT_FOUND", "No target proposal " + id + "."));
        AreaAccess.require(scope, s.kabkota());
        return dto(s);
    }

    /**
     * Adopts a proposal by the regional head's decree: its district figures and Puskesmas shares are written as the
     * sasaran of its year (source DECREE, the decree and method in the note). Adopting again with the same decree
     * answers the adoption; another decree is a conflict.
     */
    @Transactional
    public TargetProposal adopt(long id, TargetAdoption in) {
        TargetProposalRepository.StoredProposal s = proposals.find(id, true).orElseThrow(
                () -> ApiException.notFound("PROPOSAL_NOT_FOUND", "No target proposal " + id + "."));
        AreaAccess.require(scope, s.kabkota());
        if (s.adoptedAt() != null) {
            if (s.decreeNumber().equals(in.decreeNumber().strip()) && s.decreeDate().equals(in.decreeDate())) {
                return dto(s);
            }
            throw ApiException.conflict("ALREADY_ADOPTED", "Proposal " + id + " was adopted by decree "
                    + s.decreeNumber() + " of " + s.decreeDate() + "; propose again for another decree.");
        }
        TargetProposal p = read(s.json());
        String decree = "SK Kepala Daerah " + in.decreeNumber().strip() + " tanggal " + in.decreeDate();
        int written = 0;
        for (TargetProposal.Sasaran x : p.sasaran()) {
            if (x.amount() == null) {
                continue;
            }
            write(s.kabkota(), s.kabkota(), s.year(), x.serviceCode(), x.amount(),
                    decree + ": " + x.method() + ", " + x.note());
            written++;
            if (x.shares() != null) {
                for (TargetProposal.Share sh : x.shares()) {
                    write(sh.puskesmas(), s.kabkota(), s.year(), x.serviceCode(), sh.amount(),
                            decree + ": share of " + s.kabkota() + " " + x.amount() + " by population");
                    written++;
                }
            }
        }
        // The adopted minimum quality (SE Mendagri 600.4/2851/ST: the number of citizens and the minimum quality
        // set in advance): its goods needs become the year's quality items of the district, with the decree as
        // their source; the stock stays as reported (0 until the year's mutu input reports it).
        List<PopulationRepository.QualityItemRow> needs = new ArrayList<>();
        if (p.minimumQuality() != null) {
            for (TargetProposal.MinimumQuality q : p.minimumQuality()) {
                if (q.goods() == null) {
                    continue;
                }
                for (TargetProposal.Goods g : q.goods()) {
                    if (g.need() == null) {
                        continue;
                    }
                    needs.add(new PopulationRepository.QualityItemRow(s.kabkota(), s.year(), null, q.serviceCode(),
                            "GOODS", g.item(), g.unit(), g.need(), BigDecimal.ZERO, null,
                            decree + " (target proposal " + id + "): " + g.standard() + " × proposed sasaran"));
                }
            }
        }
        quality.setNeeds(s.kabkota(), needs);
        if (!proposals.adopt(id, in.decreeNumber().strip(), in.decreeDate(), scope.subject(), written)) {
            throw ApiException.conflict("ALREADY_ADOPTED", "Proposal " + id + " was adopted meanwhile.");
        }
        changes.kind(ChangeEvents.TARGET_SET, s.kabkota() + " " + s.year() + " adopted proposal " + id);
        versions.bump(s.kabkota(), s.year());
        return dto(proposals.find(id, false).orElseThrow());
    }

    private void write(String area, String kabkota, int year, String serviceCode, long amount, String note) {
        TargetRow t = new TargetRow();
        t.areaCode = area;
        t.kabkotaCode = kabkota;
        t.year = (short) year;
        t.serviceCode = serviceCode;
        t.amount = amount;
        t.source = TargetSourceDto.DECREE;
        t.note = note.length() > 500 ? note.substring(0, 499) + "…" : note;
        t.createdBy = scope.subject();
        targets.add(t);
    }

    private TargetProposal dto(TargetProposalRepository.StoredProposal s) {
        TargetProposal.Adoption adoption = s.adoptedAt() == null ? null
                : new TargetProposal.Adoption(s.decreeNumber(), s.decreeDate(), s.adoptedAt(), s.adoptedBy(),
                        s.targetsWritten() == null ? 0 : s.targetsWritten());
        return read(s.json()).withStored(s.id(), adoption == null ? "PROPOSED" : "ADOPTED", adoption, s.createdAt(),
                s.createdBy());
    }

    private String json(TargetProposal p) {
        try {
            return mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TargetProposal read(String json) {
        try {
            return mapper.readValue(json, TargetProposal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
