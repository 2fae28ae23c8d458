package org.wafersim.sweep;

import java.util.Random;

/**
 * Latin hypercube sampling (McKay, Beckman and Conover, Technometrics 21, 1979): each of {@code d} axes is cut into
 * {@code n} equal strata and every stratum is used exactly once, at a uniformly random place inside it; the strata are
 * paired across axes by independent random permutations. Deterministic for a seed: {@link java.util.Random}'s
 * generator is fixed by the Java specification, so the same sweep file gives the same points on every machine and
 * JVM, which the resumable, sharded runs rely on.
 */
final class LatinHypercube {
    private LatinHypercube() { }

    /** {@code n} points in [0, 1)^d: {@code u[point][axis]}. */
    static double[][] sample(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] u = new double[n][d];
        int[] perm = new int[n];
        for (int a = 0; a < d; a++) {
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) {   // Fisher-Yates
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < n; i++) u[i][a] = (perm[i] + rnd.nextDouble()) / n;
        }
        return u;
    }
}
