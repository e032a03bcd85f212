package id.spm.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.spm.api.model.AchievementReport;
import id.spm.api.model.DecisionDto;
import id.spm.api.model.ServiceCatalog;

/** The stored JSON of results and frozen submissions is the storage record's, not the API's. */
class StoredReportTest {

    /** Configured as Quarkus configures its mapper. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final DecisionDto.ReasonDto REASON = new DecisionDto.ReasonDto("ANC_T2_VISITS",
            "1 visit in trimester 2, 2 required", "PMK-6-2024 §9.1");

    static AchievementReport report() {
        OffsetDateTime at = OffsetDateTime.of(2025, 7, 1, 8, 30, 0, 0, ZoneOffset.UTC);
        var service = new AchievementReport.ServiceAchievement("1.02.02.2.02.0001", "ANTENATAL",
                "Pelayanan kesehatan ibu hamil", 3571,
                new AchievementReport.DenominatorDto(4820L, "AVAILABLE", "OWN", Set.of("BPS_PROJECTION"),
                        "own sasaran 4820 (Proyeksi BPS)"),
                new BigDecimal("74.09"), new BigDecimal("74.09"), new BigDecimal("62.50"), new BigDecimal("71.77"),
                "Tuntas Madya", new AchievementReport.ByName(3571, 1102, 640, 61), List.of("P7318010101"), "PROVIDED",
                List.of(REASON), List.of(new AchievementReport.AssumptionCount("KN1_BY_DAY", "an example", 212)),
                new AchievementReport.PersonGapDto(1249L, "Tuntas Utama", 496L),
                new AchievementReport.MutuDto("OWN", Set.of("SK Kepala Daerah 1/2026 tanggal 2026-01-15"),
                        "MEAN_OF_CAPPED over 1 item(s) with a need, own rows",
                        List.of(new AchievementReport.MutuItemDto("GOODS", "Tablet tambah darah", "tablet",
                                new BigDecimal("180"), new BigDecimal("90"), new BigDecimal("50.00"),
                                "SK Kepala Daerah 1/2026 tanggal 2026-01-15"))));
        var sparse = new AchievementReport.ServiceAchievement("1.02.02.2.02.0012", "HIV", "Pelayanan HIV", 0,
                new AchievementReport.DenominatorDto(null, "MISSING", null, Set.of(), "no sasaran"), null, null, null,
                null, null, null, null, null, null, null, null, null);
        return new AchievementReport("73.18", "Kabupaten Tana Toraja", "DISTRICT", "2025-Q2", "PMK-6-2024", 17, at,
                new BigDecimal("71.36"), "Tuntas Madya",
                List.of(new AchievementReport.LeftOut("1.02.02.2.02.0012", List.of(REASON))), List.of(service, sparse),
                List.of(new ServiceCatalog.ParameterDto("antenatal.trimester1MaxWeek", "12", "weeks", false)),
                List.of(new AchievementReport.ChildLink("73.18.01", "Salupputti",
                        "/api/v1/achievements?area=73.18.01&year=2025&quarter=2")),
                new AchievementReport.SubmissionStatus(7, at, 12, false,
                        List.of(new AchievementReport.Difference("73.18", "1.02.02.2.02.0001", "numerator", "3571",
                                "3580"))));
    }

    @Test
    void a_report_stored_by_the_former_code_reads_back_into_the_api_shape() throws Exception {
        // Until now the API's record itself was serialised into achievement_result and submission.
        AchievementReport r = report();
        String former = mapper.writeValueAsString(r);
        assertThat(StoredReport.read(mapper, former)).isEqualTo(r);
        assertThat(StoredReport.write(mapper, r)).isEqualTo(former);
    }

    @Test
    void a_frozen_submission_reads_back_area_by_area_in_order() {
        Map<String, AchievementReport> areas = new LinkedHashMap<>();
        AchievementReport r = report();
        areas.put("73.18", r);
        areas.put("73.18.01", r.withSubmission(null));
        String json = StoredReport.writeAreas(mapper, areas);
        assertThat(StoredReport.readAreas(mapper, json)).containsExactlyEntriesOf(areas);
    }

    /**
     * A submission frozen today, as stored: it must keep reading whatever the API adds to its report
     * (such a field is then absent from the stored JSON) or drops from it (the stored JSON then has a
     * property no longer mapped).
     */
    @Test
    void a_submission_frozen_today_survives_a_change_of_the_api_shape() {
        String frozen = """
                {"73.18":{"area":"73.18","areaName":"Kabupaten Tana Toraja","level":"DISTRICT","period":"2025-Q2",
                "ruleSet":"PMK-6-2024","dataVersion":17,"sectorIndex":71.36,"sectorCategory":"Tuntas Madya",
                "leftOut":[],"services":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL",
                "name":"Pelayanan kesehatan ibu hamil","numerator":3571,"denominator":{"amount":4820,
                "status":"AVAILABLE","method":"OWN","sources":["BPS_PROJECTION"],"explanation":"own"},
                "coveragePercent":74.09,"penerimaPercent":74.09,"index":71.77,"category":"Tuntas Madya",
                "byName":{"counted":3571,"notCounted":1102,"pending":640,"excluded":61},
                "reasons":[{"code":"ANC_T2_VISITS","message":"1 visit","clause":"PMK-6-2024 §9.1"}],
                "aFieldTheApiNoLongerHas":1}],"parameters":[],"children":[]}}
                """;
        Map<String, AchievementReport> areas = StoredReport.readAreas(mapper, frozen);
        assertThat(areas).containsOnlyKeys("73.18");
        AchievementReport r = areas.get("73.18");
        assertThat(r.dataVersion()).isEqualTo(17);
        assertThat(r.sectorIndex()).isEqualByComparingTo("71.36");
        AchievementReport.ServiceAchievement s = r.services().get(0);
        assertThat(s.numerator()).isEqualTo(3571);
        assertThat(s.denominator().amount()).isEqualTo(4820L);
        assertThat(s.qualityPercent()).isNull();
        assertThat(s.byName().notCounted()).isEqualTo(1102);
        assertThat(s.reasons()).extracting(DecisionDto.ReasonDto::code).containsExactly("ANC_T2_VISITS");
        assertThat(r.submission()).isNull();
    }
}
