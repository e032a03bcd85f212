package id.spm.api.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /achievements}: the twelve services of one area and period, and the sector index. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AchievementReport(@Schema(example = "73.18") String area,
        @Schema(example = "Kabupaten Tana Toraja") String areaName,
        @Schema(example = "DISTRICT", enumeration = {
                "PROVINCE", "DISTRICT", "KECAMATAN", "PUSKESMAS" }) String level,
        @Schema(example = "2025-Q2") String period, @Schema(example = "PMK-6-2024") String ruleSet,
        @Schema(example = "17", description = "The data version the figures were computed from") long dataVersion,
        OffsetDateTime computedAt,
        @Schema(example = "71.36", description = "Mean of the computable services' IPSPM") BigDecimal sectorIndex,
        @Schema(example = "Tuntas Madya") String sectorCategory, List<LeftOut> leftOut, List<ServiceAchievement> services,
        List<ServiceCatalog.ParameterDto> parameters, List<ChildLink> children, SubmissionStatus submission){

    public AchievementReport withSubmission(SubmissionStatus s) {
        return new AchievementReport(area, areaName, level, period, ruleSet, dataVersion, computedAt, sectorIndex,
                sectorCategory, leftOut, services, parameters, children, s);
    }

    public AchievementReport withComputedAt(OffsetDateTime at) {
        return new AchievementReport(area, areaName, level, period, ruleSet, dataVersion, at, sectorIndex,
                sectorCategory, leftOut, services, parameters, children, submission);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAchievement(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "ANTENATAL") String service, @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            @Schema(example = "3571") long numerator, DenominatorDto denominator,
            @Schema(example = "74.09") BigDecimal coveragePercent,
            @Schema(example = "74.09", description = "Coverage capped inside the index") BigDecimal penerimaPercent,
            @Schema(example = "62.50") BigDecimal qualityPercent, @Schema(example = "71.77") BigDecimal index,
            @Schema(example = "Tuntas Madya") String category, ByName byName,
            @Schema(description = "Puskesmas whose numerator comes from monthly aggregate counts") List<String> aggregateFrom,
            @Schema(example = "PROVIDED") String mutuStatus, List<DecisionDto.ReasonDto> reasons,
            List<AssumptionCount> assumptions,
            @Schema(description = "How many more recipients served sesuai standar reach 100 % coverage and the next category band") PersonGapDto gap,
            @Schema(description = "Where %mutu came from: the goods and staff items (forms 2.B.4 and 2.B.5) and who set their needs") MutuDto mutu) {
    }

    /**
     * The %mutu's items and their provenance, as the denominator shows the sasaran's (issue 11: needs adopted by a
     * decree carry it in {@code needSources} and on each item).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MutuDto(@Schema(example = "OWN", enumeration = {
            "OWN", "DESCENDANTS", "NONE" }) String origin,
            @Schema(example = "[\"SK Kepala Daerah 188.45/12/2026 tanggal 2026-01-15 (target proposal 3): 180 tablet per ibu hamil × proposed sasaran\"]") Set<String> needSources,
            @Schema(example = "MEAN_OF_CAPPED over 4 item(s) with a need, own rows, the year (quarter 4's rows, else rows with no quarter)") String explanation,
            List<MutuItemDto> items){
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MutuItemDto(@Schema(example = "GOODS") String kind, @Schema(example = "Tablet tambah darah") String item,
            @Schema(example = "tablet") String unit, @Schema(example = "122040") BigDecimal need,
            @Schema(example = "98000") BigDecimal stock,
            @Schema(example = "80.30", description = "min(100, stock ÷ need × 100); absent when the need is 0") BigDecimal achievementPercent,
            @Schema(example = "SK Kepala Daerah 188.45/12/2026 tanggal 2026-01-15 (target proposal 3): 180 tablet per ibu hamil × proposed sasaran", description = "Who set the need when not the mutu input") String needSource) {
    }

    /**
     * The gap in persons (spm-rules {@code PersonGap}; reports.md §3.7): to full coverage, and to the next band of
     * the category scheme at the current %mutu (bands unverified, reports.md §7).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonGapDto(
            @Schema(example = "1249", description = "Persons still to serve for 100 % coverage; absent when the sasaran is 0 or missing") Long toFullCoverage,
            @Schema(example = "Tuntas Utama", description = "The band above the current one; absent at the top band or without an index") String nextCategory,
            @Schema(example = "496", description = "Persons to serve to reach nextCategory at the current %mutu; absent when not reachable by persons alone") Long toNextCategory) {
    }

    public record DenominatorDto(@Schema(example = "4820") Long amount,
            @Schema(example = "AVAILABLE", enumeration = {
                    "AVAILABLE", "ZERO", "MISSING" }) String status,
            @Schema(example = "OWN") String method, @Schema(example = "[\"BPS_PROJECTION\"]") Set<String> sources,
            @Schema(example = "own sasaran 4820 (Proyeksi BPS)") String explanation){
    }

    public record ByName(@Schema(example = "3571") long counted, @Schema(example = "1102") long notCounted,
            @Schema(example = "640") long pending, @Schema(example = "61") long excluded) {
    }

    public record AssumptionCount(@Schema(example = "KN1_BY_DAY") String code, String example,
            @Schema(example = "212") long decisions) {
    }

    public record LeftOut(@Schema(example = "1.02.02.2.02.0012") String serviceCode, List<DecisionDto.ReasonDto> reasons) {
    }

    public record ChildLink(@Schema(example = "73.18.01") String code, @Schema(example = "Salupputti") String name,
            @Schema(example = "/api/v1/achievements?area=73.18.01&year=2025&quarter=2") String href) {
    }

    /** Present when the district's period has been frozen as submitted. */
    public record SubmissionStatus(@Schema(example = "7") long id, OffsetDateTime frozenAt,
            @Schema(example = "12") long dataVersion,
            @Schema(example = "false", description = "Whether the current figures equal the frozen ones") boolean matches,
            List<Difference> differences) {
    }

    public record Difference(@Schema(example = "73.18") String area, @Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "numerator") String field, @Schema(example = "3571") String frozen,
            @Schema(example = "3580") String current) {
    }
}
