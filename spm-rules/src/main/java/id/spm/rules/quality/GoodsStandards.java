package id.spm.rules.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.spm.rules.SpmService;

/**
 * The goods standards the digest gives (§5), as one table: need per recipient, from which Form 2.B.4
 * computes need from the sasaran. Regions add the rest of the annex's items as {@code mutu} rows.
 */
public final class GoodsStandards {

    /** The table, in service order. */
    public static final List<GoodsStandard> TABLE = List.of(
            // §5 ibu hamil
            std(SpmService.ANTENATAL, "Tablet tambah darah", "tablet", "180", 1, RecipientBase.PREGNANT_WOMEN),
            std(SpmService.ANTENATAL, "Vaksin Td", "dosis", "80", 100, RecipientBase.PREGNANT_WOMEN),
            std(SpmService.ANTENATAL, "Tes protein urin", "tes", "15", 100, RecipientBase.PREGNANT_WOMEN),
            std(SpmService.ANTENATAL, "Gel USG", "tube", "1", 15, RecipientBase.PREGNANT_WOMEN),
            // §5 bayi baru lahir
            std(SpmService.NEWBORN, "Vaksin HB0", "dosis", "1", 1, RecipientBase.NEWBORNS),
            std(SpmService.NEWBORN, "Vitamin K1 injeksi", "ampul", "1", 1, RecipientBase.NEWBORNS),
            std(SpmService.NEWBORN, "Salep mata", "tube", "1", 1, RecipientBase.NEWBORNS),
            std(SpmService.NEWBORN, "Formulir MTBM", "lembar", "3", 1, RecipientBase.NEWBORNS),
            // §5 usia pendidikan dasar
            std(SpmService.SCHOOL_AGE, "Tablet tambah darah", "tablet", "52", 1,
                    RecipientBase.GIRLS_GRADES_7_TO_9));

    private GoodsStandards() {
    }

    /** The standards of a service, possibly none. */
    public static List<GoodsStandard> forService(SpmService service) {
        List<GoodsStandard> out = new ArrayList<>();
        for (GoodsStandard g : TABLE) {
            if (g.service() == service) {
                out.add(g);
            }
        }
        return out;
    }

    private static GoodsStandard std(SpmService s, String item, String unit, String quantity, long per,
            RecipientBase base) {
        return new GoodsStandard(s, item, unit, new BigDecimal(quantity), per, base);
    }
}
