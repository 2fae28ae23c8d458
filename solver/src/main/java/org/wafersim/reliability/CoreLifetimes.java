package org.wafersim.reliability;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;

/**
 * Per-core, per-mechanism MTTFs of a {@link CoreArray} (from {@link WearOutModel}) with both combinations:
 * RAMP's MTTF_core = 1/Σ_m(1/MTTF_m) and the failure probability F_core(t) = 1 − Π_m R_m(t) of the lifetime
 * distributions. Times in s. Immutable.
 *
 * <h2>Fast evaluation</h2>
 * The redundancy model needs F_core(t) for every core at every time point (84 × 4,823 cores × ~100 times), so the
 * distributions are precomputed into forms that cost a multiply per Weibull mechanism: (t/η)^β = a·t^β with
 * a = η^(−β) and t^β shared by all cores. Lognormal terms need Φ(z) (≈ 20 ns each); they are skipped when they cannot
 * change F_core in double precision: with a running lower bound L of ln F_core (from the Weibull part,
 * 1 − e^(−h) ≥ min(h,1)/2, and from each lognormal term added, Φ(z) ≥ φ(z)·e^(−|z|) for z ≤ −1), a term with
 * ln(φ(z)/|z|) &lt; L − 37 is below 8.5e-17·F_core, less than half an ulp, since Φ(z) ≤ φ(z)/|z| for z ≤ −1; terms
 * with z &lt; −37.5 underflow (Φ &lt; 1e-307). The result is exact to rounding.
 */
public final class CoreLifetimes {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Below this z, Φ(z) &lt; 1e-307: no contribution. */
    static final double Z_UNDERFLOW = -37.5;
    /**
     * A term below e^-37 ≈ 8.5e-17 of F_core is less than half an ulp of it (1.1e-16 relative) and cannot change
     * the rounded sum.
     */
    private static final double NEGLIGIBLE = 37.0;
    /** ln Φ(−1): the least value of ln Φ(z) for z ≥ −1. */
    private static final double LN_PHI_MINUS_1 = Math.log(STANDARD_NORMAL.cumulativeProbability(-1.0));

    private final CoreArray cores;
    private final List<Mechanism> mechanisms;
    private final double[][] mttf;          // [mechanism][core], s
    private final double[] ramp;            // per core, s
    private final int[] dominant;           // per core, index into mechanisms, -1 if none
    private final List<String> notes;

    // kernel: Weibull mechanisms w and lognormal mechanisms l
    final double[] beta;                        // per w
    final double[][] a, lnA;                    // [w][core]: η^-β and its log
    final double[] sigma, invSigma;             // per l
    final double[][] mu;                        // [l][core]: ln(median)
    final DieBounds bounds;                     // per-die bounds of the expected failures

