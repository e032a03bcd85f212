package id.spm.rules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import id.spm.rules.Evaluator;
import id.spm.rules.Period;
import id.spm.rules.RuleSets;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.sample.PopulationGenerator;

/**
 * The benchmark's loop timed in CPU seconds as well as wall seconds, for a machine shared with other
 * work: JMH's wall-clock score falls with every other busy process, while the CPU time this thread
 * spends per person does not (much). Also times the generator. Prints one line per round; see
 * {@code BENCHMARK.md}.
 *
 * <p>
 * Arguments: {@code [rounds] [population]}, default 10 rounds over 250,000 persons.
 */
public final class CpuTimeLoop {

    private CpuTimeLoop() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int population = args.length > 1 ? Integer.parseInt(args[1]) : EvaluatorBenchmark.POPULATION;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        PopulationGenerator district = PopulationGenerator.tanaToraja(EvaluatorBenchmark.SEED, population,
                EvaluatorBenchmark.YEAR);
        PersonRecord[] persons = district.stream().toArray(PersonRecord[]::new);
        long genCpu = threads.getCurrentThreadCpuTime() - cpu0;
        long genWall = System.nanoTime() - wall0;
        System.out.printf(Locale.ROOT, "generate: %d persons, %.2f us/person CPU, %.2f us/person wall%n", population,
                genCpu / 1e3 / population, genWall / 1e3 / population);

        Evaluator evaluator = new Evaluator(RuleSets.PMK_6_2024);
        Period period = district.period();
        for (int round = 1; round <= rounds; round++) {
            EvaluatorBenchmark.StatusCounter counter = new EvaluatorBenchmark.StatusCounter();
            long c = threads.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            for (PersonRecord p : persons) {
                evaluator.decideAll(p, period, counter);
            }
            long cpu = threads.getCurrentThreadCpuTime() - c;
            long wall = System.nanoTime() - w;
            System.out.printf(Locale.ROOT, "round %2d: %,.0f persons/s CPU, %,.0f persons/s wall (%d decisions)%n",
                    round, population * 1e9 / cpu, population * 1e9 / wall, counter.total());
        }
    }
}
