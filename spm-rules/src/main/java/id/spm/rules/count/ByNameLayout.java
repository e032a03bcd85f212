package id.spm.rules.count;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import id.spm.rules.SpmService;
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
 * The by-name layouts (formats.md), one per {@link Event} type, and the services whose by-name
 * numerator they make (digest §9 "General": 1 anc + persalinan, 2 persalinan, 3 bayi, 4 balita, 5
 * school, 6 and 7 skrining, 8 and 9 ptm, 10 keswa, 11 tbc, 12 hiv). The one registry of the event
 * types: the importer's row kinds, the stored {@code event_type} and {@code layout} and the sample
 * files all derive from it.
 */
public enum ByNameLayout {
    EKOHORT_ANC("ekohort-anc", AncVisit.class, EnumSet.of(SpmService.ANTENATAL)),
    EKOHORT_PERSALINAN("ekohort-persalinan", PregnancyOutcome.class,
            EnumSet.of(SpmService.ANTENATAL, SpmService.DELIVERY)),
    EKOHORT_BAYI("ekohort-bayi", Newborn.class, EnumSet.of(SpmService.NEWBORN)),
    EKOHORT_BALITA("ekohort-balita", ChildService.class, EnumSet.of(SpmService.BALITA)),
    ASIK_ANAK_SEKOLAH("asik-anak-sekolah", SchoolExam.class, EnumSet.of(SpmService.SCHOOL_AGE)),
    ASIK_SKRINING("asik-skrining", Screening.class, EnumSet.of(SpmService.PRODUCTIVE_AGE, SpmService.ELDERLY)),
    PTM_KUNJUNGAN("ptm-kunjungan", PtmVisit.class, EnumSet.of(SpmService.HYPERTENSION, SpmService.DIABETES)),
    KESWA_KUNJUNGAN("keswa-kunjungan", MentalHealthVisit.class, EnumSet.of(SpmService.SEVERE_MENTAL_DISORDER)),
    TBC_TERDUGA("tbc-terduga", TbPresumption.class, EnumSet.of(SpmService.TB_PRESUMPTIVE)),
    HIV_TES("hiv-tes", HivRiskRecord.class, EnumSet.of(SpmService.HIV_RISK));

    private static final Map<Class<? extends Event>, ByNameLayout> BY_TYPE = new HashMap<>();
    private static final Map<String, ByNameLayout> BY_TYPE_NAME = new HashMap<>();
    static {
        for (ByNameLayout l : values()) {
            if (BY_TYPE.put(l.eventType, l) != null || BY_TYPE_NAME.put(l.eventTypeName(), l) != null) {
                throw new IllegalStateException("two layouts for event type " + l.eventTypeName());
            }
        }
    }

    private final String id;
    private final Class<? extends Event> eventType;
    private final Set<SpmService> services;

    ByNameLayout(String id, Class<? extends Event> eventType, Set<SpmService> services) {
        this.id = id;
        this.eventType = eventType;
        this.services = services;
    }

    /** The layout id, e.g. {@code ekohort-anc}. */
    public String id() {
        return id;
    }

    /** The event record its rows become. */
    public Class<? extends Event> eventType() {
        return eventType;
    }

    /** The event type's name, as in layout files and {@code service_event.event_type}: the record's simple name. */
    public String eventTypeName() {
        return eventType.getSimpleName();
    }

    /** The layout of an event. */
    public static ByNameLayout of(Event event) {
        return BY_TYPE.get(event.getClass());
    }

    /**
     * The layout of an event type by its name.
     *
     * @throws IllegalArgumentException for a name that is no event type
     */
    public static ByNameLayout ofEventType(String eventTypeName) {
        ByNameLayout l = BY_TYPE_NAME.get(eventTypeName);
        if (l == null) {
            throw new IllegalArgumentException("unknown event type '" + eventTypeName + "'");
        }
        return l;
    }

    /** The services whose by-name numerator records of this layout make. */
    public Set<SpmService> services() {
        return EnumSet.copyOf(services);
    }

    boolean makes(SpmService s) {
        return services.contains(s);
    }

    /** The layouts of a service. */
    public static Set<ByNameLayout> of(SpmService service) {
        Set<ByNameLayout> out = EnumSet.noneOf(ByNameLayout.class);
        for (ByNameLayout l : values()) {
            if (l.services.contains(service)) {
                out.add(l);
            }
        }
        return out;
    }
}
