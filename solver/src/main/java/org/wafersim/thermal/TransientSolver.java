package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Multigrid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.Stencil7;

/**
 * Transient conduction, rho c_p dT/dt = div(k grad T) + q(t) + q_leak(T), by TR-BDF2 (Bank et al., IEEE Trans.
 * Electron Devices 32, 1985; Hosea &amp; Shampine, Appl. Numer. Math. 20, 1996): a trapezoidal stage to
 * t + gamma dt and a BDF2 stage to t + dt, gamma = 2 - sqrt(2). As an ESDIRK method (c = 0, gamma, 1;
 * b = [w, w, d], d = gamma/2, w = sqrt(2)/4) it is second order, L-stable (stiff thin layers are damped, unlike
 * Crank-Nicolson) and one-step, so it restarts cleanly at power steps. Both implicit stages share the matrix
 * C/(d dt) + A, solved by the multigrid-preconditioned CG with warm starts.
 *
 * <p>Local error: the embedded third-order weights b^ = [(1-w)/3, (3w+1)/3, d/3] give
 * e = dt C^-1 sum (b^_i - b_i) (C f)_i; a step is accepted when max |e| &lt;= tolerance (K) and the next step is
 * dt * min(5, max(0.2, 0.9 (tol/err)^(1/3))); retries and the steps after breakpoints follow {@link StepControl}.
 *
 * <p>Nonlinearity (k(T), c_p(T), leakage) is treated linearly implicitly: k and rho c_p are evaluated at the
 * temperature extrapolated to mid-step and the leakage is linearised there, which keeps second order without
 * inner iterations. Energy: because C (theta_{n+1} - theta_n) = dt sum b_i (C f)_i and each (C f)_i summed over
 * the cells is the generated power minus the boundary heat flow of that stage, the run accounts
 * E_in = dt sum b_i P_i, E_out = dt sum b_i Q_i and E_stored = sum C delta-theta, which balance to the linear
 * solver's tolerance.
 */
public final class TransientSolver {
    static final double GAMMA = 2 - Math.sqrt(2), D = GAMMA / 2, W = Math.sqrt(2) / 4;
    static final double[] B = {W, W, D};
    private static final boolean TRACE = Boolean.getBoolean("wafersim.trace");
    static final double[] BHAT = {(1 - W) / 3, (3 * W + 1) / 3, D / 3};

    /**
     * @param tolerance   local error per step (K, max norm)
     * @param dtInitial   first step (s)
     * @param dtMax       largest step (s)
     * @param linTol      relative residual of each stage solve; with error control the loosest one, tightened
     *                    per step to keep the solve error near 1 % of the local error tolerance ({@link #stageTolerance})
     * @param fixedStep   if &gt; 0: constant steps of this size, no error control (convergence studies)
     */
    public record Options(double tolerance, double dtInitial, double dtMax, double linTol, int maxIterations,
                          double fixedStep) {
        public static Options adaptive(double tol, double dt0, double dtMax) {
            // Stage solves to 3e-5 at most, tighter where the tolerance or long steps ask for it (stageTolerance,
            // stageResidual): the solve error stays ~1e-5 of the temperature rise, far below the local error the
            // step control allows, and the energy balance (a sum over the stage residuals) ~1e-9, inside 1e-6.
            // Measured on wse-cycle (0.05 K tolerance): snapshots move 2.8e-4 K against solves to 1e-5 (18 % more
            // CG iterations), 2e-3 K against another error filter; 1e-4 moved them 1e-2 K, too close to the
            // tolerance. A fixed 1e-7 (earlier) cost half again as many iterations and changed no reported number.
            return new Options(tol, dt0, dtMax, 3e-5, 200, 0);
        }
        /** Constant steps and tight stage solves (convergence studies). */
        public static Options fixed(double dt) { return fixed(dt, 1e-12); }
        public static Options fixed(double dt, double linTol) {
            return new Options(Double.POSITIVE_INFINITY, dt, dt, linTol, 200, dt);
        }
    }

    /** Called after every accepted step (and once at t = 0 with step = null). */
    @FunctionalInterface
    public interface Observer { void accept(double t, double[] temperatureK, Step step); }

    /** One accepted step. */
    public record Step(int index, double t, double dt, double error, int cgIterations, double powerW, double heatOutW) { }

