package id.spm.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import id.spm.rules.internal.Ages;
import id.spm.rules.model.Event;
import id.spm.rules.model.PersonRecord;

/** One generated district shared by the tests (generated once per JVM), and helpers over it. */
final class Samples {

    static final int YEAR = 2025;
    static final LocalDate JAN_1 = LocalDate.of(YEAR, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(YEAR, 12, 31);
    static final int SIZE = 30_000;

    static final PopulationGenerator GENERATOR = PopulationGenerator.tanaToraja(7L, SIZE, YEAR);
    static final List<PersonRecord> PERSONS = GENERATOR.persons();
    static final Set<String> PUSKESMAS = GENERATOR.puskesmas().stream().map(p -> p.code())
            .collect(Collectors.toUnmodifiableSet());

    private Samples() {
    }

    static long count(Predicate<PersonRecord> p) {
        return PERSONS.stream().filter(p).count();
    }

    static boolean inYear(LocalDate d) {
        return !d.isBefore(JAN_1) && !d.isAfter(DEC_31);
    }

    static int ageAt(PersonRecord p, LocalDate d) {
        return Ages.years(p.person().birthDate(), d);
    }

    static List<Event> events(PersonRecord p) {
        return java.util.stream.Stream
                .of(p.ancVisits(), p.pregnancyOutcomes(), p.newborns(), p.childServices(), p.schoolExams(),
                        p.screenings(), p.ptmVisits(), p.mentalHealthVisits(), p.tbPresumptions(), p.hivRiskRecords())
                .flatMap(List::stream).map(e -> (Event) e).toList();
    }
}
