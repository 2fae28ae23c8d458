package org.wafersim.thermal;

import org.wafersim.errors.NotPositiveDefiniteException;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.Stencil7;

/**
 * The dynamic scale s of an operating point ({@link OperatingPoint.TotalTarget}: s D + L(T) = P) moved by a
 * bordered Newton step inside each outer round instead of an update between rounds. A round solves
 * A' theta = b(s), A' = A(T) - diag(dqL V) (the leakage linearised at the round's start) and the dynamic power s q0
 * in b; its solution is affine in s, theta(s') = theta + (s' - s) w with A' w = q0 V. The total power of the
 * linearised source, s D + L_lin(theta), is matched to the target by
 * <pre>  delta = (P - s D - L_lin(theta)) / (D + sum_slab dqL V w),   theta += delta w,   s += delta  </pre>
 * Newton's step on the pair (theta, s) for the rank-one coupling of the total (Sherman-Morrison: symmetric solves
 * only, so CG and the multigrid stay). w is solved once per steady solve, loosely (relative residual 1e-2), in the
 * first round: its error slows the contraction of s a little but cannot move the fixed point, where delta = 0
 * whatever w is. On the default wafer the scale's update between rounds (a secant on s with the field one round
 * behind) contracted the outer change by ~0.05-0.2 per round; with the step the rounds contract as with a fixed
 * dynamic power.
 */
final class ScaleNewton {
    /** Relative residual of w's solve. */
    static final double W_TOLERANCE = 1e-2;

    private final OperatingPoint.TotalTarget tt;
    private final Grid g;
    private final Parallel par;
    private final ConductanceAssembler asm;
    private final int first, cells;
    private final double[] q0;
    /** w (K per unit of s), single precision: it only sets the step, not the fixed point. */
    private float[] w;
    private boolean off;
    /** CG iterations of w's solve (0 once it is done). */
    int lastIterations;

    /** w of the last solve on this grid and its dynamic power at scale 1 (W): the start of this solve's w. */
    private final float[] priorW;
    private final double priorD;
    private final double wTolerance;

    /**
     * @param priorW w of an earlier solve on the grid (may be null), for dynamic power priorD at its scale 1: scaled
     *               by the ratio of the dynamic powers it starts w's solve (the idle state after the full one: the
     *               same shape of power, so w is nearly that ratio times the other's); its array is reused
     */
    ScaleNewton(OperatingPoint.TotalTarget tt, Grid g, Parallel par, ConductanceAssembler asm, float[] priorW,
                double priorD) {
        this(tt, g, par, asm, priorW, priorD, W_TOLERANCE);
    }

    /** As above with w solved to the relative residual {@code wTolerance} (a test's exact step). */
    ScaleNewton(OperatingPoint.TotalTarget tt, Grid g, Parallel par, ConductanceAssembler asm, float[] priorW,
                double priorD, double wTolerance) {
        this.wTolerance = wTolerance;
        this.priorW = priorW != null && priorW.length == g.cells() && priorD > 0 ? priorW : null;
        this.priorD = priorD;
        this.tt = tt;
        this.g = g;
        this.par = par;
        this.asm = asm;
        this.first = tt.dynamicFirst();
        this.cells = tt.dynamicCells();
        this.q0 = tt.dynamicDensity();
        tt.newton = true;
    }

    /** Stops the steps (the runaway path's explicit source): the scale goes back to its update between rounds. */
    void disable() {
        off = true;
        tt.newton = false;
    }

    boolean active() { return !off; }

    /** w as solved (null before its solve or after a failed one), for the next solve on the grid. */
    float[] w() { return off ? null : w; }

    /**
     * After a round that is not the last: the round's system a theta = b with the linearisation (qL, dqL at theta0,
     * on the slab of the dynamic power) has been solved and t moved to theta + tRef. Solves for w on the first call
     * (into {@code xBuf}, a vector of the grid's size whose contents are not needed again, e.g. the round's b; the
     * right-hand side q0 V is formed on the fly into the CG's residual, not stored), then moves theta, t and the
     * scale by the step. Returns the largest move of a cell (K).
     */
    double step(Stencil7 a, Pcg.Preconditioner pre, Pcg pcg, double[] xBuf, double[] theta,
                double[] t, double[] qL, double[] dqL, double[] theta0, double qPower, int maxIts) {
        lastIterations = 0;
        if (off) return 0;
        final int n = g.cells(), nx = g.nx, ny = g.ny, plane = nx * ny;
        final double[] dx = asm.dx(), dy = asm.dy(), dz = asm.dz();
        final short[] mat = g.materialIds();
        if (w == null) {
            final float[] pw = priorW;
            final double ratio = pw == null ? 0 : qPower / priorD;
            par.forBlocks(n, (lo, hi) -> {
                for (int c = lo; c < hi; c++) xBuf[c] = pw == null ? 0 : ratio * pw[c];
            });
            // r = q0 V - A x0 and |q0 V|^2, block by block in block order (the same for any number of threads)
            final double[] res = pcg.residualWorkspace(n);
            a.apply(par, xBuf, res);
            double fNorm2 = par.sumBlocks((n + Parallel.BLOCK - 1) / Parallel.BLOCK, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                double s2 = 0;
                for (int c = lo; c < hi; c++) {
                    double v = 0;
                    if (c >= first && c < first + cells && q0[c] != 0 && mat[c] >= 0)
                        v = q0[c] * dx[c % nx] * dy[(c / nx) % ny] * dz[c / plane];
                    res[c] = v - res[c];
                    s2 += v * v;
                }
                return s2;
            });
            Pcg.Result r;
            try {
                r = fNorm2 > 0 ? pcg.solveFromResidual(a, pre, Math.sqrt(fNorm2), xBuf, wTolerance, maxIts) : null;
            } catch (NotPositiveDefiniteException e) {
                r = null;
            }
            if (r == null || !r.converged()) {
                disable();
                return 0;
            }
            lastIterations = r.iterations();
            float[] wf = priorW != null ? priorW : new float[n];
            par.forBlocks(n, (lo, hi) -> {
                for (int c = lo; c < hi; c++) wf[c] = (float) xBuf[c];
            });
            w = wf;
        }
        final float[] ww = w;
        double total = qPower + asm.feedbackPower(qL, dqL, theta0, first, theta);
        double dLw = asm.feedbackResponse(dqL, first, cells, ww);
        // qPower is the dynamic power at scale 1 summed over the cells (D)
        double delta = (tt.target() - total) / (qPower + dLw);
        if (tt.scale + delta < 0) delta = -tt.scale;
        if (!Double.isFinite(delta) || delta == 0) return 0;
        tt.scale += delta;
        final double dl = delta;
        double[] part = new double[(n + Parallel.BLOCK - 1) / Parallel.BLOCK];
        par.forBlocks(n, (lo, hi) -> {
            double m = 0;
            for (int c = lo; c < hi; c++) {
                if (mat[c] < 0) continue;
                double d = dl * ww[c];
                theta[c] += d;
                t[c] += d;
                m = Math.max(m, Math.abs(d));
            }
            part[lo / Parallel.BLOCK] = m;
        });
        double m = 0;
        for (double v : part) m = Math.max(m, v);
        return m;
    }
}
