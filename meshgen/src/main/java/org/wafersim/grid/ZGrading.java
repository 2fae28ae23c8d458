package org.wafersim.grid;

/**
 * Cell sizes through a stack of z-segments (layers, and the wafer split into its active slab and the rest).
 *
 * <p>Each segment starts with its minimum cell count. Given the counts, every segment is graded so that its end
 * cells are at most {@code g} times the neighbouring segment's end cell, with cells growing geometrically (ratio
 * {@code q}) from both ends towards its middle, {@code q} solved so that the cells fill the segment exactly; if the
 * uniform size already satisfies both ends the segment stays uniform. Segments are relaxed against each other by a
 * few Gauss-Seidel sweeps. Then cells are added one at a time to the segment holding the larger cell of the worst
 * neighbouring pair, until every ratio is at most {@code g} or the total reaches {@code maxTotal}; in the latter case
 * the remaining ratios above {@code g} are spread over the stack rather than piled up in one place. A fixed segment
 * (the case gave its cell count) never receives a cell: a pair whose larger cell lies in a fixed segment is left as it
 * is, and the grid reports it ({@link #maxRatio}).
 */
final class ZGrading {
    private static final double INF = Double.POSITIVE_INFINITY;

    private ZGrading() { }

    /**
     * @param t        segment thicknesses, bottom to top (m)
     * @param nMin     minimum cells per segment (the exact count of a fixed segment)
     * @param fixed    segments whose count may not grow (null: none)
     * @param g        target ratio of neighbouring cell sizes (&gt; 1)
     * @param maxTotal most cells in all (at least the sum of nMin)
     * @return cell sizes per segment, bottom to top; each row sums to the segment's thickness
     */
    static double[][] grade(double[] t, int[] nMin, boolean[] fixed, double g, int maxTotal) {
        int s = t.length;
        int[] n = nMin.clone();
        int total = 0;
        for (int v : n) total += v;
        double[][] h = new double[s][];
        while (true) {
            relax(t, n, g, h);
            double worst = 1.0;
            int owner = -1;
            double prev = Double.NaN;
            int prevSeg = -1;
            for (int a = 0; a < s; a++) {
                for (double c : h[a]) {
                    if (prevSeg >= 0) {
                        double r = c > prev ? c / prev : prev / c;
                        int larger = c > prev ? a : prevSeg;
                        if (r > worst && (fixed == null || !fixed[larger])) {
                            worst = r;
                            owner = c > prev ? a : prevSeg;
                        }
                    }
                    prev = c;
                    prevSeg = a;
                }
            }
            if (worst <= g * (1 + 1e-9) || total >= maxTotal || owner < 0) return h;
            n[owner]++;
            total++;
        }
    }

    /** The largest ratio of neighbouring cell sizes in a graded stack, and the index of the larger cell's face. */
    static double[] maxRatio(double[][] h) {
        double worst = 1.0, prev = Double.NaN;
        int at = -1, k = 0;
        for (double[] seg : h)
            for (double c : seg) {
                if (k > 0) {
                    double r = c > prev ? c / prev : prev / c;
                    if (r > worst) {
                        worst = r;
                        at = k;
                    }
                }
                prev = c;
                k++;
            }
        return new double[] {worst, at};
    }

    private static void relax(double[] t, int[] n, double g, double[][] h) {
        int s = t.length;
        for (int a = 0; a < s; a++) h[a] = segment(t[a], n[a], INF, INF);
        for (int sweep = 0; sweep < 8; sweep++) {
            boolean up = (sweep & 1) == 0;
            for (int m = 0; m < s; m++) {
                int a = up ? m : s - 1 - m;
                double below = a > 0 ? g * h[a - 1][h[a - 1].length - 1] : INF;
                double above = a < s - 1 ? g * h[a + 1][0] : INF;
                h[a] = segment(t[a], n[a], below, above);
            }
        }
    }

    /**
     * {@code n} cells filling {@code t}, the first at most {@code a} and the last at most {@code b} (INF: free),
     * uniform when possible, otherwise {@code min(a q^i, b q^(n-1-i))} scaled to the thickness.
     */
    static double[] segment(double t, int n, double a, double b) {
        double[] h = new double[n];
        double u = t / n;
        if (n == 1 || u <= Math.min(a, b)) {
            java.util.Arrays.fill(h, u);
            return h;
        }
        double lo = 1.0, hi = 2.0;
        while (sum(n, a, b, hi) < t && hi < 1e15) hi *= 2;
        for (int it = 0; it < 200 && hi / lo - 1 > 1e-15; it++) {
            double mid = Math.sqrt(lo * hi);
            if (sum(n, a, b, mid) < t) lo = mid; else hi = mid;
        }
        double tot = 0;
        for (int i = 0; i < n; i++) {
            h[i] = Math.min(a * Math.pow(hi, i), b * Math.pow(hi, n - 1 - i));
            tot += h[i];
        }
        double f = t / tot;
        for (int i = 0; i < n; i++) h[i] *= f;
        return h;
    }

    private static double sum(int n, double a, double b, double q) {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.min(a * Math.pow(q, i), b * Math.pow(q, n - 1 - i));
        return s;
    }
}
