package id.spm.rules.count;

import java.util.EnumSet;
import java.util.Set;

import id.spm.rules.SpmService;

/**
 * The by-name layouts (formats.md) and the services whose by-name numerator they make (digest §9
 * "General": 1 anc + persalinan, 2 persalinan, 3 bayi, 4 balita, 5 school, 6 and 7 skrining, 8 and 9
 * ptm, 10 keswa, 11 tbc, 12 hiv).
 */
public enum ByNameLayout {
    EKOHORT_ANC("ekohort-anc", EnumSet.of(SpmService.ANTENATAL)),
    EKOHORT_PERSALINAN("ekohort-persalinan", EnumSet.of(SpmService.ANTENATAL, SpmService.DELIVERY)),
    EKOHORT_BAYI("ekohort-bayi", EnumSet.of(SpmService.NEWBORN)),
    EKOHORT_BALITA("ekohort-balita", EnumSet.of(SpmService.BALITA)),
    ASIK_ANAK_SEKOLAH("asik-anak-sekolah", EnumSet.of(SpmService.SCHOOL_AGE)),
    ASIK_SKRINING("asik-skrining", EnumSet.of(SpmService.PRODUCTIVE_AGE, SpmService.ELDERLY)),
    PTM_KUNJUNGAN("ptm-kunjungan", EnumSet.of(SpmService.HYPERTENSION, SpmService.DIABETES)),
    KESWA_KUNJUNGAN("keswa-kunjungan", EnumSet.of(SpmService.SEVERE_MENTAL_DISORDER)),
    TBC_TERDUGA("tbc-terduga", EnumSet.of(SpmService.TB_PRESUMPTIVE)),
    HIV_TES("hiv-tes", EnumSet.of(SpmService.HIV_RISK));

    private final String id;
    private final Set<SpmService> services;

    ByNameLayout(String id, Set<SpmService> services) {
        this.id = id;
        this.services = services;
    }

    /** The layout id, e.g. {@code ekohort-anc}. */
    public String id() {
        return id;
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
