package org.wafersim.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * An N-stage Foster network fitted to a thermal impedance curve:
 * <pre>  Z(t) = sum_i R_i (1 - exp(-t / tau_i)),   R_i > 0, tau_i = R_i C_i > 0</pre>
 * (the "partial fraction" RC ladder of JEDEC JESD51-14 and of thermal models exchanged with circuit simulators;
 * each stage is a resistor R_i in parallel with a capacitor tau_i / R_i, the stages in series).
 *
 * <p>The fit is a Levenberg-Marquardt least-squares fit (Apache Commons Math) in ln R_i and ln tau_i (which keeps
 * every R and tau positive) of the samples as given, each weighted by the stretch of ln t it stands for, so every
 * decade of the response weighs the same, as the multi-scale nature of a package's response asks for (the solver's
 * steps grow geometrically, so early times are not over-weighted either). Starting points: time constants spread geometrically over the span in which Z rises
 * from 2 % to 98 % of its final value, with a few different spreads, and R_i from a non-negative linear
 * least-squares solve for those time constants; the best of the fits is kept.
 */
public final class FosterFit {
    /** One stage: R (K/W) and tau (s); C = tau / R (J/K). */
    public record Stage(double r, double tau) {
        public double c() { return tau / r; }
    }

    /**
     * The fitted network (stages by increasing tau) and its error on the fitted samples: largest and
     * (ln t-weighted) root-mean-square |Z_fit - Z|, both relative to the final Z.
     */
    public record Result(List<Stage> stages, double maxRelError, double rmsRelError) {
        public Result {
            stages = List.copyOf(stages);
        }

        public double z(double t) {
            double z = 0;
            for (Stage s : stages) z += s.r() * -Math.expm1(-t / s.tau());
            return z;
        }
    }

    private FosterFit() { }

    /**
     * Fits {@code n} stages to Z(t). The errors are over the samples: largest |Z_fit - Z| and the ln t-weighted
     * root mean square, relative to the final Z.
     *
     * @param t increasing times (s), t[0] >= 0
     * @param z impedance at those times (K/W), rising to a positive final value
     */
    public static Result fit(double[] t, double[] z, int n) {
        if (n < 1 || n > 10) throw new IllegalArgumentException("the number of Foster stages must be 1 to 10, got " + n);
        if (t.length != z.length || t.length < 3) throw new IllegalArgumentException("need at least 3 samples of Z(t)");
        double zEnd = z[z.length - 1];
        if (!(zEnd > 0)) throw new IllegalArgumentException("Z(t) does not rise (final value " + zEnd + " K/W)");
        double[] gt = t, gz = z, w = logWeights(t);
        int positive = 0;
        for (double x : t) if (x > 0) positive++;
        if (positive < 2 * n) throw new IllegalArgumentException("too few time samples for " + n + " stages");
        double lo = crossing(gt, gz, 0.02 * zEnd), hi = crossing(gt, gz, 0.98 * zEnd);
        if (!(hi > lo)) hi = lo * 10;
        Result best = null;
        for (double widen : new double[]{1, 0.5, 2, 4}) {
            double a = lo / widen, b = hi * widen;
            double[] tau = new double[n];
            for (int i = 0; i < n; i++)
                tau[i] = n == 1 ? Math.sqrt(a * b) / 2 : a * Math.pow(b / a, (double) i / (n - 1)) / 2;
            double[] r = nonNegativeR(gt, gz, tau);
            Result fitted = refine(gt, gz, w, r, tau, zEnd);
            if (fitted != null && (best == null || fitted.rmsRelError() < best.rmsRelError())) best = fitted;
        }
        if (best == null) throw new IllegalStateException("the Foster fit did not converge");
        return best;
    }

