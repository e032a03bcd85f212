package id.spm.api.service;

import id.spm.api.model.LaporanTyped;
import id.spm.rules.Period;

/**
 * Where the Laporan Penerapan SPM gets its typed parts (reports.md §9): budget per service and source of funds,
 * permasalahan/solusi, program/kegiatan, narrative, the four stages. One bean implements it; until the forms'
 * typed inputs (issue 10, branch {@code forms}) provide one, {@link NoLaporanInputs} answers "nothing entered" and
 * the report prints each typed section as "belum diisi" with the input that fills it.
 */
public interface LaporanInputs {

    /** The typed parts entered for a district (or another area) and period; {@link LaporanTyped#NONE} if none. */
    LaporanTyped typed(String area, Period period);

    /** Changes whenever {@link #typed} would answer differently (part of the report's ETag). */
    String version(String area, Period period);
}