    /** Totals of a run. */
    public record Result(double[] finalTemperature, int steps, int rejected, int cgIterations, double energyInJ,
                         double energyOutJ, double energyStoredJ, double balanceRelError, double seconds) { }

    private final Parallel par;
    private final Options opt;

    public TransientSolver(Parallel par, Options opt) {
        this.par = par;
        this.opt = opt;
    }

    /**
     * Integrates from t0 to tEnd starting at {@code initial} (K, per cell), landing exactly on every schedule
     * breakpoint and every time in {@code stops} (snapshots).
     */
    public Result run(ThermalProblem p, List<CapacityLaw> capacity, PowerSchedule schedule, double[] initial,
                      double t0, double tEnd, double[] stops, Observer observer) {
        long wall0 = System.nanoTime();
        Grid g = p.grid();
        int n = g.cells();
        ConductanceAssembler asm = new ConductanceAssembler(p, par);
        final double tRef = asm.tRef;
        double[] vol = new double[n];
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) vol[g.index(i, j, k)] = g.dx(i) * g.dy(j) * g.dz(k);
        // theta_n, theta_{n-1}, the step's result and the FSAL slopes rotate between these buffers (no copies)
        double[] thA = new double[n], thPrevA = new double[n], thG = new double[n], th1A = new double[n];
        for (int c = 0; c < n; c++) thA[c] = g.isVoid(c) ? 0 : initial[c] - tRef;
        System.arraycopy(thA, 0, thPrevA, 0, n);
        // cap: rho c_p V at the mid-step state (0 in void cells); the time shift C/(d h) is cap / (d h), formed where
        // it is used rather than stored (one array fewer to write and to read back in every pass of the step)
        double[] tK = new double[n], cap = new double[n];
        double[] q = new double[n], bnd = new double[n], rhs = new double[n], tmp = new double[n];
        double[] cf0A = new double[n], cfg = new double[n], cf1A = new double[n];
        HeatSourceFeedback fb = p.feedback();
        // the fixed sources enter every assembly (ConductanceAssembler), so every stage's power includes them
        final boolean hasFixed = p.fixed() != null;
        final double fixedW = p.fixedPower();
        // the leakage linearisation (qL, dqL at the mid-step state th0L) for the cells [lin0, lin0 + linN) only:
        // outside that slab (the active layer) the source is zero
        final int lin0 = fb == null ? 0 : fb.slabFirst(), linN = fb == null ? 0 : fb.slabCells(n);
        double[] qL = fb == null ? null : new double[linN], dqL = fb == null ? null : new double[linN];
        double[] th0L = fb == null ? null : new double[linN];
        // rho c_p of the materials whose heat capacity does not depend on temperature (NaN: evaluate per cell)
        double[] capConst = new double[capacity.size()];
        for (int m = 0; m < capConst.length; m++)
            capConst[m] = capacity.get(m).isConstant() ? capacity.get(m).rhoCp(tRef) : Double.NaN;
        double[] zeros = new double[n], work = new double[n];
        final int nBlocks = (n + Parallel.BLOCK - 1) / Parallel.BLOCK;
        final double[] blockMax = new double[nBlocks];
        Stencil7 a = new Stencil7(g.nx, g.ny, g.nz);
        Pcg pcg = new Pcg(par);
        double[] xf = g.xFaces(), yf = g.yFaces();
        double[] stopTimes = mergeStops(schedule.breakpoints(), stops, t0, tEnd);
        int nextStop = 0;

