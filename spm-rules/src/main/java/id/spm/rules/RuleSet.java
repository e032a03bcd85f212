package id.spm.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A versioned rule set: the regulation it implements, the year it takes effect, and every parameter
 * the digest marks [interpretation]. Every result names the rule set that produced it.
 *
 * @param id e.g. {@code PMK-6-2024}
 * @param regulation e.g. "Permenkes 6/2024"
 * @param effectiveFromYear first report year it applies to
 */
public record RuleSet(String id, String regulation, int effectiveFromYear, AntenatalParameters antenatal,
        DeliveryParameters delivery, NewbornParameters newborn, BalitaParameters balita,
        SchoolAgeParameters schoolAge, ScreeningParameters screening, ChronicCareParameters chronicCare,
        IndexParameters index) {

    public RuleSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(antenatal, "antenatal");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(newborn, "newborn");
        Objects.requireNonNull(balita, "balita");
        Objects.requireNonNull(schoolAge, "schoolAge");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(chronicCare, "chronicCare");
        Objects.requireNonNull(index, "index");
    }

    /** Every parameter with its value, in a stable order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        all.addAll(antenatal.describe());
        all.addAll(delivery.describe());
        all.addAll(newborn.describe());
        all.addAll(balita.describe());
        all.addAll(schoolAge.describe());
        all.addAll(screening.describe());
        all.addAll(chronicCare.describe());
        all.addAll(index.describe());
        return List.copyOf(all);
    }

    /** The clause label of a section of this rule set, e.g. {@code PMK-6-2024 §9.1}. */
    public String clause(String section) {
        return id + " " + section;
    }

    public RuleSet withAntenatal(AntenatalParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, p, delivery, newborn, balita, schoolAge, screening,
                chronicCare, index);
    }

    public RuleSet withDelivery(DeliveryParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, antenatal, p, newborn, balita, schoolAge, screening,
                chronicCare, index);
    }

    public RuleSet withNewborn(NewbornParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, antenatal, delivery, p, balita, schoolAge, screening,
                chronicCare, index);
    }

    public RuleSet withBalita(BalitaParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, antenatal, delivery, newborn, p, schoolAge, screening,
                chronicCare, index);
    }

    public RuleSet withChronicCare(ChronicCareParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, antenatal, delivery, newborn, balita, schoolAge,
                screening, p, index);
    }

    public RuleSet withIndex(IndexParameters p) {
        return new RuleSet(id, regulation, effectiveFromYear, antenatal, delivery, newborn, balita, schoolAge,
                screening, chronicCare, p);
    }
}
