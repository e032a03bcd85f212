package id.spm.api.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.spm.rules.model.AncVisit;
import id.spm.rules.model.ChildService;
import id.spm.rules.model.HivRiskRecord;
import id.spm.rules.model.MentalHealthVisit;
import id.spm.rules.model.Newborn;
import id.spm.rules.model.Person;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PregnancyOutcome;
import id.spm.rules.model.PtmVisit;
import id.spm.rules.model.SchoolExam;
import id.spm.rules.model.Screening;
import id.spm.rules.model.Sex;
import id.spm.rules.model.TbPresumption;

/**
 * {@code POST /evaluate}: persons with their events, in the rules' own record shapes (Jackson: ISO
 * dates, enums by name, record component names). Nothing is stored.
 */
public record EvaluateRequest(@Min(2015) @Max(2035) @Schema(example = "2025") int year,
        @Min(0) @Max(4) @Schema(example = "0", description = "1–4 for a quarter (cumulative), 0 or absent for the year") Integer quarter,
        @Schema(example = "PMK-6-2024", description = "Absent: the rule set in force for the period") String ruleSet,
        @NotEmpty @Schema(description = "At most spm.api.evaluate.max-persons (10,000) persons; no null entries") List<@NotNull @Valid PersonInput> persons) {

    /**
     * A person and the events of each kind; absent lists are empty, {@code null} entries are refused. All lists
     * together hold at most spm.api.evaluate.max-events-per-person (10,000) events.
     */
    public record PersonInput(@NotBlank @Size(max = 128) @Schema(example = "p-3f2a9c") String id,
            @NotNull @Schema(example = "1996-05-14") LocalDate birthDate, @Schema(example = "FEMALE") Sex sex,
            @Size(max = 32) @Schema(example = "73.18.01.2010") String desaCode,
            @Size(max = 32) @Schema(example = "P7318010101") String puskesmas, List<@NotNull AncVisit> ancVisits,
            List<@NotNull PregnancyOutcome> pregnancyOutcomes, List<@NotNull Newborn> newborns,
            List<@NotNull ChildService> childServices, List<@NotNull SchoolExam> schoolExams,
            List<@NotNull Screening> screenings, List<@NotNull PtmVisit> ptmVisits,
            List<@NotNull MentalHealthVisit> mentalHealthVisits, List<@NotNull TbPresumption> tbPresumptions,
            List<@NotNull HivRiskRecord> hivRiskRecords) {

        /** Events of every kind together. */
        public long eventCount() {
            return size(ancVisits) + size(pregnancyOutcomes) + size(newborns) + size(childServices)
                    + size(schoolExams) + size(screenings) + size(ptmVisits) + size(mentalHealthVisits)
                    + size(tbPresumptions) + size(hivRiskRecords);
        }

        private static long size(List<?> l) {
            return l == null ? 0 : l.size();
        }

        public PersonRecord toRecord() {
            return new PersonRecord(new Person(id, birthDate, sex, desaCode, puskesmas), orEmpty(ancVisits),
                    orEmpty(pregnancyOutcomes), orEmpty(newborns), orEmpty(childServices), orEmpty(schoolExams),
                    orEmpty(screenings), orEmpty(ptmVisits), orEmpty(mentalHealthVisits), orEmpty(tbPresumptions),
                    orEmpty(hivRiskRecords));
        }

        private static <T> List<T> orEmpty(List<T> l) {
            return l == null ? List.of() : l;
        }
    }
}
