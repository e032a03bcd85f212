package id.spm.api.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why one person counts or does not, service by service, under which rule set, as of which date:
 * spm-rules applied to the person's stored record. Pseudonymous key only; no birth date, NIK or name.
 */
public record PersonDecisions(
        @Schema(example = "9f2c4e0b7a1d5e88c0d4b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2", description = "Pseudonymous person key (keyed hash of the NIK)") String personKey,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-12-31", description = "The evaluation date E: end of the year or of the quarter (cumulative from January)") LocalDate evaluationDate,
        RuleSetRef ruleSet,
        @Schema(example = "2020", description = "First event year read: the report year minus spm.compute.lookback-years, as the achievements read") int eventsFromYear,
        @Schema(example = "2025", description = "Last event year read: the report year") int eventsToYear,
        @Schema(description = "The person's record in each district that stores it within your areas (usually one)") List<DistrictRecord> records) {

    /** The rule set that produced the decisions; its parameters are listed at {@code href}. */
    public record RuleSetRef(@Schema(example = "PMK-6-2024") String id,
            @Schema(example = "Permenkes 6/2024") String regulation,
            @Schema(example = "/api/v1/services", description = "Where every parameter of the rule set is listed") String href) {
    }

    /**
     * @param inComputation whether the district's achievements read this person: they read persons
     *        through their events of the window, so a person without any is in no figure
     */
    public record DistrictRecord(@Schema(example = "73.18") String kabkotaCode,
            @Schema(example = "true", description = "Whether the district's achievements include the person: only persons with an event in the window are read") boolean inComputation,
            PersonFacts person,
            @Schema(example = "{\"AncVisit\": 6, \"PregnancyOutcome\": 1}", description = "Events of the window by type (the spm-rules model record)") Map<String, Integer> eventCounts,
            @Schema(description = "The twelve services in order, each with every decision") List<ServiceDecisions> services) {
    }

    /** Non-identifying facts: age at E instead of the birth date. */
    public record PersonFacts(
            @Schema(example = "29", description = "Completed years at the evaluation date E (§9 General: a birthday counts on its day); null when born after E", nullable = true) Integer ageYears,
            @Schema(example = "FEMALE", enumeration = {
                    "MALE", "FEMALE" }, nullable = true) String sex,
            @Schema(example = "73.18.01.2010", nullable = true) String desaCode,
            @Schema(example = "P7318010101", description = "Puskesmas of registration; each decision names the Puskesmas it is attributed to", nullable = true) String puskesmasCode){
    }

    /** One service: one decision per case (a pregnancy, a cohort), or a single NOT_RECIPIENT. */
    public record ServiceDecisions(@Schema(example = "1.02.02.2.02.0001") String serviceCode,
            @Schema(example = "ANTENATAL") String service,
            @Schema(example = "Pelayanan kesehatan ibu hamil") String title, List<DecisionDto> decisions) {
    }
}
