package id.spm.api.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.model.DecisionDto;
import id.spm.api.model.PersonPage;
import id.spm.api.repository.DecisionResultRepository;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;

/** Who is not counted (or pending, or excluded) and why: the decisions stored at computation. */
@ApplicationScoped
public class PersonOutcomeService {

    private static final TypeReference<List<DecisionDto.ReasonDto>> REASONS = new TypeReference<>() {
    };

    private final AchievementService achievements;
    private final DecisionResultRepository decisions;
    private final ObjectMapper mapper;

    public PersonOutcomeService(AchievementService achievements, DecisionResultRepository decisions,
            ObjectMapper mapper) {
        this.achievements = achievements;
        this.decisions = decisions;
        this.mapper = mapper;
    }

    public static Status status(String raw) {
        String s = raw == null ? "not-counted" : raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            Status st = Status.valueOf(s);
            if (st == Status.NOT_COUNTED || st == Status.PENDING || st == Status.EXCLUDED) {
                return st;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw ApiException.badRequest("INVALID_STATUS", "status is one of not-counted, pending, excluded.");
    }

    /** Person lists are per district, kecamatan or Puskesmas (400 AREA_TOO_WIDE otherwise). */
    public static void requireListable(String area) {
        if (!AreaCodeParam.isPuskesmas(area) && AreaCodeParam.level(area) < 2) {
            throw ApiException.badRequest("AREA_TOO_WIDE", "Person lists are per district, kecamatan or Puskesmas.");
        }
    }

    /**
     * The entity tag of a page of persons (area authorised and listable), as a caller with these areas sees it:
     * the basis of the district's computation ({@link AchievementService#basis}: data versions, registry, rule
     * set and parameters), the service, status and page asked. Reads versions only; computes nothing.
     */
    public String tag(String area, Period period, SpmService service, Status status, int page, int size,
            Collection<String> callerAreas) {
        return EntityTags.of("persons|" + achievements.basis(achievements.unitOf(area), area, period) + "|service="
                + service.code() + "|status=" + status.name() + "|page=" + page + "|size=" + size + "|caller="
                + new TreeSet<>(callerAreas));
    }

    /** The area is authorised and normalised by the caller. */
    public PersonPage page(String area, Period period, SpmService service, Status status, int page, int size) {
        requireListable(area);
        // Brings the district's stored decisions up to date with its data.
        achievements.report(area, period);
        String kabkota = achievements.unitOf(area).code();
        DecisionResultRepository.Page rows = decisions.page(kabkota, period.year(), period.quarter(), service.code(),
                status.name(), achievements.puskesmasUnder(area), page, size);
        List<PersonPage.PersonOutcome> out = new ArrayList<>();
        try {
            for (DecisionResultRepository.StoredDecision d : rows.rows()) {
                out.add(new PersonPage.PersonOutcome(d.personKey(), d.subject(), d.puskesmas(),
                        mapper.readValue(d.reasonsJson(), REASONS)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read person outcomes", e);
        }
        return new PersonPage(area, period.label(), service.code(), status.name(), page, size, rows.total(), out);
    }
}
