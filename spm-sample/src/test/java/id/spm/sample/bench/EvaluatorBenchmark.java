package id.spm.sample.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import id.spm.rules.Decision;
import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.model.PersonRecord;
import id.spm.sample.PopulationGenerator;

/**
 * Throughput of the twelve rules over a generated district: one operation is one person decided for
 * all twelve services for the year, so the score reads as persons per second. The district (Tana
 * Toraja, 250,000 persons with their events) is generated once per fork, outside the measurement.
 * Run with {@code ./mvnw -q -pl spm-rules -Pbench verify}; see {@code BENCHMARK.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Threads(1)
@Warmup(iterations = 6, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
public class EvaluatorBenchmark {

    /** Persons in the district; also the operations of one invocation. */
    static final int POPULATION = 250_000;
    static final long SEED = 20_250_101L;
    static final int YEAR = 2025;

    private PersonRecord[] persons;
    private Evaluator evaluator;
    private Period period;

    @Setup(Level.Trial)
    public void generate() {
        PopulationGenerator district = PopulationGenerator.tanaToraja(SEED, POPULATION, YEAR);
        persons = district.stream().toArray(PersonRecord[]::new);
        evaluator = new Evaluator(RuleSets.PMK_6_2024);
        period = district.period();
    }

    /** Decides every person of the district; returns the decisions seen so the work is not eliminated. */
    @Benchmark
    @OperationsPerInvocation(POPULATION)
    public long decideAllServices() {
        StatusCounter counter = new StatusCounter();
        for (PersonRecord p : persons) {
            evaluator.decideAll(p, period, counter);
        }
        return counter.total();
    }

    /** Counts decisions by status, as a report would. */
    static final class StatusCounter implements Evaluator.DecisionSink {
        private final long[] byStatus = new long[id.spm.rules.Status.values().length];

        @Override
        public void accept(PersonRecord person, Decision decision) {
            byStatus[decision.status().ordinal()]++;
        }

        long total() {
            long t = 0;
            for (long c : byStatus) {
                t += c;
            }
            return t;
        }
    }
}
