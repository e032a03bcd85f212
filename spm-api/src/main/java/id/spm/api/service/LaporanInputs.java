package id.spm.api.service;

import id.spm.api.model.LaporanTyped;
import id.spm.rules.Period;

/**
 * Where the Laporan Penerapan SPM gets its typed parts (reports.md §9): budget per service and source of funds,
 * permasalahan/solusi, program/kegiatan, narrative, the four stages. Implemented over the forms' typed inputs
 * ({@code report/FormLaporanInputs}), so the Laporan shows the rows the forms show.
 */
public interface LaporanInputs {

    /**
     * The typed parts entered for an area and period, or those frozen with the submission {@code submission} when
     * given; {@link LaporanTyped#NONE} if none.
     */
    LaporanTyped typed(String area, Period period, Long submission);

    /** Changes whenever {@link #typed} would answer differently (part of the report's ETag). */
    String version(String area, Period period, Long submission);
}
