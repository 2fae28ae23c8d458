package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.errors.NotPositiveDefiniteException;
import org.wafersim.errors.ThermalRunawayException;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Multigrid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.Stencil7;
import org.wafersim.units.Units;

/**
 * Steady heat conduction, -div(k(T) grad T) = q, on a {@link ThermalProblem}: finite volumes
 * ({@link ConductanceAssembler}), each linear system solved by multigrid-preconditioned CG ({@link Multigrid},
 * {@link Pcg}) and k(T) handled by Picard iteration with warm starts (early Picard steps are solved loosely, the
 * last ones to the requested tolerance). The energy balance of the final linear system is evaluated on the same
 * conductances, so it measures the solver's residual, not a modelling error.
 */
public final class SteadySolver {

    /**
     * @param tolerance        relative residual ||b - A theta|| / ||b|| of the final linear solve
     * @param maxIterations    CG iterations per linear solve
     * @param picardTolerance  largest temperature change (K) between Picard iterations at convergence
     * @param maxPicard        Picard iterations before giving up
     * @param wCycle           W-cycles instead of V-cycles
     */
    public record Options(double tolerance, int maxIterations, double picardTolerance, int maxPicard, boolean wCycle) {
        public static Options defaults() { return new Options(1e-10, 200, 1e-6, 50, false); }
    }

    /**
     * Smoothing sweeps per multigrid level and direction: V(2,2). On the default wafer it halves the CG iterations
     * of a steady solve (23 -> 12) for ~1.7x the cost of a cycle, 10-13 % less time; the transient's warm-started
     * stage solves need few iterations and keep V(1,1).
     */
    static final int SMOOTHING_SWEEPS = 2;

    /**
     * Movement of the field (K, summed over rounds) after which a kept hierarchy's finest smoother is re-factored
     * from the current operator. On the default wafer the full state refreshes it in its first two rounds and the
     * idle state in its first, instead of in every round (the same CG iterations).
     */
    static final double REFRESH_DRIFT_K = 0.5;

    /**
     * Relative residual of a round's linear solve per kelvin of the last change over the largest rise, for a cold
     * start. With k(T) contracting the outer change by ~0.01 per round (and the operating point's scale by a Newton
     * step, {@link ScaleNewton}), a round's leftover linear error sets the pace: at 1e-2 the rounds of the default
     * wafer alternated 1 and 2 CG iterations and contracted by ~0.1 after the 1-iteration ones (7 rounds, 16 CG
     * iterations); at 1e-3 every round takes 2 iterations and contracts by ~0.015 (6 rounds, 15 iterations; 3e-3:
     * the same on the default wafer, but the bench's fixed-power and leakage solves to 1e-8 took 6 and 7 rounds
     * instead of 5 and 6).
     */
    static final double INEXACT_COLD = 1e-3;
    /**
     * As {@link #INEXACT_COLD} for a warm start (the idle state from the full one: a few kelvins from its solution,
     * which the first round brings to millikelvins): 1e-4 takes the default wafer's idle state in 4 rounds and 11 CG iterations, 1e-3 in 5 and 12 (its round after
     * the first then takes one CG iteration and contracts by 0.12).
     */
    static final double INEXACT_WARM = 1e-4;

    /**
     * Told after every outer (Picard/Newton) round: its number (from 1), the largest temperature change of the round
     * (K), the Picard tolerance (K) and the round's CG iterations. For progress displays; it must not throw.
     */
    @FunctionalInterface
    public interface Rounds {
        void round(int round, double changeK, double toleranceK, int cgIterations);

        Rounds NONE = (r, c, tol, its) -> { };
    }

    private final Parallel par;
    private final Options opt;
    private final Rounds rounds;
    /**
     * The operator and multigrid hierarchy of the last solve, kept for the next solve on the same grid (the idle
     * state after the full one, the operating-point search's solves): a hierarchy is rebuilt in place
     * ({@link Multigrid#rebuild}, the same numbers as a new one) instead of allocated, which on the full wafer saves
     * about a second per build and the page faults of a few hundred MB of fresh arrays.
     */
    private Grid keptGrid;
    private Stencil7 keptA;
    private Multigrid keptMg;
    /** With them: the assembler (face groups, static planes), CG's vectors, the right-hand side and the unknown. */
    private ConductanceAssembler keptAsm;
    private Pcg keptPcg;
    private double[] keptB, keptTheta;
    /** The operating point's w (K per unit of dynamic scale, {@link ScaleNewton}) and its dynamic power (W). */
    private float[] keptW;
    private double keptWPower;

