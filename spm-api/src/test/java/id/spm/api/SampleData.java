package id.spm.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;

/** Small seeded populations with HIV-risk and TB-presumptive records across two Puskesmas. */
public final class SampleData {

    private SampleData() {
    }

    public static List<PersonRecord> persons(String prefix, int n, int year, List<String> puskesmas, long seed) {
        Random rnd = new Random(seed);
        List<PersonRecord> out = new ArrayList<>();
        RiskGroup[] groups = RiskGroup.values();
        for (int i = 0; i < n; i++) {
            String pkm = puskesmas.get(i % puskesmas.size());
            Person p = new Person(prefix + "-" + i,
                    LocalDate.of(1970 + rnd.nextInt(35), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                    rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE, null, pkm);
            PersonRecord.Builder b = PersonRecord.builder(p);
            LocalDate recorded = LocalDate.of(year, 1 + rnd.nextInt(11), 1 + rnd.nextInt(28));
            if (rnd.nextInt(3) > 0) {
                boolean tested = rnd.nextInt(4) > 0;
                b.add(new HivRiskRecord(recorded, pkm, groups[rnd.nextInt(groups.length)],
                        tested ? recorded.plusDays(rnd.nextInt(20)) : null, tested ? HivTestType.R1 : null,
                        tested ? "NON_REACTIVE" : null));
            }
            if (rnd.nextInt(3) == 0) {
                boolean examined = rnd.nextBoolean();
                b.add(new TbPresumption(recorded, pkm, examined ? recorded.plusDays(3) : null,
                        examined ? TbExamType.TCM : null, examined ? "NEG" : null));
            }
            out.add(b.build());
        }
        return out;
    }
}
