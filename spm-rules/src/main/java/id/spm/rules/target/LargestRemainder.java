package id.spm.rules.target;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits a whole number of persons in proportion to weights so that the shares always add up (digest §9
 * "Denominators"): each takes the whole part of its quota, and the units left go to the largest
 * fractions; ties go to the smallest code. Exact: integer arithmetic only.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param total the amount to split, ≥ 0
     * @param codes the code of each recipient (ties go to the smallest)
     * @param weights non-negative integer weights, not all 0
     * @return the share of each recipient, in the order given
     */
    public static long[] allocate(long total, List<String> codes, List<BigInteger> weights) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(weights, "weights");
        if (total < 0) {
            throw new IllegalArgumentException("cannot share a negative amount " + total);
        }
        if (codes.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per code");
        }
        int n = codes.size();
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            sum = sum.add(w);
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights are all 0: nothing to share by");
        }
        long[] shares = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger t = BigInteger.valueOf(total);
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = t.multiply(weights.get(i)).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = total - given;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Largest fraction first (remainders share one denominator); ties: the smallest code.
        order.sort((a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            return c != 0 ? c : codes.get(a).compareTo(codes.get(b));
        });
        for (int k = 0; k < left; k++) {
            shares[order.get(k)]++;
        }
        return Arrays.copyOf(shares, n);
    }
}
