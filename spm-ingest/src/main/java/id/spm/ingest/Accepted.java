package id.spm.ingest;

import java.math.BigDecimal;
import java.util.Objects;

import id.spm.ingest.parse.Regions;
import id.spm.rules.SpmService;
import id.spm.rules.count.ByNameLayout;
import id.spm.rules.model.Event;
import id.spm.rules.model.MonthlyCount;
import id.spm.rules.model.Person;
import id.spm.rules.model.PuskesmasInfo;

/**
 * An accepted row, ready for a writer: what it is, where it came from ({@link Location}) and its
 * natural key, stable within (layout, person) so a re-import tells created, updated and unchanged
 * rows apart (schema.md).
 */
public sealed interface Accepted permits Accepted.EventRow, Accepted.CountRow, Accepted.TargetRow,
        Accepted.PopulationRow, Accepted.QualityRow, Accepted.PuskesmasRow, Accepted.InputRow,
        Accepted.CatalogValueRow {

    String layout();

    Location location();

    String naturalKey();

    /** The kab/kota code ({@code 73.18}) the row belongs to; the province code for a province row. */
    String kabkotaCode();

    /** Sheet and row as the user sees them. */
    record Location(String sheet, int row) {
    }

    /** A service event of a person: one of the {@code id.spm.rules.model} event records. */
    record EventRow(String layout, Location location, Person person, Event event, String naturalKey)
            implements
                Accepted {
        public EventRow {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String kabkotaCode() {
            return Regions.kabkotaOfPuskesmas(event.puskesmas());
        }

        /** {@code event_type}: the model record's simple name. */
        public String eventType() {
            return ByNameLayout.of(event).eventTypeName();
        }
    }

    /** An aggregate monthly count (layout {@code rekap-bulanan}). */
    record CountRow(String layout, Location location, MonthlyCount count) implements Accepted {
        @Override
        public String naturalKey() {
            return count.puskesmas() + "|" + count.year() + "|" + count.month() + "|" + count.service().code();
        }

        @Override
        public String kabkotaCode() {
            return Regions.kabkotaOfPuskesmas(count.puskesmas());
        }
    }

    /**
     * A sasaran (layout {@code sasaran}).
     *
     * @param source {@code BPS_PROJECTION}, {@code REAL_DATA}, {@code PREVALENCE}, {@code TB_FORMULA} or
     *        {@code DECREE}
     */
    record TargetRow(String layout, Location location, String areaCode, int year, SpmService service, long amount,
            String source, String note) implements Accepted {
        @Override
        public String naturalKey() {
            return areaCode + "|" + year + "|" + service.code();
        }

        @Override
        public String kabkotaCode() {
            return kabkotaOfArea(areaCode);
        }
    }

    /** Population of an age group (layout {@code penduduk}). */
    record PopulationRow(String layout, Location location, String areaCode, int year, String ageGroup, long male,
            long female) implements Accepted {
        @Override
        public String naturalKey() {
            return areaCode + "|" + year + "|" + ageGroup;
        }

        @Override
        public String kabkotaCode() {
            return kabkotaOfArea(areaCode);
        }
    }

    /**
     * Need and stock of one goods or staff item (layout {@code mutu}).
     *
     * @param kind {@code GOODS} or {@code STAFF}
     */
    record QualityRow(String layout, Location location, String areaCode, int year, Integer quarter,
            SpmService service, String kind, String item, String unit, BigDecimal need, BigDecimal stock,
            BigDecimal unitPrice) implements Accepted {
        @Override
        public String naturalKey() {
            return areaCode + "|" + year + "|" + (quarter == null ? 0 : quarter) + "|" + service.code() + "|" + kind
                    + "|" + item;
        }

        @Override
        public String kabkotaCode() {
            return kabkotaOfArea(areaCode);
        }
    }

    /** A Puskesmas of the district (layout {@code puskesmas}). */
    record PuskesmasRow(String layout, Location location, PuskesmasInfo info) implements Accepted {
        @Override
        public String naturalKey() {
            return info.code();
        }

        @Override
        public String kabkotaCode() {
            return info.districtCode();
        }
    }

    /**
     * A typed input of a report form (issue 10): its values by layout field (text, {@code Long} for integers,
     * {@code BigDecimal} for numbers, the service code for services, the vocabulary's value for enums), and the
     * values of the layout's key fields as its natural key.
     */
    record InputRow(String layout, Location location, String areaCode, int year,
            java.util.Map<String, Object> values, String naturalKey) implements Accepted {
        public InputRow {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        @Override
        public String kabkotaCode() {
            return kabkotaOfArea(areaCode);
        }
    }

    private static String kabkotaOfArea(String area) {
        if (area.startsWith("P")) {
            return Regions.kabkotaOfPuskesmas(area);
        }
        return area.length() >= 5 ? area.substring(0, 5) : area;
    }

    /**
     * A typed value of a BLUD catalog indicator for a Puskesmas and year (layout {@code blud-capaian}: survey
     * results, logs). Read by spm-api's catalog upload, not by import jobs.
     *
     * @param catalog the catalog id the row names, or {@code null} when the file has no such column
     * @param value the value as typed, or {@code null} when given as {@code numerator} and {@code denominator}
     */
    record CatalogValueRow(String layout, Location location, String catalog, String puskesmas, int year,
            String indicator, BigDecimal value, Long numerator, Long denominator, String note) implements Accepted {
        @Override
        public String naturalKey() {
            return puskesmas + "|" + year + "|" + indicator;
        }

        @Override
        public String kabkotaCode() {
            return Regions.kabkotaOfPuskesmas(puskesmas);
        }
    }
}
