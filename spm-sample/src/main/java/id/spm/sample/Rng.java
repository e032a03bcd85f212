package id.spm.sample;

import java.time.LocalDate;

/**
 * SplitMix64, written out so the generated population is identical on every JDK: {@code java.util}
 * generators leave their bounded and floating-point algorithms to the implementation.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /** An independent stream for one purpose (stream) and one item (index) under a seed. */
    static Rng of(long seed, long stream, long index) {
        return new Rng(mix(seed ^ mix(stream * GOLDEN + mix(index + GOLDEN))));
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Approximately normal (Irwin–Hall sum of twelve uniforms): no transcendental functions. */
    double gaussian(double mean, double sd) {
        double s = 0;
        for (int i = 0; i < 12; i++) {
            s += nextDouble();
        }
        return mean + sd * (s - 6);
    }

    int gaussianInt(double mean, double sd, int min, int max) {
        long v = Math.round(gaussian(mean, sd));
        return (int) Math.max(min, Math.min(max, v));
    }

    /** A date uniform in [from, to], both inclusive. */
    LocalDate date(LocalDate from, LocalDate to) {
        long a = from.toEpochDay();
        long b = to.toEpochDay();
        return LocalDate.ofEpochDay(a + nextInt((int) (b - a + 1)));
    }

    /** Index i with probability cumulative[i] − cumulative[i − 1]; the last value is the total. */
    int weighted(double[] cumulative) {
        double u = nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }
}
