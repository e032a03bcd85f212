package id.spm.api.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.model.LaporanTyped;
import id.spm.api.service.EntityTags;
import id.spm.api.service.LaporanInputs;
import id.spm.rules.Period;
import id.spm.rules.SpmService;

/**
 * The Laporan's typed parts read from the forms' typed inputs (reports.md §5.4, §9) through
 * {@link ReportFormService#inputRows} and {@link ReportFormService#planRows}, the selection the forms use: II.5 from
 * {@code anggaran} (the figures of form "anggaran" / 2.D.2 columns 7-8), II.6 from {@code kendala}, BAB III from
 * {@code rencana} (the report year's rows of Forms 2.C.3/2.C.4), the narrative, the four stages and the rencana aksi
 * from {@code narasi}; for a frozen submission, the inputs frozen with it ({@code submission_form_input}).
 */
@ApplicationScoped
public class FormLaporanInputs implements LaporanInputs {

    /** Permendagri 59/2021 Pasal 3 / PP 2/2018 Pasal 8: the four stages of applying the SPM, and the rencana aksi. */
    static final Map<String, String> STAGES = stages();

    /**
     * A stage typed without "Status Tahapan" counts as done: its text reports what was done. [interpretation]
     * laporan.stageDoneWithoutStatus
     */
    public static final boolean STAGE_DONE_WITHOUT_STATUS = true;

    private final ReportFormService forms;

    public FormLaporanInputs(ReportFormService forms) {
        this.forms = forms;
    }

    private static Map<String, String> stages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TAHAP_PENGUMPULAN_DATA", "Pengumpulan Data");
        m.put("TAHAP_PENGHITUNGAN_KEBUTUHAN", "Penghitungan Kebutuhan Pemenuhan Pelayanan Dasar");
        m.put("TAHAP_PENYUSUNAN_RENCANA", "Penyusunan Rencana Pemenuhan Pelayanan Dasar");
        m.put("TAHAP_PELAKSANAAN", "Pelaksanaan Pemenuhan Pelayanan Dasar");
        m.put("RENCANA_AKSI", "Rencana Aksi Penerapan SPM");
        return m;
    }

    @Override
    public LaporanTyped typed(String area, Period period, Long submission) {
        return new LaporanTyped(narrative(area, period, submission), budget(area, period, submission),
                kendala(area, period, submission), programs(area, period, submission),
                stages(area, period, submission));
    }

    @Override
    public String version(String area, Period period, Long submission) {
        // The typed parts themselves: any change of what the report shows changes the tag (records print values).
        return EntityTags.of(typed(area, period, submission).toString());
    }

    /** reports.md §4.3: per service, Σ alokasi, Σ realisasi and the funds, as form "anggaran" sums them. */
    private List<LaporanTyped.Budget> budget(String area, Period period, Long submission) {
        Map<String, List<Map<String, Object>>> by = byService(forms.inputRows("anggaran", area, period, submission, true));
        List<LaporanTyped.Budget> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : by.entrySet()) {
            List<Map<String, Object>> rows = e.getValue();
            out.add(new LaporanTyped.Budget(e.getKey(), ReportFormService.sum(rows, "allocation"),
                    ReportFormService.sum(rows, "realisation"),
                    rows.stream().map(r -> ReportFormService.FUNDS.getOrDefault(String.valueOf(r.get("fund")),
                            String.valueOf(r.get("fund")))).distinct().toList()));
        }
        return out;
    }

    /** reports.md §4.4: permasalahan and solusi per service, one item a typed line. */
    private List<LaporanTyped.Kendala> kendala(String area, Period period, Long submission) {
        Map<String, List<Map<String, Object>>> by = byService(forms.inputRows("kendala", area, period, submission, true));
        List<LaporanTyped.Kendala> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : by.entrySet()) {
            List<String> problems = new ArrayList<>();
            List<String> solutions = new ArrayList<>();
            for (Map<String, Object> r : e.getValue()) {
                problems.addAll(lines(r.get("problems")));
                solutions.addAll(lines(r.get("solutions")));
            }
            out.add(new LaporanTyped.Kendala(e.getKey(), problems, solutions));
        }
        return out;
    }

    /** reports.md §4.1, §5.4 BAB III: the plan rows of the report year (every document), as Forms 2.C.3/2.C.4. */
    private List<LaporanTyped.Program> programs(String area, Period period, Long submission) {
        List<LaporanTyped.Program> out = new ArrayList<>();
        for (Map<String, Object> r : forms.planRows(area, period.year(), submission, Set.of())) {
            out.add(new LaporanTyped.Program(str(r.get("code")), str(r.get("name")), str(r.get("indicator")),
                    str(r.get("unit")), ReportFormService.decimal(r.get("target")), str(r.get("document")),
                    ReportFormService.decimal(r.get("budget")), str(r.get("fund"))));
        }
        return out;
    }

    private LaporanTyped.Narrative narrative(String area, Period period, Long submission) {
        Map<String, String> text = sections(area, period, submission);
        if (text.keySet().stream().noneMatch(k -> !STAGES.containsKey(k))) {
            return null;
        }
        String dasarHukum = text.get("DASAR_HUKUM");
        return new LaporanTyped.Narrative(text.get("KATA_PENGANTAR"), text.get("LATAR_BELAKANG"),
                dasarHukum == null ? null : lines(dasarHukum), text.get("KEBIJAKAN_UMUM"), text.get("ARAH_KEBIJAKAN"),
                text.get("PENUTUP"));
    }

    /** reports.md §5.4 II.7: the four stages and the rencana aksi, all listed once any is typed. */
    private List<LaporanTyped.Stage> stages(String area, Period period, Long submission) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> r : forms.inputRows("narasi", area, period, submission, true)) {
            String s = String.valueOf(r.get("section"));
            if (STAGES.containsKey(s)) {
                rows.put(s, r);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<LaporanTyped.Stage> out = new ArrayList<>();
        for (Map.Entry<String, String> s : STAGES.entrySet()) {
            Map<String, Object> r = rows.get(s.getKey());
            boolean done = r != null && (r.get("status") == null ? STAGE_DONE_WITHOUT_STATUS
                    : "SELESAI".equals(r.get("status")));
            out.add(new LaporanTyped.Stage(s.getValue(), done, r == null ? null : str(r.get("text"))));
        }
        return out;
    }

    private Map<String, String> sections(String area, Period period, Long submission) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : forms.inputRows("narasi", area, period, submission, true)) {
            out.put(String.valueOf(r.get("section")), str(r.get("text")));
        }
        return out;
    }

    /** Rows grouped by service, in the order of the 12 services. */
    private static Map<String, List<Map<String, Object>>> byService(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (SpmService s : SpmService.values()) {
            for (Map<String, Object> r : rows) {
                if (s.code().equals(r.get("service"))) {
                    out.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return out;
    }

    private static List<String> lines(Object text) {
        if (text == null) {
            return List.of();
        }
        return text.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
