package id.spm.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import id.spm.ingest.header.Binding;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.parse.DateTimeValue;
import id.spm.ingest.parse.ParsedRow;
import id.spm.ingest.report.ErrorCode;
import id.spm.rules.SpmService;
import id.spm.rules.model.AncVisit;
import id.spm.rules.model.BiasAntigen;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.ChildServiceType;
import id.spm.rules.model.DeliveryPlace;
import id.spm.rules.model.EssentialCare;
import id.spm.rules.model.Event;
import id.spm.rules.model.Examiner;
import id.spm.rules.model.GlucoseTest;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.HivTestType;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PregnancyOutcomeKind;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.PuskesmasInfo;
import id.spm.rules.model.RiskGroup;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.SchoolPlace;
import id.spm.rules.model.Screening;
import id.spm.rules.model.ScreeningPlace;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbExamType;
import id.spm.rules.model.TbPresumption;
import id.spm.rules.model.TenTItem;

/**
 * Turns a row's parsed values (by layout field) into the record its layout's target names, checking
 * what only the whole row can show: a birth after the event, a test without its date, an HPHT after
 * the delivery.
 */
final class RowMapper {

    /** A row-level problem, located at the field's column. */
    record Problem(String field, ErrorCode code, String reason) {
    }

    /** The accepted row, or the problems that reject it. */
    record Result(Accepted row, List<Problem> problems) {
    }

    private final Layout layout;
    private final PersonKeys keys;
    private final LocalDate today;

    RowMapper(Layout layout, PersonKeys keys, LocalDate today) {
        this.layout = layout;
        this.keys = keys;
        this.today = today;
    }

    /** Field access over one row's values. */
    private static final class Values {
        final ParsedRow values;
        final Binding binding;
        final List<Problem> problems = new ArrayList<>(1);

        Values(ParsedRow values, Binding binding) {
            this.values = values;
            this.binding = binding;
        }

        /** The index of a field with a value, or -1. */
        private int at(String field) {
            int i = binding.indexOf(field);
            return i >= 0 && values.has(i) ? i : -1;
        }

        boolean present(String field) {
            int i = binding.indexOf(field);
            return i >= 0 && binding.column(i) >= 0;
        }

        String str(String f) {
            int i = at(f);
            return i < 0 ? null : values.text(i);
        }

        LocalDate date(String f) {
            DateTimeValue v = dateTime(f);
            return v == null ? null : v.date();
        }

        DateTimeValue dateTime(String f) {
            int i = at(f);
            return i < 0 ? null : values.dateTime(i);
        }

        LocalTime time(String f) {
            int i = at(f);
            return i < 0 ? null : values.time(i);
        }

        boolean yes(String f) {
            int i = at(f);
            return i >= 0 && values.yes(i);
        }

        Boolean bool(String f) {
            int i = at(f);
            return i < 0 ? null : values.yes(i);
        }

        Integer integer(String f) {
            Long v = wholeOrNull(f);
            if (v == null) {
                return null;
            }
            long l = v;
            return l > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) l;
        }

        int count(String f) {
            Integer i = integer(f);
            return i == null ? 0 : i;
        }

        long along(String f) {
            int i = at(f);
            return i < 0 ? 0 : values.whole(i);
        }

        Long wholeOrNull(String f) {
            int i = at(f);
            return i < 0 ? null : values.whole(i);
        }

        BigDecimal decimal(String f) {
            int i = at(f);
            return i < 0 ? null : values.decimal(i);
        }

        Sex sex(String f) {
            int i = at(f);
            return i < 0 ? null : values.sex(i);
        }

        SpmService service(String f) {
            int i = at(f);
            return i < 0 ? null : values.service(i);
        }

        List<String> regions(String f) {
            int i = at(f);
            return i < 0 ? null : values.regions(i);
        }

        <E extends Enum<E>> E enumOf(String f, Class<E> type) {
            String v = str(f);
            return v == null ? null : Enum.valueOf(type, v);
        }