    CoreLifetimes(CoreArray cores, List<Mechanism> mechanisms, double[][] mttf, List<String> notes, Parallel par) {
        this.cores = cores;
        this.mechanisms = List.copyOf(mechanisms);
        this.mttf = mttf;
        this.notes = List.copyOf(notes);
        int n = cores.coreCount(), nm = mechanisms.size();
        ramp = new double[n];
        dominant = new int[n];
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                double rate = 0, best = 0;
                int arg = -1;
                for (int m = 0; m < nm; m++) {
                    double r = 1.0 / mttf[m][c];
                    rate += r;
                    if (r > best) {
                        best = r;
                        arg = m;
                    }
                }
                ramp[c] = 1.0 / rate;
                dominant[c] = arg;
            }
        });
        int nw = 0, nl = 0;
        for (Mechanism m : mechanisms) {
            if (m.distribution().kind() == LifetimeDistribution.Kind.WEIBULL) nw++;
            else nl++;
        }
        beta = new double[nw];
        a = new double[nw][];
        lnA = new double[nw][];
        sigma = new double[nl];
        invSigma = new double[nl];
        mu = new double[nl][];
        int w = 0, l = 0;
        for (int m = 0; m < nm; m++) {
            LifetimeDistribution d = mechanisms.get(m).distribution();
            double ratio = d.meanOverScale();
            if (d.kind() == LifetimeDistribution.Kind.WEIBULL) {
                double b = d.shape();
                beta[w] = b;
                double[] aw = a[w] = new double[n], lw = lnA[w] = new double[n], row = mttf[m];
                par.forBlocks(n, (lo, hi) -> {
                    for (int c = lo; c < hi; c++) {
                        double la = -b * Math.log(row[c] / ratio);     // ln η^-β; −∞ for an infinite MTTF
                        lw[c] = la;
                        aw[c] = Math.exp(la);
                    }
                });
                w++;
            } else {
                sigma[l] = d.shape();
                invSigma[l] = 1.0 / d.shape();
                double[] ml = mu[l] = new double[n], row = mttf[m];
                par.forBlocks(n, (lo, hi) -> {
                    for (int c = lo; c < hi; c++) ml[c] = Math.log(row[c] / ratio);   // ln median; +∞ if MTTF = ∞
                });
                l++;
            }
        }
        bounds = new DieBounds(cores, beta, a, lnA, invSigma, mu, par);
    }

    /** The core array these lifetimes belong to (the same object the caller passed in). */
    public CoreArray cores() { return cores; }

    /** The mechanisms evaluated, in order (disabled ones and those lacking inputs are absent). */
    public List<Mechanism> mechanisms() { return mechanisms; }

    /** Remarks for the run summary (mechanisms left out and why). */
    public List<String> notes() { return notes; }

    /** MTTF of core c under mechanism m (index into {@link #mechanisms()}), s. */
    public double mttf(int m, int c) { return mttf[m][c]; }

    /** RAMP MTTF of core c, 1/Σ_m(1/MTTF_m), s. */
    public double rampMttf(int c) { return ramp[c]; }

    /** RAMP MTTF of every core, s (a copy; for {@code /reliability/core_mttf}, convert to h). */
    public double[] rampMttf() { return ramp.clone(); }

    /** The mechanism with the highest failure rate at core c, or null when no mechanism acts. */
    public Mechanism dominantMechanism(int c) { return dominant[c] < 0 ? null : mechanisms.get(dominant[c]); }

    /**
     * The mechanism with the largest summed RAMP rate Σ_c 1/MTTF_m(c) over the wafer (the "dominant mechanism" of
     * the run summary), or null when none acts.
     */
    public Mechanism dominantMechanism() {
        Mechanism best = null;
        double bestRate = 0;
        for (int m = 0; m < mechanisms.size(); m++) {
            double r = 0;
            for (double v : mttf[m]) r += 1.0 / v;
            if (r > bestRate) {
                bestRate = r;
                best = mechanisms.get(m);
            }
        }
        return best;
    }

    /** F_core(t) = 1 − Π_m R_m(t) of core c at time t (s). */
    public double failureProbability(int c, double t) {
        double[] out = new double[1];
        failureProbabilities(c, 1, at(t), out);
        return out[0];
    }

    // ---- kernel --------------------------------------------------------------------------------------------------

    /** Time-dependent factors shared by all cores. */
    static final class TimePoint {
        final double t, lnt;
        final double[] tb;         // t^β per Weibull mechanism

        TimePoint(double t, double[] beta) {
            if (!(t >= 0) || !Double.isFinite(t)) throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
            this.t = t;
            this.lnt = Math.log(t);
            this.tb = new double[beta.length];
            for (int w = 0; w < beta.length; w++) tb[w] = Math.pow(t, beta[w]);
        }
    }

    TimePoint at(double t) { return new TimePoint(t, beta); }

    /**
     * F_core(t) of cores [from, from + n) into {@code out[0..n)}; returns their sum (the expected number of failed
     * cores).
     */
    double failureProbabilities(int from, int n, TimePoint tp, double[] out) {
        if (tp.t == 0) {
            java.util.Arrays.fill(out, 0, n, 0.0);
            return 0;
        }
        int nw = beta.length, nl = sigma.length;
        int[] order = lognormalOrder(from, tp);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int c = from + i;
            double h = 0;
            for (int w = 0; w < nw; w++) h += a[w][c] * tp.tb[w];
            double f = weibullF(h);
            if (nl > 0) {
                // a lower bound of ln F_core, raised as terms are added; a lognormal term below e^-40 of it cannot
                // change F_core in double precision and is skipped (see the class comment)
                double lnFLow = Double.NEGATIVE_INFINITY;
                if (h > 0) {
                    double lh = Double.NEGATIVE_INFINITY;
                    for (int w = 0; w < nw; w++) lh = Math.max(lh, lnA[w][c] + beta[w] * tp.lnt);
                    lnFLow = Math.min(lh, 0.0) - 0.7;            // 1 − e^-h ≥ min(h, 1)/2
                }
                for (int l : order) {
                    double z = (tp.lnt - mu[l][c]) * invSigma[l];
                    if (z < Z_UNDERFLOW) continue;
                    if (z < -1) {
                        double lnPhi = -0.5 * z * z - LN_SQRT_2PI;                  // ln φ(z)
                        // Φ(z) ≤ φ(z)/|z| ≤ φ(z) for z ≤ −1: the cheap test first, the sharper one (a log) next
                        if (lnPhi < lnFLow - NEGLIGIBLE || lnPhi - Math.log(-z) < lnFLow - NEGLIGIBLE) continue;
                        // Φ(z) ≥ φ(z)·|z|/(1+z²) ≥ φ(z)·e^(−|z|) (Gordon's inequality; ln(|z|+1/|z|) ≤ |z|)
                        lnFLow = Math.max(lnFLow, lnPhi + z);
                    } else {
                        lnFLow = Math.max(lnFLow, LN_PHI_MINUS_1);
                    }
                    double fl = STANDARD_NORMAL.cumulativeProbability(z);
                    f = f + fl - f * fl;
                }
            }
            out[i] = f;
            sum += f;
        }
        return sum;
    }

    /**
     * Lognormal mechanisms in the order of their size at the first core of the range (largest first), so that the
     * skip test above has the large terms in its bound before it meets the small ones. Only speed depends on it.
     */
    private int[] lognormalOrder(int c, TimePoint tp) {
        int nl = sigma.length;
        Integer[] idx = new Integer[nl];
        double[] z = new double[nl];
        for (int l = 0; l < nl; l++) {
            idx[l] = l;
            z[l] = (tp.lnt - mu[l][c]) * invSigma[l];
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(z[y], z[x]));
        int[] out = new int[nl];
        for (int l = 0; l < nl; l++) out[l] = idx[l];
        return out;
    }

    /** 1 − e^(−h), by its series for small h (Math.expm1 is not an intrinsic and this is the hot loop). */
    static double weibullF(double h) {
        if (h < 1e-5) return h * (1 - h * (0.5 - h * (1.0 / 6.0)));
        return -Math.expm1(-h);
    }

    /** Scale (η or median, s) of mechanism m at core c, for sampling. */
    double scale(int m, int c) { return mttf[m][c] / mechanisms.get(m).distribution().meanOverScale(); }
}
