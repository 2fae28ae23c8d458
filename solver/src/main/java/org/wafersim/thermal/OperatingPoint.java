package org.wafersim.thermal;

import org.wafersim.errors.CheckFailedException;
import org.wafersim.errors.InfeasibleException;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.errors.ThermalRunawayException;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady operating point at a given <em>total</em> electrical power (dynamic + leakage, the number on a data
 * sheet): find the dynamic scale s such that
 * <pre>  s D + L(T(s)) = P_target,   T(s) the steady state with dynamic power s D and leakage L(T) = sum_i P_ref,i exp(beta (T_i - T_ref))  </pre>
 * where D is the dynamic power of the model as built (its shape is kept).
 *
 * <p>The scalar iteration on s runs inside the solver's outer loop rather than around whole solves: the first outer
 * round sets the dynamic scale so that the total is the target at the starting temperatures,
 * s_0 = (P_target - L(T_0)) / D, and every round but the last moves s and the field together by a bordered Newton
 * step after its linear solve ({@link ScaleNewton}: the field's response to the dynamic power, solved once, turns the
 * rank-one coupling of the total into a scalar equation). Each linear solve uses the leakage linearisation of the
 * fixed-dynamic problem (so the operator whose positive definiteness signals a stable operating point is the same
 * as for a fixed dynamic power). At the fixed point s D + L(T) = P_target to the outer tolerance; the outer
 * iteration count is about that of a fixed-dynamic solve. The number of scale updates is reported. When the solver
 * does not take the Newton steps (the runaway path's explicit source) the scale is reset every round from the
 * leakage, extrapolated by a secant (below).
 *
 * <p>When this fast iteration fails (runaway or no convergence: a strongly nonlinear leakage can throw the first
 * iterates past the fold), the plain outer iteration takes over: a bracketed search on s around whole fixed-dynamic
 * solves, each warm-started from the last converged one (regula falsi while both ends converge, bisection while the
 * upper end runs away). A target that no stable steady state reaches is thermal runaway, reported in the
 * {@link ThermalRunawayException} with the largest total that converged.
 */
public final class OperatingPoint {
    /** Relative bracket on the dynamic scale at which the runaway bisection stops. */
    static final double BISECTION_TOLERANCE = 1e-3;
    /** Most fixed-dynamic solves of the robust search. */
    static final int MAX_SEARCH_SOLVES = 60;
    /**
     * Largest relative miss of the total accepted at convergence: the last scale update uses the leakage of the
     * previous iterate, whose temperatures differ from the final ones by at most the Picard tolerance (1e-6 K by
     * default), so the miss is about beta x P_leak x 1e-6 K / P, below 1e-8; 1e-6 is the requirement.
     */
    static final double TOTAL_TOLERANCE = 1e-6;

    /**
     * The solved operating point.
     *
     * @param result          the steady solve (its feedback power = leakage + the dynamic power added by the scale)
     * @param dynamicScale    s: the dynamic power is s times the model's
     * @param dynamicW        dynamic power at the operating point (W)
     * @param leakageW        leakage at the operating point (W), at the final temperatures
     * @param iterations      scale updates (outer iterations of the operating-point search); 0 for a fixed dynamic power
     * @param targetW         the target total (W), NaN for a fixed dynamic power
     */
    public record Solution(SteadyResult result, double dynamicScale, double dynamicW, double leakageW, int iterations,
                           double targetW) {
        public double totalW() { return dynamicW + leakageW; }
    }

    private OperatingPoint() { }

    /**
     * Solves the model: at its target total when it has one ({@link PackageThermalModel.Model#targetTotal()}), else
     * with its dynamic power fixed. {@code warm} (K, may be null) is the starting temperature field.
     */
    public static Solution solve(SteadySolver solver, PackageThermalModel.Model model, double[] warm) {
        ThermalProblem p = model.problem();
        double d0 = sum(model.dynamicCorePower());
        double target = model.targetTotal();
        if (!(target > 0) || model.leakage() == null) {
            SteadyResult r = solver.solve(p, warm);
            double leak = model.leakage() == null ? 0 : sum(model.leakage().corePowers(r.temperature()));
            return new Solution(r, 1, d0, leak, 0, Double.NaN);
        }
        TotalTarget fb = new TotalTarget(model.leakage(), p.q(), d0, target);
        try {
            SteadyResult r = solver.solve(p.with(fb, p.couplings()), warm);
            double leak = sum(model.leakage().corePowers(r.temperature()));
            if (fb.scale == 0 && leak > target * (1 + 1e-9)) throw leakageAlone(target, leak, r);
            double total = fb.scale * d0 + leak;
            if (!(Math.abs(total - target) <= TOTAL_TOLERANCE * target)) {
                throw new NotConvergedException("the operating point missed power.total = " + w(target)
                        + " W: dynamic " + w(fb.scale * d0) + " W + leakage " + w(leak) + " W = " + w(total) + " W after "
                        + fb.updates + " iterations of the dynamic scale", r.temperature());
            }
            return new Solution(r, fb.scale, fb.scale * d0, leak, fb.updates, target);
        } catch (ThermalRunawayException | NotConvergedException e) {
            return search(solver, model, target, d0, warm, e, fb.updates);
        }
    }

    /** No operating point: the leakage alone, at the steady state without dynamic power, exceeds the target. */
    private static InfeasibleException leakageAlone(double target, double leak, SteadyResult r) {
        return new InfeasibleException("no operating point at power.total = " + w(target) + " W: the leakage alone is "
                + w(leak) + " W at its steady state without dynamic power; give a larger total, or power.dynamic",
                r.temperature());
    }

    /**
     * The robust search, used when the fast one fails (a strongly nonlinear leakage can throw the first iterates onto
     * the unstable branch): the scalar outer iteration on s around whole fixed-dynamic solves, each warm-started from
     * the last converged one. P(s) = s D + L(T(s)) increases with s along the stable branch up to the fold s*, beyond
     * which no steady state exists. The bracket [lo, hi] starts at [0, P_target / D]; a converged hi is refined by
     * regula falsi (Illinois), a failing hi by bisection. A bracket that closes on a failing hi is runaway, reported
     * with the largest total that converged, when a solve ran away; when every failure was a solve stopped by the
     * iteration limits, that is what is reported ({@link NotConvergedException}, not runaway). A chip whose leakage
     * alone exceeds the target has no operating point ({@link InfeasibleException}).
     */
    private static Solution search(SteadySolver solver, PackageThermalModel.Model model, double target, double d0,
                                   double[] warm, RuntimeException first, int updatesSoFar) {
        ThermalProblem p = model.problem();
        double lo = 0, hi = target / d0, pLo = Double.NaN, pHi = Double.NaN;
        boolean hiOk = false;
        double bestDyn = Double.NaN, bestLeak = Double.NaN;
        double[] start = warm;
        int solves = 0, side = 0;
        // whether any solve ran away: if none did, every failure was the solver's (iteration limits), not runaway
        boolean ranAway = first instanceof ThermalRunawayException;
        CheckFailedException lastFailure = (CheckFailedException) first;
        double s = 0;                       // first the chip without dynamic power: must have a steady state
        while (solves < MAX_SEARCH_SOLVES) {
            solves++;
            SteadyResult r = null;
            try {
                r = solver.solve(scaled(p, s), start);
            } catch (ThermalRunawayException | NotConvergedException e) {
                ranAway |= e instanceof ThermalRunawayException;
                lastFailure = e;
                if (s == 0) break;
            }
            if (r != null) {
                double leak = sum(model.leakage().corePowers(r.temperature()));
                double total = s * d0 + leak;
                if (Math.abs(total - target) <= TOTAL_TOLERANCE * target)
                    return new Solution(r, s, s * d0, leak, updatesSoFar + solves, target);
                if (s == 0 && total > target) throw leakageAlone(target, leak, r);
                if (total < target) {
                    lo = s;
                    pLo = total;
                    bestDyn = s * d0;
                    bestLeak = leak;
                    start = r.temperature();
                    if (side == -1 && hiOk) pHi = target + 0.5 * (pHi - target);   // Illinois
                    side = -1;
                } else {
                    hi = s;
                    pHi = total;
                    hiOk = true;
                    if (side == 1) pLo = target + 0.5 * (pLo - target);
                    side = 1;
                }
            } else {
                hi = s;
                hiOk = false;
            }
            if (!hiOk && hi - lo <= BISECTION_TOLERANCE * hi) break;
            if (hi - lo <= 1e-14 * hi) break;
            s = hiOk && !Double.isNaN(pLo) ? lo + (hi - lo) * (target - pLo) / (pHi - pLo) : 0.5 * (lo + hi);
            if (!(s > lo && s < hi)) s = 0.5 * (lo + hi);
        }
        if (hiOk) {
            throw new NotConvergedException("the operating point search did not reach power.total = "
                    + w(target) + " W in " + solves + " solves (bracket on the dynamic power [" + w(lo * d0) + ", "
                    + w(hi * d0) + "] W)", start);
        }
        if (!ranAway) {
            // no solve lost its steady state: the iteration limits stopped them, which says nothing about runaway
            // the iterate at the requested power (the fast solve's) says more than the search's last one
            double[] last = ((CheckFailedException) first).lastIterateK() != null
                    ? ((CheckFailedException) first).lastIterateK() : lastFailure.lastIterateK();
            throw new NotConvergedException("the steady solve at power.total = " + w(target) + " W did not converge: "
                    + first.getMessage() + "; nor did the operating-point search's solves (last: "
                    + lastFailure.getMessage() + ")", last);
        }
        double bestTotal = bestDyn + bestLeak;
        String found = Double.isNaN(bestTotal)
                ? "even without dynamic power the leakage runs away"
                : "the largest total that converges is " + w(bestTotal) + " W (dynamic " + w(bestDyn) + " W + leakage "
                        + w(bestLeak) + " W; the dynamic power bracketed in [" + w(lo * d0) + ", " + w(hi * d0)
                        + "] W by bisection, " + solves + " warm-started solves)";
        throw new ThermalRunawayException("thermal runaway: no steady state reaches power.total = " + w(target)
                + " W; " + found + "; searching for the target: " + first.getMessage(),
                first instanceof ThermalRunawayException t ? t.powerW() : target,
                first instanceof ThermalRunawayException t2 ? t2.lastIterateK() : null);
    }

    /** 6 significant digits, no exponent for ordinary powers, no trailing zeros. */
    static String w(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : Double.toString(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The problem with its dynamic power scaled by s and the leakage on top. */
    private static ThermalProblem scaled(ThermalProblem p, double s) {
        double[] q = p.q().clone();
        for (int c = 0; c < q.length; c++) q[c] *= s;
        return p.withSource(q);
    }

    /** Neumaier's compensated sum: ~400k core powers add up to their total to round-off, not to 1e-12. */
    static double sum(double[] v) {
        double s = 0, c = 0;
        for (double x : v) {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + c;
    }

    /**
     * The leakage plus the change of the dynamic power that keeps the total at the target: at temperatures T the
     * dynamic scale is s = max(0, (P_target - L(T)) / D) and the source beyond the problem's fixed dynamic power
     * (scale 1) is L(T) + (s - 1) D, with the leakage's derivative only (the fixed-dynamic Jacobian).
     */
    static final class TotalTarget implements HeatSourceFeedback {
        private final CoreLeakage leakage;
        private final double[] q0;
        private final double d0, target;
        double scale = 1;
        int updates;
        private double sPrev = Double.NaN, gPrev = Double.NaN;
        /** The leakage's slab when the dynamic power lies inside it too (as deposited on the cores), else 0 and n. */
        private final int first, cells;

        TotalTarget(CoreLeakage leakage, double[] q0, double d0, double target) {
            this.leakage = leakage;
            this.q0 = q0;
            this.d0 = d0;
            this.target = target;
            int f = leakage.slabFirst(), m = leakage.slabCells(q0.length);
            boolean inside = true;
            for (int c = 0; c < q0.length && inside; c++) if (q0[c] != 0 && (c < f || c >= f + m)) inside = false;
            first = inside ? f : 0;
            cells = inside ? m : q0.length;
        }

        @Override public int slabFirst() { return first; }
        @Override public int slabCells(int n) { return cells; }

        @Override
        public double evaluateSlab(double[] t, double[] q, double[] dqdT) {
            if (cells == q0.length) return evaluate(t, q, dqdT);
            double leak = leakage.evaluateSlab(t, q, dqdT);
            double ds = updateScale(leak);
            for (int s = 0; s < q.length; s++) if (q0[first + s] != 0) q[s] += ds * q0[first + s];
            return leak + ds * d0;
        }

        @Override
        public double evaluate(double[] t, double[] q, double[] dqdT) {
            double leak = leakage.evaluate(t, q, dqdT);
            double ds = updateScale(leak);
            for (int c = 0; c < q.length; c++) if (q0[c] != 0) q[c] += ds * q0[c];
            return leak + ds * d0;
        }

        /**
         * Set by the solver while it moves the scale itself ({@link ScaleNewton}'s step after each round): the scale is
         * then set from the leakage only at the first evaluation and kept afterwards.
         */
        boolean newton;

        /** The dynamic power density at scale 1 (W/m^3, the whole grid) and the slab it lies in. */
        double[] dynamicDensity() { return q0; }
        int dynamicFirst() { return first; }
        int dynamicCells() { return cells; }
        double target() { return target; }

        /** The next dynamic scale from the leakage (W) at the current temperatures; returns it minus 1. */
        private double updateScale(double leak) {
            if (newton && updates >= 1) {
                updates++;
                return scale - 1;
            }
            double g = d0 > 0 ? (target - leak) / d0 : 0;
            double next = g;
            // The plain update s <- g(s) converges linearly with the factor rho = dg/ds (about -0.1: more dynamic
            // power heats the chip, which leaks more, which leaves less for the dynamic power). The factor is
            // estimated from the last two updates and the step extrapolated to the fixed point, s + (g - s)/(1 - rho)
            // (a secant step on s - g(s)); until two updates exist, or when the estimate is outside (-1, 0.5), the
            // plain update is used.
            // (the temperatures of call k come from the solve with the scale set at call k - 1; call 0 sees the
            // starting field, not a solve, so the secant starts at call 2)
            if (updates >= 2 && scale != sPrev) {
                double rho = (g - gPrev) / (scale - sPrev);
                if (rho > -1 && rho < 0.5) next = scale + (g - scale) / (1 - rho);
            }
            sPrev = scale;
            gPrev = g;
            scale = Math.max(0, next);
            updates++;
            return scale - 1;
        }

        @Override
        public String hottest(double[] t) { return leakage.hottest(t); }

        @Override
        public double powerScale() { return target; }
    }
}
