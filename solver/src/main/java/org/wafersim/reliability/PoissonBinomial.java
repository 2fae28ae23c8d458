package org.wafersim.reliability;

import java.util.Arrays;

/**
 * The Poisson-binomial distribution: the number N of failures among independent components that fail with
 * different probabilities p_i — exactly, by the dynamic programme over components (the coefficients of
 * Π_i (q_i + p_i·z)), truncated at the largest count of interest m:
 * <pre>
 *   P_i(N = k) = P_{i−1}(N = k)·q_i + P_{i−1}(N = k−1)·p_i,   k = 0..m,
 *   P_i(N &gt; m) = P_{i−1}(N &gt; m) + P_{i−1}(N = m)·p_i.
 * </pre>
 * O(n·(m+1)) operations (Y. H. Wang, Statistica Sinica 3, 1993; Y. Hong, Comput. Stat. Data Anal. 59, 2013). The
 * upper tail is accumulated from products of probabilities only (no 1 − Σ), so it keeps full relative accuracy when
 * it is tiny, which is what a die with many spares has.
 *
 * <p>Implementation notes (why the loop looks as it does): the update reads the previous vector and writes a second
 * one, which the JIT vectorises (an in-place descending update is about twice as slow); and masses below 1e-300
 * are dropped — a state is opened above the current top only when its mass exceeds that, and the lowest state is
 * closed once it falls below it — because subnormal numbers slow the arithmetic down by an order of magnitude. The
 * dropped mass is below n·1e-300 in total.
 */
public final class PoissonBinomial {
    private PoissonBinomial() { }

    /** Masses below this are dropped (see the class comment). */
    static final double TINY = 1e-300;

    /**
     * The distribution of failures among components [from, from + n) of {@code p}, truncated at m.
     *
     * @param out length ≥ m + 2: out[k] = P(N = k) for k = 0..m, out[m + 1] = P(N &gt; m)
     */
    public static void distribution(double[] p, int from, int n, int m, double[] out) {
        distribution(p, from, n, m, out, new Workspace(m));
    }

    /** Reusable scratch arrays for a truncation m (one per thread). */
    static final class Workspace {
        final double[] a, b;

        Workspace(int m) {
            a = new double[m + 2];
            b = new double[m + 2];
        }

        boolean fits(int m) { return a.length >= m + 2; }
    }

    /** As {@link #distribution(double[], int, int, int, double[])}, with caller-provided scratch space. */
    static void distribution(double[] p, int from, int n, int m, double[] out, Workspace ws) {
        if (m < 0) throw new IllegalArgumentException("m must be >= 0");
        // cur[k + 1] = P(N = k): index 0 is a permanent zero so that the stencil needs no branch at k = 0
        double[] cur = ws.a, nxt = ws.b;
        Arrays.fill(cur, 0, m + 2, 0.0);
        Arrays.fill(nxt, 0, m + 2, 0.0);
        cur[1] = 1.0;
        int lo = 1, hi = 1;                       // occupied index range [lo, hi] of cur
        double tail = 0;
        for (int i = 0; i < n; i++) {
            double pi = p[from + i];
            if (!(pi >= 0 && pi <= 1)) throw new IllegalArgumentException("probability " + pi + " of component " + (from + i));
            double qi = 1.0 - pi;
            if (hi == m + 1) tail += cur[hi] * pi;
            else if (cur[hi] * pi > TINY) hi++;    // open the next state only with representable mass
            for (int k = lo; k <= hi; k++) nxt[k] = cur[k] * qi + cur[k - 1] * pi;
            nxt[lo - 1] = 0.0;                     // keep the zero below the range
            double[] t = cur;
            cur = nxt;
            nxt = t;
            while (lo < hi && cur[lo] < TINY) cur[lo++] = 0.0;   // close the lowest state: it can only shrink
        }
        for (int k = 0; k <= m; k++) out[k] = (k + 1 >= lo && k + 1 <= hi) ? cur[k + 1] : 0.0;
        out[m + 1] = tail;
    }

    /** The distribution of failures among all components, truncated at m: length m + 2 (last = P(N &gt; m)). */
    public static double[] distribution(double[] p, int m) {
        double[] out = new double[m + 2];
        distribution(p, 0, p.length, m, out);
        return out;
    }

    /** P(N ≤ k). */
    public static double cdf(double[] p, int k) {
        double[] d = distribution(p, k);
        double s = 0;
        for (int j = 0; j <= k; j++) s += d[j];
        return s;
    }

    /** P(N &gt; k), accurate when small. */
    public static double upperTail(double[] p, int k) {
        return distribution(p, k)[k + 1];
    }
}
