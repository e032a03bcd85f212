package id.spm.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import id.spm.rules.model.BiasAntigen;

/**
 * A rule set with some published parameters set to other values (issue 11, what-if): each override is
 * named as in {@link RuleSet#parameters()} and written as that list renders it (e.g.
 * {@code screening.ivaDecides=true}, {@code antenatal.minVisits=1-2-3}, {@code index.categories=BANDS-10},
 * {@code screening.glucoseBloodPressure=130/85}). Every published parameter can be overridden except
 * {@link #FIXED}, whose structure is not a value. Errors name the parameter. Pure.
 */
public final class ParameterOverrides {

    /** Published parameters that describe a structure rather than a value, so cannot be overridden. */
    public static final Set<String> FIXED = Set.of("balita.vitaminA", "balita.windows");

    /** A bad override: {@link #parameter()} names it. */
    public static final class InvalidOverride extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        public InvalidOverride(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    private ParameterOverrides() {
    }

    /**
     * The rule set with the overrides applied, in the order given.
     *
     * @throws InvalidOverride for an unknown or fixed name, or a value the parameter cannot take
     */
    public static RuleSet apply(RuleSet base, Map<String, String> overrides) {
        Set<String> published = new java.util.HashSet<>();
        base.parameters().forEach(p -> published.add(p.name()));
        RuleSet rs = base;
        for (Map.Entry<String, String> e : new LinkedHashMap<>(overrides).entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (!published.contains(name)) {
                throw new InvalidOverride(name, "'" + name + "' is not a parameter of rule set " + base.id()
                        + " (see GET /api/v1/services)");
            }
            if (FIXED.contains(name)) {
                throw new InvalidOverride(name, "'" + name + "' describes a structure and cannot be overridden");
            }
            try {
                rs = one(rs, name, value);
            } catch (InvalidOverride x) {
                throw x;
            } catch (RuntimeException x) {
                throw new InvalidOverride(name, "'" + name + "' cannot be '" + value + "': " + x.getMessage());
            }
        }
        return rs;
    }

    /** The parameters whose value differs between two rule sets: name to {before, after}. */
    public static Map<String, String[]> differences(RuleSet a, RuleSet b) {
        Map<String, String> av = new TreeMap<>();
        a.parameters().forEach(p -> av.put(p.name(), p.value()));
        Map<String, String[]> out = new TreeMap<>();
        for (Parameter p : b.parameters()) {
            String before = av.get(p.name());
            if (!p.value().equals(before)) {
                out.put(p.name(), new String[] { before, p.value() });
            }
        }
        return out;
    }

    private static RuleSet one(RuleSet rs, String name, String v) {
        AntenatalParameters an = rs.antenatal();
        DeliveryParameters de = rs.delivery();
        NewbornParameters nb = rs.newborn();
        BalitaParameters ba = rs.balita();
        SchoolAgeParameters sa = rs.schoolAge();
        ScreeningParameters sc = rs.screening();
        ChronicCareParameters cc = rs.chronicCare();
        IndexParameters ix = rs.index();
        switch (name) {
            case "antenatal.trimester1MaxWeek":
                return rs.withAntenatal(new AntenatalParameters(integer(v), an.trimester2MaxWeek(), an.minVisitsT1(),
                        an.minVisitsT2(), an.minVisitsT3(), an.assumeTenTWhenNotRecorded(), an.runningPregnancyMaxWeeks()));
            case "antenatal.trimester2MaxWeek":
                return rs.withAntenatal(new AntenatalParameters(an.trimester1MaxWeek(), integer(v), an.minVisitsT1(),
                        an.minVisitsT2(), an.minVisitsT3(), an.assumeTenTWhenNotRecorded(), an.runningPregnancyMaxWeeks()));
            case "antenatal.minVisits": {
                int[] n = ints(v, "-", 3);
                return rs.withAntenatal(new AntenatalParameters(an.trimester1MaxWeek(), an.trimester2MaxWeek(), n[0],
                        n[1], n[2], an.assumeTenTWhenNotRecorded(), an.runningPregnancyMaxWeeks()));
            }
            case "antenatal.assumeTenTWhenNotRecorded":
                return rs.withAntenatal(an.withAssumeTenTWhenNotRecorded(bool(v)));
            case "antenatal.runningPregnancyMaxWeeks":
                return rs.withAntenatal(new AntenatalParameters(an.trimester1MaxWeek(), an.trimester2MaxWeek(),
                        an.minVisitsT1(), an.minVisitsT2(), an.minVisitsT3(), an.assumeTenTWhenNotRecorded(), integer(v)));
            case "delivery.allowLimitedAccessException":
                return rs.withDelivery(new DeliveryParameters(bool(v), de.nonDeliveryExcluded()));
            case "delivery.nonDeliveryExcluded":
                return rs.withDelivery(new DeliveryParameters(de.allowLimitedAccessException(), bool(v)));
            case "newborn.kn1Hours": {
                int[] n = ints(v, "-", 2);
                return rs.withNewborn(new NewbornParameters(n[0], n[1], nb.kn1FallbackMaxDay(), nb.kn2FirstDay(),
                        nb.kn2LastDay(), nb.kn3FirstDay(), nb.kn3LastDay()));
            }
            case "newborn.kn1FallbackMaxDay":
                return rs.withNewborn(new NewbornParameters(nb.kn1MinHours(), nb.kn1MaxHours(), integer(v),
                        nb.kn2FirstDay(), nb.kn2LastDay(), nb.kn3FirstDay(), nb.kn3LastDay()));
            case "newborn.kn2Days": {
                int[] n = ints(v, "-", 2);
                return rs.withNewborn(new NewbornParameters(nb.kn1MinHours(), nb.kn1MaxHours(), nb.kn1FallbackMaxDay(),
                        n[0], n[1], nb.kn3FirstDay(), nb.kn3LastDay()));
            }
            case "newborn.kn3Days": {
                int[] n = ints(v, "-", 2);
                return rs.withNewborn(new NewbornParameters(nb.kn1MinHours(), nb.kn1MaxHours(), nb.kn1FallbackMaxDay(),
                        nb.kn2FirstDay(), nb.kn2LastDay(), n[0], n[1]));
            }
            case "balita.minWeighings", "balita.minWeighingsPerHalf", "balita.minLengthHeight",
                    "balita.minHeadCircumference", "balita.minDevelopment": {
                int[] n = ints(v, "/", 3);
                BalitaStandard[] s = { ba.standard1(), ba.standard2(), ba.standard3() };
                for (int i = 0; i < 3; i++) {
                    BalitaStandard b = s[i];
                    s[i] = new BalitaStandard(name.equals("balita.minWeighings") ? n[i] : b.minWeighings(),
                            name.equals("balita.minWeighingsPerHalf") ? n[i] : b.minWeighingsPerHalf(),
                            name.equals("balita.minLengthHeight") ? n[i] : b.minLengthHeight(),
                            name.equals("balita.minHeadCircumference") ? n[i] : b.minHeadCircumference(),
                            name.equals("balita.minDevelopment") ? n[i] : b.minDevelopment(), b.vitaminA(),
                            b.minVitaminA(), b.vitaminAFromMonth(), b.immunisation());
                }
                return rs.withBalita(new BalitaParameters(s[0], s[1], s[2], ba.hb0FromNewbornRegister()));
            }
            case "balita.basicImmunisation", "balita.badutaBooster", "balita.standard3Immunisation": {
                int i = name.equals("balita.basicImmunisation") ? 0 : name.equals("balita.badutaBooster") ? 1 : 2;
                BalitaStandard[] s = { ba.standard1(), ba.standard2(), ba.standard3() };
                BalitaStandard b = s[i];
                List<String> antigens = v.equalsIgnoreCase("none") ? List.of()
                        : Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
                s[i] = new BalitaStandard(b.minWeighings(), b.minWeighingsPerHalf(), b.minLengthHeight(),
                        b.minHeadCircumference(), b.minDevelopment(), b.vitaminA(), b.minVitaminA(),
                        b.vitaminAFromMonth(), antigens);
                return rs.withBalita(new BalitaParameters(s[0], s[1], s[2], ba.hb0FromNewbornRegister()));
            }
            case "balita.hb0FromNewbornRegister":
                return rs.withBalita(new BalitaParameters(ba.standard1(), ba.standard2(), ba.standard3(), bool(v)));
            case "schoolAge.grades": {
                int[] n = ints(v, "-", 2);
                return withSchoolAge(rs, new SchoolAgeParameters(n[0], n[1], sa.minAgeOutsideSchool(),
                        sa.maxAgeOutsideSchool(), sa.anaemiaGrade(), sa.anaemiaAgeOutsideSchool(), sa.biasByGrade(),
                        sa.biasByAge(), sa.followUpDecides()));
            }
            case "schoolAge.outsideSchoolAges": {
                int[] n = ints(v, "-", 2);
                return withSchoolAge(rs, new SchoolAgeParameters(sa.minGrade(), sa.maxGrade(), n[0], n[1],
                        sa.anaemiaGrade(), sa.anaemiaAgeOutsideSchool(), sa.biasByGrade(), sa.biasByAge(),
                        sa.followUpDecides()));
            }
            case "schoolAge.anaemia": {
                // "grade 7 / age 12"
                String[] parts = v.split("/");
                if (parts.length != 2 || !parts[0].strip().startsWith("grade") || !parts[1].strip().startsWith("age")) {
                    throw new IllegalArgumentException("write it as 'grade N / age M'");
                }
                int grade = Integer.parseInt(parts[0].strip().substring(5).strip());
                int age = Integer.parseInt(parts[1].strip().substring(3).strip());
                return withSchoolAge(rs, new SchoolAgeParameters(sa.minGrade(), sa.maxGrade(), sa.minAgeOutsideSchool(),
                        sa.maxAgeOutsideSchool(), grade, age, sa.biasByGrade(), sa.biasByAge(), sa.followUpDecides()));
            }
            case "schoolAge.biasByGrade":
                return withSchoolAge(rs, new SchoolAgeParameters(sa.minGrade(), sa.maxGrade(), sa.minAgeOutsideSchool(),
                        sa.maxAgeOutsideSchool(), sa.anaemiaGrade(), sa.anaemiaAgeOutsideSchool(), bias(v), sa.biasByAge(),
                        sa.followUpDecides()));
            case "schoolAge.biasByAge":
                return withSchoolAge(rs, new SchoolAgeParameters(sa.minGrade(), sa.maxGrade(), sa.minAgeOutsideSchool(),
                        sa.maxAgeOutsideSchool(), sa.anaemiaGrade(), sa.anaemiaAgeOutsideSchool(), sa.biasByGrade(),
                        bias(v), sa.followUpDecides()));
            case "schoolAge.followUpDecides":
                return withSchoolAge(rs, new SchoolAgeParameters(sa.minGrade(), sa.maxGrade(), sa.minAgeOutsideSchool(),
                        sa.maxAgeOutsideSchool(), sa.anaemiaGrade(), sa.anaemiaAgeOutsideSchool(), sa.biasByGrade(),
                        sa.biasByAge(), bool(v)));
            case "screening.productiveAges": {
                int[] n = ints(v, "-", 2);
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), n[0], n[1] + 1, sc.ivaMinAge(), sc.ivaMaxAge()));
            }
            case "screening.elderlyMinAge":
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(), integer(v), sc.ivaMinAge(),
                        sc.ivaMaxAge()));
            case "screening.glucoseMinAge":
                return withScreening(rs, new ScreeningParameters(integer(v), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(), sc.elderlyMinAge(),
                        sc.ivaMinAge(), sc.ivaMaxAge()));
            case "screening.glucoseBmiThreshold":
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), decimal(v),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(), sc.elderlyMinAge(),
                        sc.ivaMinAge(), sc.ivaMaxAge()));
            case "screening.glucoseBloodPressure": {
                int[] n = ints(v, "/", 2);
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(), n[0],
                        n[1], sc.pumaMinAge(), sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(),
                        sc.elderlyMinAge(), sc.ivaMinAge(), sc.ivaMaxAge()));
            }
            case "screening.pumaMinAge":
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), integer(v),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(), sc.elderlyMinAge(),
                        sc.ivaMinAge(), sc.ivaMaxAge()));
            case "screening.tetanusWomenMaxAge":
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(), integer(v),
                        sc.ivaDecides(), sc.productiveMinAge(), sc.elderlyMinAge(), sc.ivaMinAge(), sc.ivaMaxAge()));
            case "screening.ivaDecides":
                return withScreening(rs, sc.withIvaDecides(bool(v)));
            case "screening.ivaAges": {
                int[] n = ints(v, "-", 2);
                return withScreening(rs, new ScreeningParameters(sc.glucoseMinAge(), sc.glucoseBmiThreshold(),
                        sc.glucoseSystolicThreshold(), sc.glucoseDiastolicThreshold(), sc.pumaMinAge(),
                        sc.tetanusWomenMaxAge(), sc.ivaDecides(), sc.productiveMinAge(), sc.elderlyMinAge(), n[0], n[1]));
            }
            case "chronicCare.policy":
                return rs.withChronicCare(cc.withPolicy(MonitoringPolicy.valueOf(v.toUpperCase(Locale.ROOT))));
            case "chronicCare.minAge":
                return rs.withChronicCare(new ChronicCareParameters(cc.policy(), integer(v), cc.drugTherapySystolicAbove()));
            case "chronicCare.drugTherapySystolicAbove":
                return rs.withChronicCare(new ChronicCareParameters(cc.policy(), cc.minAge(), integer(v)));
            case "index.weights": {
                // "mutu 0.20, penerima 0.80"
                String[] parts = v.split(",");
                if (parts.length != 2 || !parts[0].strip().startsWith("mutu")
                        || !parts[1].strip().startsWith("penerima")) {
                    throw new IllegalArgumentException("write it as 'mutu 0.20, penerima 0.80'");
                }
                BigDecimal mutu = decimal(parts[0].strip().substring(4).strip());
                BigDecimal penerima = decimal(parts[1].strip().substring(8).strip());
                return rs.withIndex(new IndexParameters(mutu, penerima, ix.coverageCap(), ix.mutuAveraging(),
                        ix.categories(), ix.scale()));
            }
            case "index.coverageCap":
                return rs.withIndex(new IndexParameters(ix.mutuWeight(), ix.penerimaWeight(),
                        v.equalsIgnoreCase("none") ? null : decimal(v), ix.mutuAveraging(), ix.categories(), ix.scale()));
            case "index.mutuAveraging":
                return rs.withIndex(new IndexParameters(ix.mutuWeight(), ix.penerimaWeight(), ix.coverageCap(),
                        MutuAveraging.valueOf(v.toUpperCase(Locale.ROOT)), ix.categories(), ix.scale()));
            case "index.categories": {
                for (CategoryScheme s : CategoryScheme.builtIn()) {
                    if (s.id().equalsIgnoreCase(v)) {
                        return rs.withIndex(ix.withCategories(s));
                    }
                }
                List<String> ids = new ArrayList<>();
                CategoryScheme.builtIn().forEach(s -> ids.add(s.id()));
                throw new IllegalArgumentException("no category scheme '" + v + "'; one of " + ids);
            }
            case "index.scale":
                return rs.withIndex(new IndexParameters(ix.mutuWeight(), ix.penerimaWeight(), ix.coverageCap(),
                        ix.mutuAveraging(), ix.categories(), integer(v)));
            default:
                throw new InvalidOverride(name, "'" + name + "' cannot be overridden");
        }
    }

    private static RuleSet withSchoolAge(RuleSet rs, SchoolAgeParameters p) {
        return new RuleSet(rs.id(), rs.regulation(), rs.effectiveFromYear(), rs.antenatal(), rs.delivery(), rs.newborn(),
                rs.balita(), p, rs.screening(), rs.chronicCare(), rs.index());
    }

    private static RuleSet withScreening(RuleSet rs, ScreeningParameters p) {
        return new RuleSet(rs.id(), rs.regulation(), rs.effectiveFromYear(), rs.antenatal(), rs.delivery(), rs.newborn(),
                rs.balita(), rs.schoolAge(), p, rs.chronicCare(), rs.index());
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static BigDecimal decimal(String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("not true or false");
    }

    private static int[] ints(String v, String sep, int n) {
        String[] parts = v.split(java.util.regex.Pattern.quote(sep));
        if (parts.length != n) {
            throw new IllegalArgumentException("expected " + n + " whole numbers separated by '" + sep + "'");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = integer(parts[i].strip());
        }
        return out;
    }

    /** "1:MR+DT; 2:TD" or "none". */
    private static Map<Integer, Set<BiasAntigen>> bias(String v) {
        Map<Integer, Set<BiasAntigen>> out = new TreeMap<>();
        if (v.equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : v.split(";")) {
            String[] kv = part.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("write it as 'N:ANTIGEN+ANTIGEN; M:ANTIGEN'");
            }
            Set<BiasAntigen> set = EnumSet.noneOf(BiasAntigen.class);
            for (String a : kv[1].split("\\+")) {
                set.add(BiasAntigen.valueOf(a.strip().toUpperCase(Locale.ROOT)));
            }
            out.put(integer(kv[0].strip()), set);
        }
        return out;
    }
}
