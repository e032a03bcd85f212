package id.spm.ingest;

import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

import id.spm.ingest.report.LongSet;

/**
 * What the report says about a file's accepted rows as a whole: persons, Puskesmas, years and the
 * range of event dates. Persons are kept as 8-byte hashes, so memory does not grow with the rows.
 */
final class FileTally {

    final LongSet persons = new LongSet();
    final SortedSet<String> puskesmas = new TreeSet<>();
    final SortedSet<Integer> years = new TreeSet<>();
    LocalDate firstDate;
    LocalDate lastDate;

    void add(Accepted a) {
        if (a instanceof Accepted.EventRow e) {
            persons.add(Long.parseUnsignedLong(e.person().id().substring(0, 16), 16));
            puskesmas.add(e.event().puskesmas());
            LocalDate d = e.event().date();
            if (firstDate == null || d.isBefore(firstDate)) {
                firstDate = d;
            }
            if (lastDate == null || d.isAfter(lastDate)) {
                lastDate = d;
            }
            years.add(d.getYear());
        } else if (a instanceof Accepted.CountRow c) {
            puskesmas.add(c.count().puskesmas());
            years.add(c.count().year());
        } else if (a instanceof Accepted.TargetRow t) {
            years.add(t.year());
        } else if (a instanceof Accepted.PopulationRow p) {
            years.add(p.year());
        } else if (a instanceof Accepted.QualityRow q) {
            years.add(q.year());
        } else if (a instanceof Accepted.InputRow i) {
            years.add(i.year());
        } else if (a instanceof Accepted.PuskesmasRow p) {
            puskesmas.add(p.info().code());
        } else if (a instanceof Accepted.CatalogValueRow c) {
            puskesmas.add(c.puskesmas());
            years.add(c.year());
        }
    }
}
