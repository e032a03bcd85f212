package id.spm.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything known about one person: the input of every per-person rule. Lists are immutable and in
 * no guaranteed order; a rule sorts what it needs.
 */
public record PersonRecord(Person person, List<AncVisit> ancVisits, List<PregnancyOutcome> pregnancyOutcomes,
        List<Newborn> newborns, List<ChildService> childServices, List<SchoolExam> schoolExams,
        List<Screening> screenings, List<PtmVisit> ptmVisits, List<MentalHealthVisit> mentalHealthVisits,
        List<TbPresumption> tbPresumptions, List<HivRiskRecord> hivRiskRecords) {

    public PersonRecord {
        Objects.requireNonNull(person, "person");
        ancVisits = List.copyOf(ancVisits);
        pregnancyOutcomes = List.copyOf(pregnancyOutcomes);
        newborns = List.copyOf(newborns);
        childServices = List.copyOf(childServices);
        schoolExams = List.copyOf(schoolExams);
        screenings = List.copyOf(screenings);
        ptmVisits = List.copyOf(ptmVisits);
        mentalHealthVisits = List.copyOf(mentalHealthVisits);
        tbPresumptions = List.copyOf(tbPresumptions);
        hivRiskRecords = List.copyOf(hivRiskRecords);
        if (newborns.size() > 1) {
            throw new IllegalArgumentException("a person is born once: " + newborns.size() + " newborn rows");
        }
    }

    public static Builder builder(Person person) {
        return new Builder(person);
    }

    public String id() {
        return person.id();
    }

    /** Every event of the person, list by list in the order of the record's components. */
    public List<Event> events() {
        java.util.ArrayList<Event> all = new java.util.ArrayList<>(ancVisits.size() + pregnancyOutcomes.size()
                + newborns.size() + childServices.size() + schoolExams.size() + screenings.size() + ptmVisits.size()
                + mentalHealthVisits.size() + tbPresumptions.size() + hivRiskRecords.size());
        all.addAll(ancVisits);
        all.addAll(pregnancyOutcomes);
        all.addAll(newborns);
        all.addAll(childServices);
        all.addAll(schoolExams);
        all.addAll(screenings);
        all.addAll(ptmVisits);
        all.addAll(mentalHealthVisits);
        all.addAll(tbPresumptions);
        all.addAll(hivRiskRecords);
        return all;
    }

    /** Mutable builder, for importers and generators that collect a person's rows one at a time. */
    public static final class Builder {
        private final Person person;
        private final java.util.ArrayList<AncVisit> anc = new java.util.ArrayList<>();
        private final java.util.ArrayList<PregnancyOutcome> outcomes = new java.util.ArrayList<>();
        private final java.util.ArrayList<Newborn> newborns = new java.util.ArrayList<>();
        private final java.util.ArrayList<ChildService> child = new java.util.ArrayList<>();
        private final java.util.ArrayList<SchoolExam> school = new java.util.ArrayList<>();
        private final java.util.ArrayList<Screening> screenings = new java.util.ArrayList<>();
        private final java.util.ArrayList<PtmVisit> ptm = new java.util.ArrayList<>();
        private final java.util.ArrayList<MentalHealthVisit> mental = new java.util.ArrayList<>();
        private final java.util.ArrayList<TbPresumption> tb = new java.util.ArrayList<>();
        private final java.util.ArrayList<HivRiskRecord> hiv = new java.util.ArrayList<>();

        private Builder(Person person) {
            this.person = Objects.requireNonNull(person, "person");
        }

        /** Adds any event to its list by type. */
        public Builder add(Event e) {
            if (e instanceof AncVisit v) {
                anc.add(v);
            } else if (e instanceof PregnancyOutcome v) {
                outcomes.add(v);
            } else if (e instanceof Newborn v) {
                newborns.add(v);
            } else if (e instanceof ChildService v) {
                child.add(v);
            } else if (e instanceof SchoolExam v) {
                school.add(v);
            } else if (e instanceof Screening v) {
                screenings.add(v);
            } else if (e instanceof PtmVisit v) {
                ptm.add(v);
            } else if (e instanceof MentalHealthVisit v) {
                mental.add(v);
            } else if (e instanceof TbPresumption v) {
                tb.add(v);
            } else if (e instanceof HivRiskRecord v) {
                hiv.add(v);
            } else {
                throw new IllegalArgumentException("unknown event type " + e.getClass().getName());
            }
            return this;
        }

        public Builder addAll(Iterable<? extends Event> events) {
            for (Event e : events) {
                add(e);
            }
            return this;
        }

        public PersonRecord build() {
            return new PersonRecord(person, anc, outcomes, newborns, child, school, screenings, ptm, mental, tb,
                    hiv);
        }
    }
}