        void problem(String field, ErrorCode code, String reason) {
            problems.add(new Problem(field, code, reason));
        }
    }

    Result map(ParsedRow values, Binding binding, Accepted.Location location) {
        Values v = new Values(values, binding);
        Accepted row;
        try {
            row = switch (layout.target()) {
                case ANC_VISIT -> anc(v, location);
                case PREGNANCY_OUTCOME -> outcome(v, location);
                case NEWBORN -> newborn(v, location);
                case CHILD_SERVICE -> child(v, location);
                case SCHOOL_EXAM -> school(v, location);
                case SCREENING -> screening(v, location);
                case PTM_VISIT -> ptm(v, location);
                case MENTAL_HEALTH_VISIT -> mental(v, location);
                case TB_PRESUMPTION -> tb(v, location);
                case HIV_RISK_RECORD -> hiv(v, location);
                case PUSKESMAS -> puskesmas(v, location);
                case MONTHLY_COUNT -> count(v, location);
                case TARGET -> target(v, location);
                case POPULATION -> population(v, location);
                case QUALITY -> quality(v, location);
                case FORM_INPUT -> input(v, location);
                case CATALOG_VALUE -> catalogValue(v, location);
            };
        } catch (IllegalArgumentException e) {
            // A model invariant the cell checks could not see; report it on the row.
            v.problem("", ErrorCode.INCONSISTENT_ROW, e.getMessage());
            row = null;
        }
        if (!v.problems.isEmpty()) {
            return new Result(null, v.problems);
        }
        return new Result(row, List.of());
    }

    private Person person(Values v, Sex sexDefault, LocalDate eventDate, String eventField) {
        LocalDate birth = v.date("birthDate");
        if (birth != null && eventDate != null && birth.isAfter(eventDate)) {
            v.problem("birthDate", ErrorCode.BIRTH_AFTER_EVENT,
                    "The birth date " + birth + " is after the " + eventField + " " + eventDate + ".");
        }
        Sex sex = v.sex("sex");
        return new Person(keys.ofNik(v.str("nik")), birth, sex == null ? sexDefault : sex, v.str("desa"),
                v.str("puskesmas"));
    }

    private Accepted event(Values v, Accepted.Location loc, Person p, Event e, String key) {
        if (!v.problems.isEmpty()) {
            return null;
        }
        return new Accepted.EventRow(layout.name(), loc, p, e, key);
    }

    private Accepted anc(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        // The register is the mother's: a pregnant woman is female even where no column says so.
        Person p = person(v, Sex.FEMALE, date, "visit date");
        LocalDate hpht = v.date("hpht");
        if (hpht != null && hpht.isAfter(date)) {
            v.problem("hpht", ErrorCode.INCONSISTENT_ROW, "HPHT " + hpht + " is after the visit date " + date + ".");
        }
        Set<TenTItem> tenT = null;
        boolean any = false;
        for (TenTItem t : TenTItem.values()) {
            any |= v.present("tenT." + t.name());
        }
        if (any) {
            tenT = EnumSet.noneOf(TenTItem.class);
            for (TenTItem t : TenTItem.values()) {
                if (v.yes("tenT." + t.name())) {
                    tenT.add(t);
                }
            }
        }
        String visit = v.str("visitCode");
        AncVisit e = new AncVisit(date, v.str("puskesmas"), hpht, visit, v.enumOf("examiner", Examiner.class),
                v.yes("usg"), tenT);
        return event(v, loc, p, e, date + "|" + (visit == null ? "" : visit));
    }

    private Accepted outcome(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, Sex.FEMALE, date, "outcome date");
        LocalDate hpht = v.date("hpht");
        if (hpht.isAfter(date)) {
            v.problem("hpht", ErrorCode.INCONSISTENT_ROW, "HPHT " + hpht + " is after the outcome date " + date + ".");
            return null;
        }
        PregnancyOutcome e = new PregnancyOutcome(date, v.str("puskesmas"), hpht,
                v.enumOf("outcome", PregnancyOutcomeKind.class), v.enumOf("place", DeliveryPlace.class),
                v.count("doctors"), v.count("midwives"), v.count("nurses"), v.yes("complication"),
                v.yes("limitedAccess"));
        // section 9.1: a pregnancy is the mother and its HPHT.
        return event(v, loc, p, e, hpht.toString());
    }

    private Accepted newborn(Values v, Accepted.Location loc) {
        LocalDate birth = v.date("birthDate");
        String nik = v.str("nik");
        String motherNik = v.str("motherNik");
        String name = v.str("name");
        String id;
        if (nik != null) {
            id = keys.ofNik(nik);
        } else if (motherNik != null && name != null && !PersonKeys.normaliseName(name).isEmpty()) {
            id = keys.ofBaby(motherNik, birth, name);
        } else {
            v.problem("nik", ErrorCode.REQUIRED_MISSING,
                    "NIK Bayi is blank, so NIK Ibu and Nama Bayi must identify the baby; fill them in.");
            return null;
        }
        DateTimeValue kn1 = v.dateTime("kn1");
        LocalDate kn2 = v.date("kn2");
        LocalDate kn3 = v.date("kn3");
        checkNotBefore(v, "kn1", kn1 == null ? null : kn1.date(), birth);
        checkNotBefore(v, "kn2", kn2, birth);
        checkNotBefore(v, "kn3", kn3, birth);
        Set<EssentialCare> care = EnumSet.noneOf(EssentialCare.class);
        for (EssentialCare c : EssentialCare.values()) {
            if (v.yes("care." + c.name())) {
                care.add(c);
            }
        }
        LocalTime birthTime = v.time("birthTime");
        Person p = new Person(id, birth, v.sex("sex"), v.str("desa"), v.str("puskesmas"));
        Newborn e = new Newborn(birth, birthTime, v.str("puskesmas"),
                motherNik == null ? null : keys.ofNik(motherNik), v.integer("birthWeight"),
                Boolean.parseBoolean(v.str("liveBorn")), care, kn1 == null ? null : kn1.date(),
                kn1 == null ? null : kn1.time(), kn2, kn3);
        return event(v, loc, p, e, birth.toString());
    }

    private static void checkNotBefore(Values v, String field, LocalDate date, LocalDate birth) {
        if (date != null && date.isBefore(birth)) {
            v.problem(field, ErrorCode.BIRTH_AFTER_EVENT,
                    "The birth date " + birth + " is after the " + field.toUpperCase() + " date " + date + ".");
        }
    }

    private Accepted child(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, null, date, "service date");
        ChildServiceType type = v.enumOf("serviceType", ChildServiceType.class);
        String antigen = v.str("antigen");
        if (type == ChildServiceType.IMMUNISATION && antigen == null) {
            v.problem("antigen", ErrorCode.REQUIRED_MISSING, "An immunisation row names its antigen (e.g. MR1).");
            return null;
        }
        ChildService e = new ChildService(date, v.str("puskesmas"), type, antigen, v.decimal("value"));
        return event(v, loc, p, e, date + "|" + type.name() + "|" + (e.antigen() == null ? "" : e.antigen()));
    }

    private Accepted school(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, null, date, "examination date");
        BiasAntigen bias = v.enumOf("bias", BiasAntigen.class);
        SchoolExam e = new SchoolExam(date, v.str("puskesmas"), v.str("npsn"), v.enumOf("place", SchoolPlace.class),
                v.integer("grade"), v.str("nutrition"), v.str("vitalSigns"), v.str("oralDental"), v.str("sight"),
                v.str("hearing"), v.str("anaemia"), v.str("followUp"), bias);
        return event(v, loc, p, e, date + "|" + (bias == null ? "" : bias.name()));
    }

    private Accepted screening(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, null, date, "screening date");
        Screening e = new Screening(date, v.str("puskesmas"), v.str("desa"), v.enumOf("place", ScreeningPlace.class),
                v.decimal("weight"), v.decimal("height"), v.decimal("waist"), v.decimal("lila"), v.integer("systolic"),
                v.integer("diastolic"), v.decimal("glucose"), v.decimal("cholesterol"), v.integer("puma"),
                v.str("sight"), v.str("hearing"), v.str("mentalHealth"), v.str("riskyBehaviour"), v.str("iva"),
                v.str("sadanis"), v.str("tetanusStatus"), v.str("skilas"), v.integer("adlBarthel"),
                v.bool("familyHistoryDm"), v.bool("brideOrGroom"), v.bool("education"));
        return event(v, loc, p, e, date.toString());
    }

    private Accepted ptm(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, null, date, "visit date");
        PtmVisit e = new PtmVisit(date, v.str("puskesmas"), v.str("diagnosis"), v.integer("systolic"),
                v.integer("diastolic"), v.enumOf("glucoseTest", GlucoseTest.class), v.decimal("glucoseResult"),
                v.bool("clinicalExam"), v.bool("education"), v.bool("drugTherapy"), v.bool("referral"));
        return event(v, loc, p, e, date + "|" + e.diagnosis());
    }

    private Accepted mental(Values v, Accepted.Location loc) {
        LocalDate date = v.date("date");
        Person p = person(v, null, date, "visit date");
        MentalHealthVisit e = new MentalHealthVisit(date, v.str("puskesmas"), v.str("diagnosis"),
                v.bool("mentalStatusExam"), v.bool("interview"), v.bool("education"), v.bool("management"),
                v.bool("referral"));
        return event(v, loc, p, e, date.toString());
    }

    private Accepted tb(Values v, Accepted.Location loc) {
        LocalDate date = v.date("presumedDate");
        Person p = person(v, null, date, "presumption date");
        LocalDate examDate = v.date("examDate");
        TbExamType type = v.enumOf("examType", TbExamType.class);
        pair(v, examDate, "examDate", type, "examType", "An examination has both a date and a type");
        TbPresumption e = v.problems.isEmpty()
                ? new TbPresumption(date, v.str("puskesmas"), examDate, type, v.str("result"))
                : null;
        return event(v, loc, p, e, date + "|" + (examDate == null ? "" : examDate) + "|"
                + (type == null ? "" : type.name()));
    }

    private Accepted hiv(Values v, Accepted.Location loc) {
        LocalDate date = v.date("recordedDate");
        Person p = person(v, null, date, "recording date");
        LocalDate testDate = v.date("testDate");
        HivTestType type = v.enumOf("testType", HivTestType.class);
        pair(v, testDate, "testDate", type, "testType", "A test has both a date and a type");
        RiskGroup group = v.enumOf("group", RiskGroup.class);
        HivRiskRecord e = v.problems.isEmpty()
                ? new HivRiskRecord(date, v.str("puskesmas"), group, testDate, type, v.str("result"))
                : null;
        return event(v, loc, p, e, date + "|" + group.name() + "|" + (testDate == null ? "" : testDate) + "|"
                + (type == null ? "" : type.name()));
    }

    private static void pair(Values v, Object a, String fa, Object b, String fb, String what) {
        if (a != null && b == null) {
            v.problem(fb, ErrorCode.INCONSISTENT_ROW, what + ": the date is given, the type is blank.");
        } else if (a == null && b != null) {
            v.problem(fa, ErrorCode.INCONSISTENT_ROW, what + ": the type is given, the date is blank.");
        }
    }

    private Accepted puskesmas(Values v, Accepted.Location loc) {
        List<String> desa = v.regions("desaCodes");
        Long population = v.wholeOrNull("population");
        PuskesmasInfo info = new PuskesmasInfo(v.str("code"), v.str("name"), v.str("kecamatan"),
                desa == null ? Set.of() : new LinkedHashSet<>(desa), population);
        return new Accepted.PuskesmasRow(layout.name(), loc, info);
    }

    private Accepted count(Values v, Accepted.Location loc) {
        int year = v.count("year");
        int month = v.count("month");
        if (year > today.getYear() || year == today.getYear() && month > today.getMonthValue()) {
            v.problem("month", ErrorCode.DATE_IN_FUTURE,
                    "The month " + year + "-" + month + " lies after the day of import (" + today + ").");
            return null;
        }
        Long nc = v.wholeOrNull("nonCompliant");
        MonthlyCount c = new MonthlyCount(v.str("puskesmas"), year, month, v.service("service"),
                v.along("compliant"), nc);
        return new Accepted.CountRow(layout.name(), loc, c);
    }

    private Accepted target(Values v, Accepted.Location loc) {
        return new Accepted.TargetRow(layout.name(), loc, v.str("area"), v.count("year"), v.service("service"),
                v.along("amount"), v.str("source"), v.str("note"));
    }

    private Accepted population(Values v, Accepted.Location loc) {
        return new Accepted.PopulationRow(layout.name(), loc, v.str("area"), v.count("year"), v.str("ageGroup"),
                v.along("male"), v.along("female"));
    }

    private Accepted quality(Values v, Accepted.Location loc) {
        return new Accepted.QualityRow(layout.name(), loc, v.str("area"), v.count("year"), v.integer("quarter"),
                v.service("service"), v.str("kind"), v.str("item"), v.str("unit"), v.decimal("need"),
                v.decimal("stock"), v.decimal("unitPrice"));
    }

    /** A typed form input: every mapped field by its column type (issue 10). */
    private Accepted input(Values v, Accepted.Location loc) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (id.spm.ingest.layout.ColumnSpec c : layout.columns()) {
            String f = c.field();
            Object value = switch (c.type()) {
                case INTEGER -> v.wholeOrNull(f);
                case NUMBER -> v.decimal(f);
                case SERVICE -> {
                    SpmService s = v.service(f);
                    yield s == null ? null : s.code();
                }
                default -> v.str(f);
            };
            if (value != null) {
                values.put(f, value);
            }
        }
        StringBuilder key = new StringBuilder(layout.name());
        for (String k : layout.key()) {
            key.append('|').append(values.get(k));
        }
        return new Accepted.InputRow(layout.name(), loc, v.str("area"), v.count("year"), values, key.toString());
    }

    private Accepted catalogValue(Values v, Accepted.Location loc) {
        return new Accepted.CatalogValueRow(layout.name(), loc, v.str("catalog"), v.str("puskesmas"), v.count("year"),
                v.str("indicator"), v.decimal("value"), v.wholeOrNull("numerator"), v.wholeOrNull("denominator"),
                v.str("note"));
    }
}
