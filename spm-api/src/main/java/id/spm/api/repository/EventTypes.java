package id.spm.api.repository;

import java.util.Map;

import id.spm.rules.model.AncVisit;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.Event;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.Screening;
import id.spm.rules.model.TbPresumption;

/**
 * {@code service_event.event_type} is the simple name of the spm-rules model record; {@code layout}
 * the built-in layout that carries it (formats.md).
 */
public final class EventTypes {

    private static final Map<String, Class<? extends Event>> TYPES = Map.of("AncVisit", AncVisit.class,
            "PregnancyOutcome", PregnancyOutcome.class, "Newborn", Newborn.class, "ChildService", ChildService.class,
            "SchoolExam", SchoolExam.class, "Screening", Screening.class, "PtmVisit", PtmVisit.class,
            "MentalHealthVisit", MentalHealthVisit.class, "TbPresumption", TbPresumption.class, "HivRiskRecord",
            HivRiskRecord.class);

    private static final Map<String, String> LAYOUTS = Map.of("AncVisit", "ekohort-anc", "PregnancyOutcome",
            "ekohort-persalinan", "Newborn", "ekohort-bayi", "ChildService", "ekohort-balita", "SchoolExam",
            "asik-anak-sekolah", "Screening", "asik-skrining", "PtmVisit", "ptm-kunjungan", "MentalHealthVisit",
            "keswa-kunjungan", "TbPresumption", "tbc-terduga", "HivRiskRecord", "hiv-tes");

    private EventTypes() {
    }

    public static Class<? extends Event> type(String eventType) {
        Class<? extends Event> c = TYPES.get(eventType);
        if (c == null) {
            throw new IllegalStateException("unknown event_type '" + eventType + "'");
        }
        return c;
    }

    public static String layout(Event e) {
        return LAYOUTS.get(e.getClass().getSimpleName());
    }
}
