package id.spm.api.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /reports/laporan}: the Laporan Penerapan SPM of an area and year (or quarter), in the outline of
 * reports.md §5.4. Every figure is the achievements computation's ({@link AchievementReport}); typed parts come
 * from {@link LaporanTyped} and are marked as not yet entered when absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Laporan(@Schema(example = "LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN") String title,
        @Schema(example = "73.18") String area, @Schema(example = "Kabupaten Tana Toraja") String areaName,
        @Schema(example = "DISTRICT") String level, @Schema(example = "2025") int year,
        @Schema(example = "2", description = "Absent for the annual report") Integer quarter,
        @Schema(example = "2025-Q2") String period,
        @Schema(example = "TRIWULAN", enumeration = {
                "TAHUNAN", "TRIWULAN" }) String kind,
        @Schema(example = "PMK-6-2024") String ruleSet, CategorySchemeNote categoryScheme,
        @Schema(example = "17", description = "The data version the figures were computed from") long dataVersion,
        OffsetDateTime computedAt,
        @Schema(description = "Present when rendered from a frozen submission (&submission=ID)") Frozen submission,
        Summary summary, List<ServiceRow> services, List<QuarterPoint> quarters, List<KendalaRow> permasalahan,
        List<BudgetRow> anggaran,
        @Schema(description = "Sum of the typed allocations; absent while none is entered") BigDecimal anggaranTotal,
        LaporanTyped typed, List<Section> sections){

    /** The category scheme of the index, and that its bands are unverified (reports.md §7). */
    public record CategorySchemeNote(@Schema(example = "BANDS-20") String id,
            @Schema(example = "Bands of 20 points (default)") String description,
            List<ServiceCatalog.BandDto> bands,
            @Schema(example = "false", description = "Whether the bands were checked against the Lampiran of Permendagri 59/2021") boolean verified,
            String note) {
    }

    /** Named apart from the forms' Frozen and the import job's Summary: no numbered schema (issue 15). */
    @Schema(name = "LaporanFrozen")
    public record Frozen(@Schema(example = "7") long id, OffsetDateTime frozenAt, @Schema(example = "12") long dataVersion) {
    }

    /** BAB II.3 in numbers and sentences. */
    @Schema(name = "LaporanSummary")
    public record Summary(@Schema(example = "12") int services,
            @Schema(example = "11", description = "Services whose IPSPM could be computed") int computable,
            @Schema(example = "2", description = "Services whose coverage (% penerima) reached the 100 % target") int atTarget,
            @Schema(example = "71.36") BigDecimal sectorIndex, @Schema(example = "Tuntas Madya") String sectorCategory,
            @Schema(example = "Dari 12 jenis pelayanan dasar, 2 jenis telah mencapai target 100 % penerima layanan dasar.") String sentence,
            @Schema(description = "The IPSPM as defined (reports.md §6) and the sector index sentence") List<String> ipspmText) {
    }

    /** One service in BAB II.2–II.4 (forms 2.A.2, 2.D.2, 2.E.2): the achievements' figures, unchanged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceRow(@Schema(example = "1") int number, @Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            @Schema(example = "4820", description = "Sasaran (denominator); absent when missing") Long sasaran,
            @Schema(example = "AVAILABLE") String sasaranStatus,
            @Schema(example = "own sasaran 4820 (Proyeksi BPS)", description = "Where the sasaran comes from") String sasaranProvenance,
            @Schema(example = "[\"BPS_PROJECTION\"]") List<String> sasaranSources,
            @Schema(example = "3571", description = "Terlayani sesuai standar (numerator)") long realisasi,
            @Schema(example = "1249", description = "Sasaran − terlayani, not below 0") Long belumTerlayani,
            @Schema(example = "100") BigDecimal targetPercent, @Schema(example = "74.09") BigDecimal coveragePercent,
            @Schema(example = "74.09") BigDecimal penerimaPercent, @Schema(example = "62.50") BigDecimal qualityPercent,
            @Schema(example = "PROVIDED") String mutuStatus, @Schema(example = "71.77") BigDecimal index,
            @Schema(example = "Tuntas Madya") String category,
            @Schema(description = "Why a figure is missing") List<String> reasons) {
    }

    /** The report at the end of one quarter (cumulative from January), for the quarter-by-quarter view. */
    public record QuarterPoint(@Schema(example = "2025-Q1") String period, @Schema(example = "1") int quarter,
            @Schema(example = "64.10") BigDecimal sectorIndex, @Schema(example = "Tuntas Madya") String sectorCategory,
            @Schema(example = "1") int atTarget, @Schema(example = "15") long dataVersion,
            @Schema(example = "COMPUTED", enumeration = {
                    "COMPUTED", "SUBMISSION" }) String source,
            List<QuarterService> services){
    }

    public record QuarterService(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "21.40") BigDecimal coveragePercent, @Schema(example = "37.12") BigDecimal index) {
    }

    /** BAB II.6 (table §4.4): a service below target, with the typed permasalahan and solusi when entered. */
    public record KendalaRow(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "Pelayanan kesehatan ibu hamil") String name, @Schema(example = "100") BigDecimal targetPercent,
            @Schema(example = "74.09", description = "Realisasi = coverage (% penerima), reports.md §10 #3") BigDecimal realisasiPercent,
            List<String> permasalahan, List<String> solusi,
            @Schema(example = "false", description = "Whether permasalahan and solusi were entered") boolean filled) {
    }

    /** BAB II.5 (table §4.3): typed allocation and realisation per service; the percentage is computed. */
    public record BudgetRow(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "Pelayanan kesehatan ibu hamil") String name,
            @Schema(example = "656212697") BigDecimal alokasi, @Schema(example = "512000000") BigDecimal realisasi,
            @Schema(example = "78.02") BigDecimal realisasiPercent,
            @Schema(example = "[\"DAK Non Fisik\",\"JKN\"]") List<String> sumberDana) {
    }

    /** One block of the outline, whether it is computed or typed, and whether it is filled. */
    public record Section(@Schema(example = "II.5") String id,
            @Schema(example = "Alokasi Anggaran dan Sumber Dana") String title,
            @Schema(example = "TYPED", enumeration = {
                    "COMPUTED", "TYPED", "DEFAULT" }) String content,
            @Schema(example = "false") boolean filled,
            @Schema(example = "anggaran: alokasi, realisasi and sumber dana per service (forms inputs)", description = "The input that fills a typed section") String input,
            @Schema(example = "2.D.2") String forms){
    }
}
