package org.wafersim.reliability;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.wafersim.geometry.CoreArray;

/**
 * Cheap upper and lower bounds of a die's expected number of failed cores λ(t) = Σ_c F_c(t), which let
 * {@link DieRedundancy} skip the exact DP where its result is certain: λ small (no die can use up its spares) or λ
 * large (the die is certainly dead). Per die and mechanism the cores' exposures x (ln a = −β·ln η for a Weibull
 * mechanism, −μ = −ln median for a lognormal one; F grows with x) are binned into {@value #BINS} equal-width bins:
 * <pre>
 *   Σ_c F_m,c ≤ Σ_bins count·F_m(upper edge),   Σ_c F_m,c ≥ Σ_bins count·F_m(lower edge),
 *   λ ≤ Σ_m Σ_c F_m,c (union bound),            λ ≥ max_m Σ_c F_m,c,
 * </pre>
 * with the exact Σ_c a for the Weibull upper bound (Σ_c (1 − e^(−a·t^β)) ≤ t^β·Σ_c a). A coarse form (one bin, the
 * die's extreme exposure) is tried first because it settles most cases.
 */
final class DieBounds {
    static final int BINS = 16;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final int n;
    private final double[] beta, invSigma;
    private final double[][] sumA;            // [w][die]
    private final double[][] xMin, xMax;      // [mechanism][die]: w first, then l
    private final int[][][] count;            // [mechanism][die][bin]

    DieBounds(CoreArray cores, double[] beta, double[][] a, double[][] lnA, double[] invSigma, double[][] mu,
              org.wafersim.linalg.Parallel par) {
        int dies = cores.dieCount(), nw = beta.length, nl = invSigma.length;
        this.n = cores.coresPerDie();
        this.beta = beta;
        this.invSigma = invSigma;
        sumA = new double[nw][dies];
        xMin = new double[nw + nl][dies];
        xMax = new double[nw + nl][dies];
        count = new int[nw + nl][dies][BINS];
        // each die's bounds from its own cores, so the dies run in parallel (the same sums on any thread count)
        par.forEach(dies, d -> {
            for (int m = 0; m < nw + nl; m++) {
                boolean weibull = m < nw;
                double[] v = weibull ? lnA[m] : mu[m - nw];
                int first = cores.firstCore(d);
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int c = first; c < first + n; c++) {
                    double x = weibull ? v[c] : -v[c];
                    if (weibull) sumA[m][d] += a[m][c];
                    if (x == Double.NEGATIVE_INFINITY) continue;         // never fails by this mechanism
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                xMin[m][d] = lo;
                xMax[m][d] = hi;
                if (lo > hi) continue;
                double w = (hi - lo) / BINS;
                for (int c = first; c < first + n; c++) {
                    double x = weibull ? v[c] : -v[c];
                    if (x == Double.NEGATIVE_INFINITY) continue;
                    int b = w > 0 ? (int) ((x - lo) / w) : 0;
                    count[m][d][Math.min(BINS - 1, Math.max(0, b))]++;
                }
            }
        });
    }

    /** F of mechanism m at exposure x and time point tp. */
    private double f(int m, double x, CoreLifetimes.TimePoint tp) {
        if (x == Double.NEGATIVE_INFINITY) return 0;
        int nw = beta.length;
        if (m < nw) return CoreLifetimes.weibullF(tp.tb[m] * Math.exp(x));
        double z = (tp.lnt + x) * invSigma[m - nw];
        return z < CoreLifetimes.Z_UNDERFLOW ? 0 : STANDARD_NORMAL.cumulativeProbability(z);
    }

    /** Upper bound of λ from the die's most exposed core. */
    double upperCoarse(int d, CoreLifetimes.TimePoint tp) {
        if (tp.t == 0) return 0;
        int nw = beta.length;
        double s = 0;
        for (int w = 0; w < nw; w++) s += tp.tb[w] * sumA[w][d];
        for (int m = nw; m < xMax.length; m++) s += n * f(m, xMax[m][d], tp);
        return s;
    }

    /** Upper bound of λ from the binned exposures. */
    double upperFine(int d, CoreLifetimes.TimePoint tp) {
        if (tp.t == 0) return 0;
        int nw = beta.length;
        double s = 0;
        for (int w = 0; w < nw; w++) s += tp.tb[w] * sumA[w][d];
        for (int m = nw; m < xMax.length; m++) s += binned(m, d, tp, true);
        return s;
    }

    /** Lower bound of λ from the die's least exposed core. */
    double lowerCoarse(int d, CoreLifetimes.TimePoint tp) {
        if (tp.t == 0) return 0;
        double best = 0;
        for (int m = 0; m < xMin.length; m++) {
            if (xMin[m][d] > xMax[m][d]) continue;
            // cores that never fail by m contribute 0; the others at least F(x_min)
            best = Math.max(best, populated(m, d) * f(m, xMin[m][d], tp));
        }
        return best;
    }

    /** Lower bound of λ from the binned exposures. */
    double lowerFine(int d, CoreLifetimes.TimePoint tp) {
        if (tp.t == 0) return 0;
        double best = 0;
        for (int m = 0; m < xMin.length; m++) best = Math.max(best, binned(m, d, tp, false));
        return best;
    }

    private int populated(int m, int d) {
        int k = 0;
        for (int c : count[m][d]) k += c;
        return k;
    }

    private double binned(int m, int d, CoreLifetimes.TimePoint tp, boolean upper) {
        double lo = xMin[m][d], hi = xMax[m][d];
        if (lo > hi) return 0;
        double w = (hi - lo) / BINS, s = 0;
        for (int b = 0; b < BINS; b++) {
            int k = count[m][d][b];
            if (k == 0) continue;
            double edge = upper ? (b == BINS - 1 ? hi : lo + (b + 1) * w) : (b == 0 ? lo : lo + b * w);
            // inner edges are computed, so widen them by far more than their rounding to keep the bound rigorous
            if (b != (upper ? BINS - 1 : 0)) edge += (upper ? 1 : -1) * 1e-12 * (1 + Math.abs(edge));
            s += k * f(m, edge, tp);
        }
        return s;
    }
}
