package id.spm.ingest;

import java.util.function.Predicate;

/**
 * Which code of an accepted row places it in an area, and whether that area is the importer's
 * ({@code covers}: the {@link Ingestor.AreaGuard}'s test, passed as a function so that this class
 * does not depend on the ingestor that uses it).
 */
final class AreaCheck {

    private final Predicate<String> covers;

    AreaCheck(Predicate<String> covers) {
        this.covers = covers;
    }

    /** The layout field a refusal of this row is shown at. */
    String fieldOf(Accepted a) {
        return a instanceof Accepted.PuskesmasRow ? "kecamatan" : outsideField(a);
    }

    /** The layout field whose code lies outside the importer's areas, or {@code null}. */
    String outsideField(Accepted a) {
        if (a instanceof Accepted.EventRow e) {
            return covers.test(e.event().puskesmas()) ? null : "puskesmas";
        } else if (a instanceof Accepted.CountRow c) {
            return covers.test(c.count().puskesmas()) ? null : "puskesmas";
        } else if (a instanceof Accepted.TargetRow t) {
            return covers.test(t.areaCode()) ? null : "area";
        } else if (a instanceof Accepted.PopulationRow p) {
            return covers.test(p.areaCode()) ? null : "area";
        } else if (a instanceof Accepted.QualityRow q) {
            return covers.test(q.areaCode()) ? null : "area";
        } else if (a instanceof Accepted.InputRow i) {
            return covers.test(i.areaCode()) ? null : "area";
        } else if (a instanceof Accepted.CatalogValueRow c) {
            return covers.test(c.puskesmas()) ? null : "puskesmas";
        }
        return null;
    }

    /** The code a row is placed by (the value shown when its column is absent). */
    String codeOf(Accepted a, String field) {
        if (a instanceof Accepted.EventRow e) {
            return e.event().puskesmas();
        } else if (a instanceof Accepted.CountRow c) {
            return c.count().puskesmas();
        } else if (a instanceof Accepted.TargetRow t) {
            return t.areaCode();
        } else if (a instanceof Accepted.PopulationRow p) {
            return p.areaCode();
        } else if (a instanceof Accepted.QualityRow q) {
            return q.areaCode();
        } else if (a instanceof Accepted.InputRow i) {
            return i.areaCode();
        } else if (a instanceof Accepted.PuskesmasRow p) {
            return p.info().kecamatanCode();
        } else if (a instanceof Accepted.CatalogValueRow c) {
            return c.puskesmas();
        }
        return field;
    }
}
