package id.spm.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import id.spm.rules.area.AreaHierarchy;
import id.spm.rules.model.Person;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.quality.MutuKind;
import id.spm.rules.quality.MutuRow;

/**
 * Test fixtures of the aggregate part: a small province with two districts.
 *
 * <pre>
 * 73 ─ 73.18 ─ 73.18.01 ─ P7318010101 (pop 6000), P7318010102 (pop 4000)
 *    │       └ 73.18.02 ─ P7318020101, P7318020102 (no pop; kecamatan population rows)
 *    └ 73.17 ─ 73.17.05 ─ P7317050101 (pop 1000)
 * </pre>
 */
public final class AggregateFixtures {

    public static final String PROVINCE = "73";
    public static final String DISTRICT = "73.18";
    public static final String OTHER_DISTRICT = "73.17";
    public static final String KEC_01 = "73.18.01";
    public static final String KEC_02 = "73.18.02";
    public static final String KEC_05 = "73.17.05";
    public static final String P01A = "P7318010101";
    public static final String P01B = "P7318010102";
    public static final String P02A = "P7318020101";
    public static final String P02B = "P7318020102";
    public static final String P05A = "P7317050101";

    public static final List<PuskesmasInfo> PUSKESMAS = List.of(
            new PuskesmasInfo(P01A, "Makale", KEC_01, Set.of(), 6000L),
            new PuskesmasInfo(P01B, "Makale Utara", KEC_01, Set.of(), 4000L),
            new PuskesmasInfo(P02A, "Rantepao", KEC_02, Set.of(), null),
            new PuskesmasInfo(P02B, "Rantepao Timur", KEC_02, Set.of(), null),
            new PuskesmasInfo(P05A, "Enrekang", KEC_05, Set.of(), 1000L));

    public static final AreaHierarchy HIERARCHY = AreaHierarchy.of(PUSKESMAS);

    private AggregateFixtures() {
    }

    public static Person person(String id) {
        return new Person(id, LocalDate.of(1970, 1, 1), null, null, null);
    }

    public static PtmVisit ptm(LocalDate date, String puskesmas) {
        return new PtmVisit(date, puskesmas, "I10", 130, 85, null, null, true, true, false, false);
    }

    public static MutuRow mutu(String area, Integer quarter, String item, String need, String stock) {
        return new MutuRow(area, 2025, quarter, SpmService.ANTENATAL, MutuKind.GOODS, item, "unit",
                new BigDecimal(need), new BigDecimal(stock), null);
    }
}
