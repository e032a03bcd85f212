package id.spm.api.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.api.area.AreaCodes;
import id.spm.api.error.ApiException;
import id.spm.api.model.DecisionDto;
import id.spm.api.model.PersonPage;
import id.spm.rules.Period;
import id.spm.rules.SpmService;
import id.spm.rules.Status;

/** Who is not counted (or pending, or excluded) and why: the decisions stored at computation. */
@ApplicationScoped
public class PersonOutcomeService {

    private static final TypeReference<List<DecisionDto.ReasonDto>> REASONS = new TypeReference<>() {
    };

    private final AchievementService achievements;
    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public PersonOutcomeService(AchievementService achievements, DataSource dataSource, ObjectMapper mapper) {
        this.achievements = achievements;
        this.dataSource = dataSource;
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

    /** The area is authorised and normalised by the caller. */
    public PersonPage page(String area, Period period, SpmService service, Status status, int page, int size) {
        if (!AreaCodes.isPuskesmas(area) && AreaCodes.level(area) < 2) {
            throw ApiException.badRequest("AREA_TOO_WIDE", "Person lists are per district, kecamatan or Puskesmas.");
        }
        // Brings the district's stored decisions up to date with its data.
        achievements.report(area, period);
        String kabkota = achievements.unitOf(area).code();
        String[] puskesmas = achievements.puskesmasUnder(area).toArray(String[]::new);
        String where = " from decision_result where kabkota_code = ? and year = ? and quarter = ? and service_code = ? "
                + "and status = ? and puskesmas_code = any (?)";
        try (Connection c = dataSource.getConnection()) {
            Array codes = c.createArrayOf("text", puskesmas);
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                bind(ps, kabkota, period, service, status, codes);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<PersonPage.PersonOutcome> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select person_key, subject, puskesmas_code, reasons::text"
                    + where + " order by puskesmas_code, person_key, subject limit ? offset ?")) {
                bind(ps, kabkota, period, service, status, codes);
                ps.setInt(7, size);
                ps.setLong(8, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PersonPage.PersonOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
                                mapper.readValue(rs.getString(4), REASONS)));
                    }
                }
            }
            return new PersonPage(area, period.label(), service.code(), status.name(), page, size, total, out);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read person outcomes", e);
        }
    }

    private static void bind(PreparedStatement ps, String kabkota, Period period, SpmService service, Status status,
            Array codes) throws SQLException {
        ps.setString(1, kabkota);
        ps.setShort(2, (short) period.year());
        ps.setShort(3, (short) period.quarter());
        ps.setString(4, service.code());
        ps.setString(5, status.name());
        ps.setArray(6, codes);
    }
}
