package id.spm.api.model;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The typed parts of the Laporan Penerapan SPM (reports.md §9 "typed by"): narrative, budget, permasalahan and
 * solusi, program/kegiatan, the four stages. Empty lists and {@code null} texts mean "not entered yet".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LaporanTyped(Narrative narrative, List<Budget> budget, List<Kendala> kendala, List<Program> programs,
        List<Stage> stages) {

    public static final LaporanTyped NONE = new LaporanTyped(null, List.of(), List.of(), List.of(), List.of());

    /** BAB I and IV texts; {@code null} where not entered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Narrative(String kataPengantar, String latarBelakang, List<String> dasarHukum, String kebijakanUmum,
            String arahKebijakan, String penutup) {
    }

    /** Alokasi (pagu after APBD-P) and realisasi of one service, with its sources of funds. */
    public record Budget(@Schema(example = "1.02.02.2.02.0001") String serviceCode, BigDecimal alokasi,
            BigDecimal realisasi, List<String> sumberDana) {
    }

    public record Kendala(@Schema(example = "1.02.02.2.02.0002") String serviceCode, List<String> permasalahan,
            List<String> solusi) {
    }

    /** BAB III (table §4.1, forms 2.C.3/2.C.4). */
    public record Program(@Schema(example = "1.02.02.2.02.0001") String kode,
            @Schema(example = "Pengelolaan Pelayanan Kesehatan Ibu Hamil") String nama,
            @Schema(example = "Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar") String indikator,
            @Schema(example = "Orang") String satuan, @Schema(example = "6423") BigDecimal target,
            @Schema(description = "RPJMD, RENSTRA, RENJA or RKPD", example = "RENSTRA") String dokumen,
            @Schema(description = "Pagu indikatif (Rp)", example = "656212697") BigDecimal pagu,
            @Schema(example = "DAK Non Fisik") String sumberDana) {
    }

    /** BAB II.7: one of the four stages (pengumpulan data … pelaksanaan) and the rencana aksi. */
    public record Stage(@Schema(example = "Pengumpulan Data") String stage, boolean done, String note) {
    }
}