        double t = t0, dt = opt.fixedStep() > 0 ? opt.fixedStep() : opt.dtInitial(), dtPrevAccepted = 0;
        boolean restart = true;           // the step starts at t0 or at a breakpoint (for the step control)
        Slope slope = Slope.EVALUATE;     // how (C f)_0 is obtained before the next try
        StepControl control = new StepControl(opt.tolerance());
        double p0 = 0, q0 = 0;            // stage-0 power and heat out (FSAL from the last step)
        double eIn = 0, eOut = 0, eStored = 0;
        int steps = 0, rejected = 0, cgTotal = 0;
        Multigrid mg = null;
        double lastDtForMg = Double.NaN;
        toKelvin(thA, tRef, g, tK);
        observer.accept(t, tK, null);
        while (t < tEnd * (1 - 1e-14)) {
            final double[] th = thA, thPrev = thPrevA, th1 = th1A, cf0 = cf0A, cf1 = cf1A;
            while (nextStop < stopTimes.length && stopTimes[nextStop] <= t * (1 + 1e-14) + 1e-300) nextStop++;
            double limit = nextStop < stopTimes.length ? stopTimes[nextStop] : tEnd;
            double hTry = Math.min(dt, opt.dtMax());
            boolean hitsStop = t + hTry >= limit * (1 - 1e-12);
            if (hitsStop) hTry = limit - t;
            else if (t + 1.5 * hTry > limit && opt.fixedStep() <= 0) hTry = 0.5 * (limit - t); // avoid a sliver step
            final double h = hTry;
            long ns0 = System.nanoTime();       // phase times, for the trace
            // Mid-step extrapolation for k, c_p and the leakage linearisation.
            // tmp holds the mid-step state in kelvin (NaN in void cells) until the capacities are evaluated below;
            // the same pass finds max |theta_n| for the stage tolerance
            final double slopeScale = dtPrevAccepted > 0 ? 0.5 * h / dtPrevAccepted : 0;
            par.forBlocks(n, (lo, hi) -> {
                double mx = 0;
                for (int c = lo; c < hi; c++) {
                    double mid = th[c] + slopeScale * (th[c] - thPrev[c]);
                    tmp[c] = g.isVoid(c) ? Double.NaN : mid + tRef;
                    int e = c - lin0;
                    if (e >= 0 && e < linN) th0L[e] = mid;
                    mx = Math.max(mx, Math.abs(th[c]));     // void cells hold 0
                }
                blockMax[lo / Parallel.BLOCK] = mx;
            });
            double maxTheta = 0;
            for (double v : blockMax) maxTheta = Math.max(maxTheta, v);
            if (fb != null) fb.evaluateSlab(tmp, qL, dqL);
            // Operator A at the mid-step state (plus the leakage derivative), without the time shift.
            // bnd = ambient terms + linearised leakage; the diagonal is needed now only for (C f)_0 at the start,
            // otherwise it is summed once, with the time shift, below
            final boolean fresh = slope == Slope.EVALUATE;
            asm.assemble(tmp, a, bnd, zeros, qL, dqL, th0L, lin0, fresh);
            if (slope == Slope.ADD_JUMP) {
                // Just after a breakpoint inside the run: the slope at theta_n is the last stage's (FSAL) plus the
                // jump of the source. A fresh -A theta_n + b would carry the last stage solve's residual, which C^-1
                // makes large in the thin layers: the explicit predictor below then starts the stage solves at a
                // relative residual of 1e2-1e4 instead of 1e-2, and the error estimate (whose weights on (C f)_0 and
                // on the trapezoid's slope do not cancel it) sees the residual as local error, rejecting steps the
                // time discretisation would accept.
                double pb = schedule.sourceBefore(t, q);
                par.forBlocks(n, (lo, hi) -> {
                    for (int c = lo; c < hi; c++) cf0[c] -= q[c] * vol[c];
                });
                double pq = schedule.sourceAt(t, q);
                p0 += pq - pb;   // leakage, fixed sources and the heat out are continuous in time
                // The exact slope sums to the net power, sum (C f)_0 = P_0 - Q_0 (interior fluxes cancel); the
                // last stage's slope misses it by its solve's residual sum. Restore the sum by a heating rate
                // uniform per unit capacity (the smoothest mode: no stiff part), so that the energy the step books
                // for stage 0 is the one its slope carries, as with the evaluated slope.
                final int nb = (n + STORE_BLOCK - 1) / STORE_BLOCK;
                double[] sums = new double[2 * nb];
                par.forEach(nb, blk -> {
                    double sf = 0, sc = 0;
                    for (int c = blk * STORE_BLOCK, hi = Math.min(n, c + STORE_BLOCK); c < hi; c++) {
                        cf0[c] += q[c] * vol[c];   // void cells: q = 0
                        sf += cf0[c];
                        sc += cap[c];              // the last step's capacities (0 in void cells)
                    }
                    sums[2 * blk] = sf;
                    sums[2 * blk + 1] = sc;
                });
                double sumCf = 0, sumCap = 0;
                for (int b = 0; b < nb; b++) { sumCf += sums[2 * b]; sumCap += sums[2 * b + 1]; }
                final double rate = sumCap > 0 ? (p0 - q0 - sumCf) / sumCap : 0;
                par.forBlocks(n, (lo, hi) -> {
                    for (int c = lo; c < hi; c++) cf0[c] += rate * cap[c];
                });
                slope = Slope.READY;
            } else if (fresh) {
                // (C f)_0 = -A theta_n + b(t+) with the exact leakage at theta_n
                a.apply(par, th, cf0);
                // the exact leakage at theta_n on the slab only, like the linearisation (zero outside it)
                final double[] qExact = fb == null ? null : new double[linN];
                double leak0 = 0;
                if (fb != null) {
                    // theta_n in kelvin into cf1, free until the error estimate (tmp still holds the mid-step state)
                    toKelvin(th, tRef, g, cf1);
                    leak0 = fb.evaluateSlab(cf1, qExact, new double[linN]);
                }
                double pq = schedule.sourceAt(t, q);
                par.forBlocks(n, (lo, hi) -> {
                    for (int c = lo; c < hi; c++) {
                        if (g.isVoid(c)) { cf0[c] = 0; continue; }
                        // bnd holds the linearised leakage at thMid: replace it by the exact value at theta_n
                        int e = c - lin0;
                        boolean inSlab = fb != null && e >= 0 && e < linN;
                        double leakLin = inSlab ? (qL[e] + dqL[e] * (th[c] - th0L[e])) * vol[c] : 0;
                        double leakEx = fb == null ? 0 : (inSlab ? qExact[e] : 0) * vol[c];
                        // a = A - dqL V and bnd = ambient terms + (qL - dqL thMid) V, so -a th + bnd is -A th +
                        // ambient terms + the linearised leakage at th; swap that leakage for the exact one.
                        cf0[c] = -cf0[c] + bnd[c] + q[c] * vol[c] - leakLin + leakEx;
                    }
                });
                p0 = pq + leak0;
                if (hasFixed) p0 += fixedW;
                q0 = heatOut(p, asm, th, tRef);
                slope = Slope.READY;
            }
            long ns1 = System.nanoTime();
            // Matrix of both stages: A + C/(d h), with C = rho c_p(T_mid) V
            final double invDh = 1.0 / (D * h);
            final double[] gb = a.gb;
            // ||C theta_n / (d h)|| for the stage tolerance, summed in the same pass exactly as Parallel.dot sums
            final double shiftNorm = Math.sqrt(par.sumBlocks(nBlocks, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                double[] sc = blockScratch.get();
                for (int c = lo; c < hi; c++) {
                    int m = g.material(c);
                    if (m < 0) { cap[c] = sc[c - lo] = 0; continue; }
                    double rc = capConst[m];
                    double cc = (rc == rc ? rc : capacity.get(m).rhoCp(tmp[c])) * vol[c];
                    cap[c] = cc;
                    double sh = cc * invDh;
                    gb[c] += sh;
                    sc[c - lo] = sh * th[c];
                }
                return Parallel.dot(sc, sc, 0, hi - lo);
            }));
            a.finishDiagonal(par);     // the assembly left no coupling on void cells
            // the coarse levels carry the shift C/(d h) of the step they were built for: within a factor 2 of the
            // current step they still precondition well (rebuilding them every step saved 2 % of the iterations
            // on wse-cycle and cost more than that)
            if (mg == null) {
                mg = new Multigrid(a, xf, yf, par);
                lastDtForMg = h;
            } else if (!(h / lastDtForMg < 2 && lastDtForMg / h < 2)) {
                mg.rebuild();
                lastDtForMg = h;
            } else {
                mg.refreshFinest();
            }
            final Multigrid mgF = mg;
            long ns2 = System.nanoTime();
            final double eps = stageTolerance(maxTheta);
            // Stage 2 (trapezoid to t + gamma h)
            double pg = schedule.sourceAt(t + GAMMA * h, q);
            // explicit predictor theta_n + gamma h f_0 (f_0 = (C f)_0 / C): first-order accurate, also right after a jump
            double rhsNorm2 = par.sumBlocks(nBlocks, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                for (int c = lo; c < hi; c++) {
                    boolean v = g.isVoid(c);
                    rhs[c] = v ? 0 : cap[c] * invDh * th[c] + cf0[c] + bnd[c] + q[c] * vol[c];
                    thG[c] = v ? 0 : th[c] + GAMMA * h * cf0[c] / cap[c];
                }
                return Parallel.dot(rhs, rhs, lo, hi);     // ||b|| in the same pass, as Parallel.dot sums it
            });
            double tol2 = stageResidual(eps, shiftNorm, rhsNorm2);
            Pcg.Result r2 = pcg.solve(a, mgF::precondition, rhs, thG, tol2, opt.maxIterations(), null, false,
                    rhsNorm2);
            // Stage 3 (BDF2 to t + h)
            // a step that ends on a breakpoint takes the power from before it (the jump belongs to the next step)
            double p1 = hitsStop ? schedule.sourceBefore(t + h, q) : schedule.sourceAt(t + h, q);
            final double wd = W / D;
            double rhs3Norm2 = par.sumBlocks(nBlocks, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                for (int c = lo; c < hi; c++) {
                    boolean v = g.isVoid(c);
                    double sh = cap[c] * invDh;
                    cfg[c] = v ? 0 : sh * (thG[c] - th[c]) - cf0[c];
                    rhs[c] = v ? 0 : sh * th[c] + wd * (cf0[c] + cfg[c]) + bnd[c] + q[c] * vol[c];
                    // predictor: the quadratic through theta_n (slope f_0) and the stage value thG, at t + h (about
                    // 2 % fewer stage-3 iterations than the straight line through theta_n and thG). thG carried along
                    // the trapezoid's slope f_g saved 11 % of them on the 0.25 cells-per-core cycle, but its solves
                    // leave larger residual sums: a HotSpot trace's energy balance (WattsAsWrittenTest) went from
                    // inside 1e-6 to 1.2e-6
                    if (v) { th1[c] = 0; continue; }
                    double f0h = h * cf0[c] / cap[c];
                    th1[c] = th[c] + f0h + (thG[c] - th[c] - GAMMA * f0h) / (GAMMA * GAMMA);
                }
                return Parallel.dot(rhs, rhs, lo, hi);
            });
            double tol3 = stageResidual(eps, shiftNorm, rhs3Norm2);
            Pcg.Result r3 = pcg.solve(a, mgF::precondition, rhs, th1, tol3, opt.maxIterations(), null, false,
                    rhs3Norm2);
            if (!r2.converged() || !r3.converged())
                throw new NotConvergedException(String.format(
                        "transient stage solve did not converge at t = %.6g s (dt %.3g s)", t, h));
            long ns3 = System.nanoTime();
            // Embedded error estimate, filtered through (I - d h J)^-1 as Hosea & Shampine recommend for stiff
            // problems: the raw estimate of stiff, strongly damped components is O(h), not O(h^3), and would pin
            // the step at the stiffest time constant (the 50 um TIM) for the whole run. The filter is one more solve
            // with the stages' matrix: (C/(d h) + A) x = C/(d h) e.
            // the same pass sums the energy the step stores, sum C (theta_1 - theta_n), for the bookkeeping of an
            // accepted step (by fixed blocks, in order)
            final double storedJ = par.sumBlocks((n + STORE_BLOCK - 1) / STORE_BLOCK, blk -> {
                double s = 0;
                for (int c = blk * STORE_BLOCK, hi = Math.min(n, c + STORE_BLOCK); c < hi; c++) {
                    if (g.isVoid(c)) { cf1[c] = 0; rhs[c] = 0; continue; }
                    double sh = cap[c] * invDh;
                    cf1[c] = sh * (th1[c] - th[c]) - wd * (cf0[c] + cfg[c]);
                    double e = h * ((BHAT[0] - B[0]) * cf0[c] + (BHAT[1] - B[1]) * cfg[c] + (BHAT[2] - B[2]) * cf1[c]) / cap[c];
                    rhs[c] = sh * e;
                    s += cap[c] * (th1[c] - th[c]);
                }
                return s;
            });
            // The estimate steers the step size only (through its cube root): one multigrid cycle from zero,
            // x = B b, is enough. It is nearly exact in both limits - on short steps C/(d h) dominates and the
            // smoother's line solves are all but the inverse, on long steps the cycle reduces the error from zero by
            // its contraction (~0.25) - and within ~30 % in between, ~10 % in the step. On wse-cycle the steps move
            // by at most a few per cent and the snapshots by 7e-4 K (1.4 % of the tolerance) against CG to a
            // 1e-1 residual from the best multiple of e, which cost 2-3 iterations per step.
            mgF.precondition(rhs, work);         // work holds finite values (the cycle's zero start needs no more)
            double err = maxAbs(work);    // void cells hold 0
            long ns4 = System.nanoTime();
            if (TRACE)
                System.err.printf("transient t %.6g h %.3g: stage CG %d + %d (from %.1e, %.1e to %.1e, %.1e), filter 1 cycle, error %.3g K%s;"
                        + " s: operator %.3f, multigrid %.3f, stages %.3f, filter %.3f%n", t, h, r2.iterations(),
                        r3.iterations(), r2.history()[0], r3.history()[0], tol2, tol3,
                        err, restart ? " (restart)" : "", (ns1 - ns0) / 1e9, (ns2 - ns1) / 1e9,
                        (ns3 - ns2) / 1e9, (ns4 - ns3) / 1e9);
            cgTotal += r2.iterations() + r3.iterations();
            if (opt.fixedStep() <= 0 && err > opt.tolerance() && h > 1e-12) {
                rejected++;
                dt = control.rejected(h, err, restart);
                continue;    // restart flag unchanged: cf0, p0, q0 are still those of theta_n (slope READY)
            }
            // Accept: energy bookkeeping with the stage powers and heat flows
            double leakG = fb == null ? 0 : asm.feedbackPower(qL, dqL, th0L, lin0, thG);
            double leak1 = fb == null ? 0 : asm.feedbackPower(qL, dqL, th0L, lin0, th1);
            double qg = heatOut(p, asm, thG, tRef), q1 = heatOut(p, asm, th1, tRef);
            double pG = pg + leakG, pOne = p1 + leak1;
            if (hasFixed) { pG += fixedW; pOne += fixedW; }
            eIn += h * (B[0] * p0 + B[1] * pG + B[2] * pOne);
            eOut += h * (B[0] * q0 + B[1] * qg + B[2] * q1);
            eStored += storedJ;
            thPrevA = th;
            thA = th1;
            th1A = thPrev;
            cf0A = cf1;
            cf1A = cf0;
            p0 = pOne;
            q0 = q1;
            t = hitsStop ? limit : t + h;
            dtPrevAccepted = h;
            steps++;
            if (opt.fixedStep() <= 0) dt = control.accepted(h, err, restart);
            restart = hitsStop && isBreakpoint(schedule.breakpoints(), t);
            slope = restart ? Slope.ADD_JUMP : Slope.READY;
            if (restart && opt.fixedStep() <= 0) dt = control.firstAfterBreakpoint(dt);
            toKelvin(thA, tRef, g, tK);
            long ns5 = System.nanoTime();
            observer.accept(t, tK, new Step(steps, t, h, err, r2.iterations() + r3.iterations(), pOne, q1));
            if (TRACE) System.err.printf("  accepted; s: bookkeeping %.3f, observer %.3f%n", (ns5 - ns4) / 1e9,
                    (System.nanoTime() - ns5) / 1e9);
        }
        double scale = Math.max(Math.abs(eIn), Math.max(Math.abs(eOut), Math.abs(eStored)));
        double bal = scale > 0 ? (eIn - eOut - eStored) / scale : 0;
        toKelvin(thA, tRef, g, tK);
        return new Result(tK.clone(), steps, rejected, cgTotal, eIn, eOut, eStored, bal,
                (System.nanoTime() - wall0) / 1e9);
    }

    /** Where the slope (C f)_0 of the next try comes from. */
    private enum Slope {
        /** Evaluated at theta_n: -A theta_n + b(t+) (the first step). */
        EVALUATE,
        /** The last accepted step's final-stage slope (FSAL) plus the source's jump at the breakpoint t. */
        ADD_JUMP,
        /** Already in cf0 (FSAL, or prepared by an earlier try from the same time). */
        READY
    }

    /**
     * The solve error a step may carry, as a relative residual of the right-hand side C theta_n/(d h): the stage
     * matrix is M = C/(d h) + A with A positive semi-definite (up to the linearised leakage), so a residual r leaves
     * an error x = M^-1 r with ||x||_C &lt;= (d h) ||r||_{C^-1}, and a residual eps ||C theta_n/(d h)|| leaves an
     * error of at most about eps max|theta_n|. eps = 0.03 tol / max|theta_n| bounds the solve error by 3 % of the
     * local error tolerance (measured: 0.6 %, CG's error falls faster than its residual), so the error estimate and
     * the step control see the time discretisation, not the solver; opt.linTol() caps it (and is the tolerance
     * itself for fixed steps, whose tolerance is infinite).
     */
    private double stageTolerance(double m) {
        double share = m > 0 ? SOLVE_SHARE * opt.tolerance() / m : Double.POSITIVE_INFINITY;
        return Math.min(opt.linTol(), share);
    }

    /** Share of the local error tolerance a stage solve may leave as error (bound; see {@link #stageTolerance}). */
    private static final double SOLVE_SHARE = 0.03;

    /** A block of values summed like Parallel.dot, per thread (a pass sums what it computes without storing it). */
    private static final ThreadLocal<double[]> blockScratch = ThreadLocal.withInitial(() -> new double[Parallel.BLOCK]);

    /** Cells per block of the stored-energy sum (fixed, so the sum does not depend on the thread count). */
    private static final int STORE_BLOCK = 1 << 16;

    /** max |x_i|, in parallel (the maximum does not depend on the order). */
    private double maxAbs(double[] x) {
        int nb = (x.length + STORE_BLOCK - 1) / STORE_BLOCK;
        double[] part = new double[nb];
        par.forEach(nb, blk -> {
            double m = 0;
            for (int c = blk * STORE_BLOCK, hi = Math.min(x.length, c + STORE_BLOCK); c < hi; c++) m = Math.max(m, Math.abs(x[c]));
            part[blk] = m;
        });
        double m = 0;
        for (double v : part) m = Math.max(m, v);
        return m;
    }

    /** Tightest relative residual asked of a stage (the steady solver's default). */
    private static final double MIN_STAGE_RESIDUAL = 1e-10;

    /**
     * The relative residual ||r|| / ||b|| of one stage solve that leaves the error {@link #stageTolerance} allows:
     * eps ||C theta_n/(d h)|| / ||b||. On short steps b is mostly C theta_n/(d h) and this is eps; on long steps b is
     * mostly the steady sources, M is mostly A, and the solve must be as tight as a steady solve for the run to
     * land on the steady state (L-stability) rather than within eps of it. Warm starts are nearly converged there,
     * so the tighter solves cost a few iterations. Fixed steps use opt.linTol() unchanged.
     */
    private double stageResidual(double eps, double shiftThetaNorm, double bNorm2) {
        if (!Double.isFinite(opt.tolerance())) return eps;
        double bn = Math.sqrt(bNorm2);
        if (!(bn > 0)) return eps;
        return Math.max(MIN_STAGE_RESIDUAL, Math.min(eps, eps * shiftThetaNorm / bn));
    }

    /** Heat leaving through the boundary faces (W); partial sums over fixed blocks of faces, added in order. */
    private double heatOut(ThermalProblem p, ConductanceAssembler asm, double[] th, double tRef) {
        BoundaryFaces bf = p.boundary();
        final double[] gf = asm.gFace;
        return par.sumBlocks((bf.count + STORE_BLOCK - 1) / STORE_BLOCK, blk -> {
            double s = 0;
            for (int f = blk * STORE_BLOCK, hi = Math.min(bf.count, f + STORE_BLOCK); f < hi; f++)
                s += gf[f] * (th[bf.cell[f]] + tRef - bf.ambient[f]);
            return s;
        });
    }

    private void toKelvin(double[] th, double tRef, Grid g, double[] out) {
        par.forBlocks(th.length, (lo, hi) -> {
            for (int c = lo; c < hi; c++) out[c] = g.isVoid(c) ? Double.NaN : th[c] + tRef;
        });
    }

    private static boolean isBreakpoint(double[] bps, double t) {
        for (double b : bps) if (Math.abs(b - t) <= 1e-12 * Math.max(1, Math.abs(t))) return true;
        return false;
    }

    private static double[] mergeStops(double[] bps, double[] stops, double t0, double tEnd) {
        List<Double> all = new ArrayList<>();
        for (double b : bps) if (b > t0 && b < tEnd) all.add(b);
        if (stops != null) for (double s : stops) if (s > t0 && s < tEnd) all.add(s);
        double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        return Arrays.copyOf(a, a.length);
    }
}