    public SteadySolver(Parallel par, Options opt) {
        this(par, opt, Rounds.NONE);
    }

    public SteadySolver(Parallel par, Options opt, Rounds rounds) {
        this.par = par;
        this.opt = opt;
        this.rounds = rounds == null ? Rounds.NONE : rounds;
    }

    /**
     * Solves the problem; {@code initial} (K, may be null) is the Picard start and warm start.
     */
    public SteadyResult solve(ThermalProblem p, double[] initial) {
        long t0 = System.nanoTime();
        Grid g = p.grid();
        int n = g.cells();
        final boolean sameGrid = keptGrid == g && keptA != null;
        // the assembler of the last solve carries its face groups and the operator's static planes over to another
        // operating state of the same package (rebind refuses any other problem)
        ConductanceAssembler asm = sameGrid && keptAsm != null && keptAsm.rebind(p) ? keptAsm
                : new ConductanceAssembler(p, par);
        final double tRef = asm.tRef;
        final short[] mat = g.materialIds();
        double[] t = new double[n];
        double[] theta = sameGrid && keptTheta != null ? keptTheta : new double[n];
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                double tc = initial != null ? initial[c] : tRef;
                t[c] = tc;
                theta[c] = mat[c] < 0 ? 0 : tc - tRef;
            }
        });
        Stencil7 a = sameGrid ? keptA : new Stencil7(g.nx, g.ny, g.nz);
        // a hierarchy whose arrays a rebuild may overwrite (built on a, the last solve's or an earlier round's)
        final Multigrid[] spare = {sameGrid ? keptMg : null};
        final boolean warmKept = initial != null && spare[0] != null;
        double[] b = sameGrid && keptB != null ? keptB : new double[n];
        Pcg pcg = sameGrid && keptPcg != null ? keptPcg : new Pcg(par);
        final float[] priorW = sameGrid ? keptW : null;
        final double priorWPower = keptWPower;
        release();
        List<Integer> linIts = new ArrayList<>();
        Pcg.Result last = null;
        boolean linear = p.isLinear();
        double change = Double.POSITIVE_INFINITY;
        int picard = 0;
        int levels = 0;
        final double[] xf = g.xFaces(), yf = g.yFaces();
        Multigrid mg = null;
        HeatSourceFeedback fb = p.feedback();
        // the source's linearisation on its slab only (the active layer for the cores' leakage)
        final int s0 = fb == null ? 0 : fb.slabFirst(), sn = fb == null ? 0 : fb.slabCells(n);
        double[] qL = fb == null ? null : new double[sn], dqL = fb == null ? null : new double[sn];
        double[] theta0 = fb == null ? null : new double[sn];
        double feedbackW = 0;
        final double qPower = totalPower(p);
        final double inexact = initial != null ? INEXACT_WARM : INEXACT_COLD;
        double[] solvedAmbient = p.boundary().ambient;
        boolean explicitFeedback = false;
        int lastIts = 0;
        String runawayReason = null;
        final boolean trace = Boolean.getBoolean("wafersim.trace");
        if (trace) System.err.printf("steady: setup %.2f s (%s)%n", (System.nanoTime() - t0) / 1e9, sameGrid ? "workspace kept" : "new workspace");
        long roundEnd = System.nanoTime();
        long refreshNs = 0;
        // how far the field has moved (K, the sum of the rounds' changes) since the finest smoother was factored:
        // unknown for a hierarchy kept from the last solve
        double drift = Double.POSITIVE_INFINITY;
        // an operating point's dynamic scale: a Newton step in every round but the last (ScaleNewton)
        final ScaleNewton sNewton = fb instanceof OperatingPoint.TotalTarget tt
                ? new ScaleNewton(tt, g, par, asm, priorW, priorWPower) : null;
        while (true) {
            long ta = System.nanoTime();
            if (fb != null) {
                feedbackW = fb.evaluateSlab(t, qL, dqL);
                if (explicitFeedback) java.util.Arrays.fill(dqL, 0.0);
                if (!Double.isFinite(feedbackW) || feedbackW > RUNAWAY_POWER_FACTOR * Math.max(1, Math.max(qPower, fb.powerScale())))
                    throw runaway(p, t, feedbackW, "leakage power diverges");
                System.arraycopy(theta, s0, theta0, 0, sn);
            }
            long tf = System.nanoTime();
            asm.assemble(t, a, b, qL, dqL, theta0, s0);
            long tb = System.nanoTime();
            // The multigrid hierarchy is built once per solve, in the first round: later rounds move the
            // conductivities by a few per cent at most, and a preconditioner of a nearby SPD operator keeps CG valid
            // and almost as fast (default wafer at 0.25 and 0.5 cells per core: 16 CG iterations either way, where a
            // second build in round 2 cost a setup). It is built lazily, so a final check whose residual is already
            // below the tolerance costs no setup. A warm start on the grid of the last solve (the idle state after
            // the full one, the operating-point search) starts near its solution, and the kept hierarchy, built for
            // the last solve's operator, preconditions it as well as a new one (idle state of the default wafer at
            // 0.25 cells per core: 10 CG iterations either way) for no setup. The reuse guard below rebuilds a
            // hierarchy that no longer fits.
            if (picard == 0) mg = warmKept && !explicitFeedback ? spare[0] : null;
            final Multigrid[] holder = {mg};
            final Stencil7 op = a;
            final boolean[] built = {false};
            Pcg.Preconditioner pre = (r, z) -> {
                if (holder[0] == null) {
                    built[0] = true;
                    if (spare[0] != null) {
                        spare[0].rebuild();
                        holder[0] = spare[0];
                    } else {
                        holder[0] = new Multigrid(op, xf, yf, par, opt.wCycle(), Multigrid.DEFAULT_MAX_COARSE,
                                SMOOTHING_SWEEPS);
                        spare[0] = holder[0];
                    }
                }
                holder[0].precondition(r, z);
            };
            // Inexact Picard: the linear system only needs to be solved a little better than the Picard iteration
            // has converged, so its relative tolerance follows the last temperature change (relative to the largest
            // rise), at most 1e-2; the last iterations reach the requested tolerance (see INEXACT_COLD, _WARM).
            double tol = linear ? opt.tolerance()
                    : Math.max(opt.tolerance(), Math.min(1e-2, inexact * change / Math.max(1e-3, maxRise(theta, g))));
            long tc = System.nanoTime();
            try {
                boolean reused = mg != null;
                long tr0 = System.nanoTime();
                // The finest smoother is re-factored only once the field has moved by REFRESH_DRIFT_K since its
                // last factorisation: a smoother of a nearby SPD operator is a fixed SPD preconditioner for CG all
                // the same (the coarse levels are those of the first round anyway), and the later rounds, which
                // move the field by less than a kelvin in all, need no more iterations without it.
                if (reused && !(drift <= REFRESH_DRIFT_K)) {
                    mg.refreshFinest();
                    drift = 0;
                }
                refreshNs = System.nanoTime() - tr0;
                // A reused hierarchy gets a short leash: if it needs far more iterations than the last solve, the
                // operator has moved too far from the one it was built for.
                int cap = reused ? Math.min(opt.maxIterations(), Math.max(20, 3 * lastIts)) : opt.maxIterations();
                last = solveRound(asm, a, pre, pcg, b, theta, t, tol, cap);
                if (!last.converged() && reused) {
                    // The reused hierarchy no longer fits the operator (the leakage linearisation moved): rebuild it
                    // and start again from the round's start, which t holds.
                    restart(t, theta, tRef, mat);
                    holder[0] = null;
                    last = solveRound(asm, a, pre, pcg, b, theta, t, tol, opt.maxIterations());
                }
            } catch (NotPositiveDefiniteException e) {
                // With a feedback source the linearised operator stays positive definite exactly while a stable
                // steady state exists; losing it is the signature of thermal runaway. To report where it runs away,
                // the iteration continues with the source explicit (an SPD system each step) until the temperature
                // leaves the materials' range.
                if (fb == null || explicitFeedback) throw e;
                explicitFeedback = true;
                if (sNewton != null) sNewton.disable();
                runawayReason = "the linearised system lost positive definiteness at " + String.format("%.1f", p.totalPower() + feedbackW) + " W";
                mg = null;
                picard++;
                continue;
            }
            long tr = System.nanoTime();
            mg = holder[0];
            if (mg != null) levels = mg.levelCount();
            linIts.add(last.iterations());
            lastIts = last.iterations();
            if (!last.converged())
                throw new NotConvergedException(String.format(
                        "linear solve did not converge: relative residual %.3e after %d iterations (tolerance %.1e)",
                        last.relativeResidual(), last.iterations(), tol), lastIterate(t, g));
            picard++;
            change = advance(theta, t, tRef, g);
            if (sNewton != null && sNewton.active() && !explicitFeedback
                    && change > opt.picardTolerance()) {
                // Not the last round (that one keeps its system as solved, to be finished below): b is assembled
                // anew next round, so it can hold w's solve.
                long tw = System.nanoTime();
                double moved = sNewton.step(a, pre, pcg, b, theta, t, qL, dqL, theta0, qPower, opt.maxIterations());
                change += moved;
                if (sNewton.lastIterations > 0) linIts.set(linIts.size() - 1, linIts.get(linIts.size() - 1) + sNewton.lastIterations);
                if (trace) System.err.printf("scale: Newton step moved %.2e K, scale %.9f (w: %d its), %.2f s%n", moved,
                        ((OperatingPoint.TotalTarget) fb).scale, sNewton.lastIterations, (System.nanoTime() - tw) / 1e9);
            }
            if (!p.couplings().isEmpty()) {
                // The heat budget must use the ambients this solve saw, not the ones the couplings set next.
                solvedAmbient = p.boundary().ambient.clone();
                for (OuterCoupling oc : p.couplings()) change = Math.max(change, oc.update(t, asm.gFace));
            }
            // a hierarchy built or rebuilt this round has its finest smoother factored at this round's operator
            drift = (built[0] ? 0 : drift) + change;
            if (fb != null && !(maxTemperature(t, g) < MAX_TEMPERATURE_K))
                throw runaway(p, t, feedbackW, (runawayReason == null ? "" : runawayReason + "; then ")
                        + String.format("the temperature left the materials' range (above %.0f degC)", MAX_TEMPERATURE_K - Units.ZERO_CELSIUS_K));
            if (explicitFeedback && picard >= opt.maxPicard())
                throw runaway(p, t, feedbackW, runawayReason);
            if (!linear && !explicitFeedback && change <= opt.picardTolerance() && tol > opt.tolerance()) {
                // The round has met the outer tolerance with its loosely solved system: finish that same system
                // (operator, right-hand side and linearisation unchanged) to the requested tolerance instead of a
                // new round; the change from the round's start is bounded by the loose change plus what the
                // tightening moved.
                long tt = System.nanoTime();
                boolean reused = mg != null && holder[0] == mg;
                Pcg.Result tight = solveRound(asm, a, pre, pcg, b, theta, t, opt.tolerance(), opt.maxIterations());
                if (!tight.converged() && reused) {
                    restart(t, theta, tRef, mat);
                    holder[0] = null;
                    tight = solveRound(asm, a, pre, pcg, b, theta, t, opt.tolerance(), opt.maxIterations());
                }
                mg = holder[0];
                if (mg != null) levels = mg.levelCount();
                if (!tight.converged())
                    throw new NotConvergedException(String.format(
                            "linear solve did not converge: relative residual %.3e after %d iterations (tolerance %.1e)",
                            tight.relativeResidual(), tight.iterations(), opt.tolerance()), lastIterate(t, g));
                linIts.set(linIts.size() - 1, linIts.get(linIts.size() - 1) + tight.iterations());
                double moved = advance(theta, t, tRef, g);
                double ambientMoved = 0;
                for (OuterCoupling oc : p.couplings()) ambientMoved = Math.max(ambientMoved, oc.update(t, asm.gFace));
                change += Math.max(moved, ambientMoved);
                tol = opt.tolerance();
                if (Boolean.getBoolean("wafersim.trace"))
                    System.err.printf("picard %d: tightened in %.2f s (%d its to %.1e), moved %.2e K%n",
                            picard - 1, (System.nanoTime() - tt) / 1e9, tight.iterations(), tol, moved);
                last = new Pcg.Result(last.iterations() + tight.iterations(), tight.relativeResidual(),
                        tight.converged(), tight.history());
            }
            if (Boolean.getBoolean("wafersim.trace"))
                System.err.printf("picard %d: source %.2f s, assemble %.2f s, multigrid setup + pcg %.2f s (refresh %.2f s; %d its to %.1e), change %.2e K%n",
                        picard - 1, (tf - ta) / 1e9, (tb - tf) / 1e9, (tr - tc) / 1e9, refreshNs / 1e9, last.iterations(), tol, change);
            rounds.round(picard, change, opt.picardTolerance(), last.iterations());
            roundEnd = System.nanoTime();
            if (linear) break;
            if (change <= opt.picardTolerance() && tol <= opt.tolerance()) {
                // A fixed point reached with the source explicit is not a stable steady state (the linearised
                // operator was indefinite on the way: with a fixed dynamic power no fixed point exists then, with a
                // fixed total it is the unstable branch).
                if (explicitFeedback) throw runaway(p, t, feedbackW, runawayReason + "; the iteration settled on an"
                        + " unstable state");
                break;
            }
            if (picard >= opt.maxPicard())
                throw new NotConvergedException(String.format(
                        "outer iteration (k(T), leakage, coolant) did not converge in %d iterations "
                                + "(last change %.3e K, tolerance %.1e K)", picard, change, opt.picardTolerance()),
                        lastIterate(t, g));
        }
        keptGrid = g;
        keptA = a;
        keptMg = spare[0];
        keptAsm = asm;
        keptPcg = pcg;
        keptB = b;
        keptW = sNewton != null ? sNewton.w() : null;
        keptWPower = qPower;
        // Heat-path budget on the conductances of the final linear system (asm.gFace).
        BoundaryFaces bf = p.boundary();
        double[] pathHeat = new double[bf.pathNames().size()];
        for (int f = 0; f < bf.count; f++) {
            int c = bf.cell[f];
            pathHeat[bf.path[f]] += asm.gFace[f] * (theta[c] + tRef - solvedAmbient[f]);
        }
        double out = 0;
        for (double v : pathHeat) out += v;
        double fixedW = p.fixedPower();
        double in = qPower + (fb == null ? 0 : asm.feedbackPower(qL, dqL, theta0, s0, theta));
        if (p.fixed() != null) in += fixedW;
        // fixed sources may be negative (heat drawn through a face) or cancel (a manufactured source): the balance is
        // then measured against the gross flows, the sources' absolute power and the faces' absolute heat
        double scale;
        if (p.fixed() != null) {
            double grossOut = 0;
            for (int f = 0; f < bf.count; f++)
                grossOut += Math.abs(asm.gFace[f] * (theta[bf.cell[f]] + tRef - solvedAmbient[f]));
            double grossIn = p.fixed().totalAbs(g) + Math.abs(in - fixedW);
            scale = Math.max(1e-300, Math.max(Math.abs(in), Math.max(grossIn, grossOut)));
        } else {
            scale = Math.abs(in) > 0 ? Math.abs(in) : Math.max(1e-300, sumAbs(pathHeat));
        }
        double balance = (in - out) / scale;
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++) t[c] = mat[c] < 0 ? Double.NaN : theta[c] + tRef;
        });
        keptTheta = theta;
        int[] its = linIts.stream().mapToInt(Integer::intValue).toArray();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (trace) System.err.printf("steady: results %.2f s; solve %.2f s in all%n", (System.nanoTime() - roundEnd) / 1e9, secs);
        return new SteadyResult(t, in, pathHeat, bf.pathNames(), balance, picard, its,
                last.relativeResidual(), last.history(), levels, change, secs, in - qPower - fixedW, asm.gFace.clone(),
                fixedW);
    }

    /**
     * Takes over the operator and hierarchy {@code other} kept from its last solve (other keeps none): a solver with
     * its own options or progress display that starts where another left off on the same grid.
     */
    public SteadySolver takeWorkspace(SteadySolver other) {
        if (other != null && other != this) {
            keptGrid = other.keptGrid;
            keptA = other.keptA;
            keptMg = other.keptMg;
            keptAsm = other.keptAsm;
            keptPcg = other.keptPcg;
            keptB = other.keptB;
            keptTheta = other.keptTheta;
            keptW = other.keptW;
            keptWPower = other.keptWPower;
            other.release();
        }
        return this;
    }

    /**
     * A vector of n cells whose contents are free: the last solve's unknown (kept only as storage for the next solve
     * on the grid, which overwrites it), handed over and forgotten, or a new one. The run's output fields that follow
     * a solve use it instead of allocating another vector of the grid's size (a next solve allocates its own).
     */
    public double[] takeSpare(int n) {
        double[] v = keptTheta != null && keptTheta.length == n ? keptTheta : new double[n];
        keptTheta = null;
        return v;
    }

    /** Drops the operator and hierarchy kept for the next solve (their memory goes back to the heap). */
    public void release() {
        keptGrid = null;
        keptA = null;
        keptMg = null;
        keptAsm = null;
        keptPcg = null;
        keptB = null;
        keptTheta = null;
        keptW = null;
    }

    /**
     * The power of the problem's scalable source q (W), as {@link ThermalProblem#totalPower} sums it (rows in
     * order, cells in order within a row), with the rows summed in parallel: the same value for any thread count.
     */
    private double totalPower(ThermalProblem p) {
        final Grid g = p.grid();
        final double[] q = p.q();
        final int nx = g.nx, ny = g.ny;
        final double[] dx = new double[nx];
        for (int i = 0; i < nx; i++) dx[i] = g.dx(i);
        double[] rows = new double[g.nz * ny];
        par.forEach(rows.length, row -> {
            int k = row / ny, j = row - k * ny;
            double dyz = g.dy(j), dz = g.dz(k);
            double s = 0;
            for (int i = 0, c = row * nx; i < nx; i++, c++) if (q[c] != 0) s += q[c] * dx[i] * dyz * dz;
            rows[row] = s;
        });
        double s = 0;
        for (double v : rows) s += v;
        return s;
    }

    /** Above this the materials' laws are far outside their range: treated as runaway when leakage is on. */
    static final double MAX_TEMPERATURE_K = Units.ZERO_CELSIUS_K + 1000;
    /** Leakage above this multiple of the fixed power is divergence, whatever the iteration says. */
    static final double RUNAWAY_POWER_FACTOR = 1e3;

    private static ThermalRunawayException runaway(ThermalProblem p, double[] t, double feedbackW, String why) {
        double total = p.totalPower() + feedbackW;
        return new ThermalRunawayException(String.format(
                "thermal runaway: %s; no steady state at %.1f W dynamic power (total %.1f W with %.1f W leakage at the "
                        + "last iterate); hottest core when stopped: %s", why, p.totalPower(), total, feedbackW,
                p.feedback().hottest(t)), total, t.clone());
    }

    /** A copy of the outer iterate t (K) for a failure to carry, void cells NaN as in a solution. */
    private static double[] lastIterate(double[] t, Grid g) {
        double[] c = t.clone();
        for (int i = 0; i < c.length; i++) if (g.isVoid(i)) c[i] = Double.NaN;
        return c;
    }

    /**
     * Relative residual below which a round's solve starts from the residual of the double operator
     * ({@link ConductanceAssembler#exactResidual}) instead of the float one's: the operator stores its face
     * conductances in float (Stencil7), 2^-24 off, so a solve asked for more than about 1e-6 would otherwise converge
     * to the float operator's field, which differs from the double discretisation's by up to ~1e-7 of the rise. Looser
     * solves (the early rounds) gain nothing from it and skip the pass. Refining only the solves to the final
     * tolerance is not enough: the round before them lands on the float field, the final solve moves it by that
     * offset, and an outer tolerance below the offset then alternates float and refined rounds without end (a
     * package solved to 1e-9 K cycled at 6.7e-8 K).
     */
    static final double EXACT_RESIDUAL_BELOW = 1e-6;

    /**
     * One linear solve of the round's system a theta = b from the current theta, to the relative residual tol: below
     * {@link #EXACT_RESIDUAL_BELOW} as a correction of theta by the float operator from the double operator's
     * residual at t (mixed-precision refinement: the fixed point is the double system's solution), otherwise as is.
     * A solve to the final tolerance repeats the correction until a pass starts below it (usually the second: the
     * check); a cold linear solve then needs a few more CG iterations, to remove the ~6e-8 of |b| the rounding left.
     */
    private Pcg.Result solveRound(ConductanceAssembler asm, Stencil7 a, Pcg.Preconditioner pre, Pcg pcg, double[] b,
                                  double[] theta, double[] t, double tol, int maxIts) {
        if (tol > EXACT_RESIDUAL_BELOW) return pcg.solve(a, pre, b, theta, tol, maxIts);
        double[] r0 = pcg.residualWorkspace(theta.length);
        int its = 0;
        List<Double> history = new ArrayList<>();
        Pcg.Result r = null;
        // a correction from the double residual leaves ~6e-8 of it behind (the float operator's rounding): one more
        // pass meets any tolerance the double arithmetic can; the last pass starts below tol and takes no iteration
        // A round that is not solved to the final tolerance needs one pass: the next round starts from the double
        // residual again, and what the rounding left (~6e-8 of this round's correction) is far below its tolerance.
        final int passes = tol <= opt.tolerance() ? REFINEMENT_PASSES : 1;
        final double bb = par.dot(b, b);     // the same b in every pass: its norm once, not once per pass
        for (int pass = 0; pass < passes; pass++) {
            long te = System.nanoTime();
            asm.exactResidual(t, theta, b, a.gb, r0);
            if (Boolean.getBoolean("wafersim.trace"))
                System.err.printf("refinement: double residual %.3f s%n", (System.nanoTime() - te) / 1e9);
            r = pcg.solve(a, pre, b, theta, tol, maxIts - its, r0, false, bb);
            its += r.iterations();
            for (double h : r.history()) history.add(h);
            if (!r.converged() || r.iterations() == 0) break;
        }
        double[] hist = new double[history.size()];
        for (int i = 0; i < hist.length; i++) hist[i] = history.get(i);
        return new Pcg.Result(its, r.relativeResidual(), r.converged(), hist);
    }

    /** Refinement passes of {@link #solveRound} at most (two corrections and the check that needs none). */
    static final int REFINEMENT_PASSES = 4;

    /**
     * theta = t - tRef (0 on void cells): back to the round's start after a solve with a reused hierarchy failed. t
     * holds the start (the round's or the tightening's) to within an ulp, so no copy of theta is kept for this rare
     * path (a vector of the grid's size less).
     */
    private void restart(double[] t, double[] theta, double tRef, short[] mat) {
        par.forBlocks(theta.length, (lo, hi) -> {
            for (int c = lo; c < hi; c++) theta[c] = mat[c] < 0 ? 0 : t[c] - tRef;
        });
    }

    /**
     * Moves the outer iterate t (K) to the round's solution theta + tRef and returns the largest change (K); one
     * parallel pass over rows (a maximum: the same value for any number of threads).
     */
    private double advance(double[] theta, double[] t, double tRef, Grid g) {
        final short[] mat = g.materialIds();
        final int nx = g.nx;
        return maxOverRows(g, row -> {
            double m = 0;
            for (int c = row * nx, end = c + nx; c < end; c++) {
                if (mat[c] < 0) continue;
                double tn = theta[c] + tRef;
                m = Math.max(m, Math.abs(tn - t[c]));
                t[c] = tn;
            }
            return m;
        });
    }

    private double maxTemperature(double[] t, Grid g) {
        final short[] mat = g.materialIds();
        final int nx = g.nx;
        return maxOverRows(g, row -> {
            double m = -Double.MAX_VALUE;
            for (int c = row * nx, end = c + nx; c < end; c++) if (mat[c] >= 0) m = Math.max(m, t[c]);
            return m;
        });
    }

    private double maxRise(double[] theta, Grid g) {
        final short[] mat = g.materialIds();
        final int nx = g.nx;
        return Math.max(0, maxOverRows(g, row -> {
            double m = 0;
            for (int c = row * nx, end = c + nx; c < end; c++) if (mat[c] >= 0) m = Math.max(m, Math.abs(theta[c]));
            return m;
        }));
    }

    /** The largest of rowMax(row) over the grid's rows (nz * ny of them), computed in parallel. */
    private double maxOverRows(Grid g, java.util.function.IntToDoubleFunction rowMax) {
        int rows = g.nz * g.ny;
        double[] part = new double[rows];
        par.forEach(rows, row -> part[row] = rowMax.applyAsDouble(row));
        double m = -Double.MAX_VALUE;
        for (double v : part) m = Math.max(m, v);
        return m;
    }

    private static double sumAbs(double[] v) {
        double s = 0;
        for (double x : v) s += Math.abs(x);
        return s;
    }
}
