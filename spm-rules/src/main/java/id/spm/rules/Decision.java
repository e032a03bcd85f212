package id.spm.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The sealed outcome of one rule for one person (or one case of a person: a pregnancy, a cohort) in
 * one period. Consumers switch on {@link #status()}, which is exhaustive over the permitted records.
 */
public sealed interface Decision
        permits Decision.Counted, Decision.Pending, Decision.NotCounted, Decision.Excluded, Decision.NotRecipient {

    SpmService service();

    Status status();

    /**
     * What was judged within the person: {@code ""} for the person, else e.g. {@code hpht=2024-04-02}
     * for a pregnancy or {@code standard-2} for a balita cohort.
     */
    String subject();

    /** Puskesmas the decision is attributed to, {@code null} for {@link NotRecipient}. */
    String puskesmas();

    /** Assumptions this decision relied on, empty when none. */
    List<Assumption> assumptions();

    /** Unmet criteria, the exclusion cause, or the pending explanation; empty when counted. */
    List<Reason> reasons();

    /** Whether the decision enters the denominator of by-name recipients (counted or not counted). */
    default boolean isRecipient() {
        return status() == Status.COUNTED || status() == Status.NOT_COUNTED;
    }

    record Counted(SpmService service, String subject, String puskesmas, List<Assumption> assumptions)
            implements
                Decision {
        public Counted {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(puskesmas, "puskesmas");
            assumptions = List.copyOf(assumptions);
        }

        @Override
        public Status status() {
            return Status.COUNTED;
        }

        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }

    /** @param judgedOn the date the window closes and the person will be judged */
    record Pending(SpmService service, String subject, String puskesmas, LocalDate judgedOn, Reason reason,
            List<Assumption> assumptions) implements Decision {
        public Pending {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(puskesmas, "puskesmas");
            Objects.requireNonNull(judgedOn, "judgedOn");
            Objects.requireNonNull(reason, "reason");
            assumptions = List.copyOf(assumptions);
        }

        @Override
        public Status status() {
            return Status.PENDING;
        }

        @Override
        public List<Reason> reasons() {
            return List.of(reason);
        }
    }

    record NotCounted(SpmService service, String subject, String puskesmas, List<Reason> reasons,
            List<Assumption> assumptions) implements Decision {
        public NotCounted {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(puskesmas, "puskesmas");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a not-counted decision names at least one reason");
            }
            assumptions = List.copyOf(assumptions);
        }

        @Override
        public Status status() {
            return Status.NOT_COUNTED;
        }
    }

    record Excluded(SpmService service, String subject, String puskesmas, Reason reason) implements Decision {
        public Excluded {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(puskesmas, "puskesmas");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Status status() {
            return Status.EXCLUDED;
        }

        @Override
        public List<Reason> reasons() {
            return List.of(reason);
        }

        @Override
        public List<Assumption> assumptions() {
            return List.of();
        }
    }

    /** Not a recipient of the service in the period. One shared instance per service. */
    record NotRecipient(SpmService service) implements Decision {
        private static final NotRecipient[] INSTANCES = new NotRecipient[SpmService.values().length];
        static {
            for (SpmService s : SpmService.values()) {
                INSTANCES[s.ordinal()] = new NotRecipient(s);
            }
        }

        public NotRecipient {
            Objects.requireNonNull(service, "service");
        }

        public static NotRecipient of(SpmService service) {
            return INSTANCES[service.ordinal()];
        }

        @Override
        public Status status() {
            return Status.NOT_RECIPIENT;
        }

        @Override
        public String subject() {
            return "";
        }

        @Override
        public String puskesmas() {
            return null;
        }

        @Override
        public List<Assumption> assumptions() {
            return List.of();
        }

        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }
}