    /**
     * Least-squares weights that give every decade of time the same weight: sample k stands for the interval
     * between the midpoints (in ln t) to its neighbours, w_k = that length (squared residuals are multiplied by w_k).
     * t = 0 gets weight 0 (Z(0) = 0 holds for every network).
     */
    static double[] logWeights(double[] t) {
        int m = t.length;
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            if (!(t[k] > 0)) continue;
            double lo = k > 0 && t[k - 1] > 0 ? 0.5 * Math.log(t[k] / t[k - 1]) : 0.5 * Math.log(k + 1 < m ? t[k + 1] / t[k] : 2);
            double hi = k + 1 < m ? 0.5 * Math.log(t[k + 1] / t[k]) : lo;
            w[k] = lo + hi;
        }
        return w;
    }

    private static double crossing(double[] t, double[] z, double level) {
        for (int k = 0; k < t.length; k++) if (z[k] >= level) return t[k];
        return t[t.length - 1];
    }

    /** R >= 0 minimising |A R - z| (unweighted: only a start) for fixed tau (active-set: drop the most negative and solve again). */
    private static double[] nonNegativeR(double[] t, double[] z, double[] tau) {
        int n = tau.length;
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        double[] r = new double[n];
        for (int round = 0; round < n; round++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) if (active[i]) idx.add(i);
            RealMatrix a = new Array2DRowRealMatrix(t.length, idx.size());
            for (int k = 0; k < t.length; k++)
                for (int c = 0; c < idx.size(); c++) a.setEntry(k, c, -Math.expm1(-t[k] / tau[idx.get(c)]));
            RealVector sol = new org.apache.commons.math3.linear.QRDecomposition(a).getSolver()
                    .solve(new ArrayRealVector(z));
            Arrays.fill(r, 0);
            int worst = -1;
            for (int c = 0; c < idx.size(); c++) {
                r[idx.get(c)] = sol.getEntry(c);
                if (r[idx.get(c)] <= 0 && (worst < 0 || r[idx.get(c)] < r[worst])) worst = idx.get(c);
            }
            if (worst < 0) break;
            active[worst] = false;
            r[worst] = 0;
        }
        double floor = 1e-6 * z[z.length - 1] / n;   // a stage the solve dropped restarts tiny, not at zero (ln)
        for (int i = 0; i < n; i++) r[i] = Math.max(r[i], floor);
        return r;
    }

    private static Result refine(double[] t, double[] z, double[] w, double[] r0, double[] tau0, double zEnd) {
        int n = r0.length;
        double[] start = new double[2 * n];
        for (int i = 0; i < n; i++) {
            start[i] = Math.log(r0[i]);
            start[n + i] = Math.log(tau0[i]);
        }
        LeastSquaresBuilder b = new LeastSquaresBuilder()
                .start(start)
                .target(z)
                .model(p -> model(t, p))
                .weight(new org.apache.commons.math3.linear.DiagonalMatrix(w))
                .maxEvaluations(20000)
                .maxIterations(20000);
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-12)
                    .withOrthoTolerance(1e-14).optimize(b.build());
        } catch (RuntimeException e) {
            return null;   // this start did not converge; another one may
        }
        double[] p = opt.getPoint().toArray();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < n; i++) stages.add(new Stage(Math.exp(p[i]), Math.exp(p[n + i])));
        stages.sort((x, y) -> Double.compare(x.tau(), y.tau()));
        Result res = new Result(stages, 0, 0);
        double max = 0, sum = 0, wsum = 0;
        for (int k = 0; k < t.length; k++) {
            double e = Math.abs(res.z(t[k]) - z[k]);
            max = Math.max(max, e);
            sum += w[k] * e * e;
            wsum += w[k];
        }
        if (!Double.isFinite(max)) return null;
        return new Result(stages, max / zEnd, Math.sqrt(sum / wsum) / zEnd);
    }

    /** Z and its Jacobian in (ln R, ln tau). */
    private static Pair<RealVector, RealMatrix> model(double[] t, RealVector pv) {
        double[] p = pv.toArray();
        int n = p.length / 2;
        double[] v = new double[t.length];
        double[][] j = new double[t.length][2 * n];
        for (int i = 0; i < n; i++) {
            double r = Math.exp(p[i]), tau = Math.exp(p[n + i]);
            for (int k = 0; k < t.length; k++) {
                double e = Math.exp(-t[k] / tau), one = -Math.expm1(-t[k] / tau);
                v[k] += r * one;
                j[k][i] = r * one;                          // d/d ln R
                j[k][n + i] = -r * e * t[k] / tau;          // d/d ln tau
            }
        }
        return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
    }
}
