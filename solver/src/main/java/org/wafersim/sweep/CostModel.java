package org.wafersim.sweep;

import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.GridPlan;
import org.wafersim.mechanics.PlateMesh;

/**
 * A wall-time estimate of one point from its grid, before anything runs: enough to choose a Slurm {@code --time} and
 * a shard count, not a benchmark. Linear in the cells, as the multigrid solvers are:
 * <pre>
 *   t = t0 + cells * (c_steady + c_time) * s(threads)  +  states * (m0 + nodes / m_rate)  +  c_rel * cores
 * </pre>
 * with {@code c_time} only for transient and cycle runs, the mechanics term only with {@code analysis.mechanics}
 * (per operating state, from the nodes of its plate mesh) and the reliability term only with
 * {@code analysis.reliability}. The constants are estimates [E] from the quiet-machine figures of docs/performance.md
 * (2-core development machine: the default wafer's whole run, 7.56 M cells, 28 s with mechanics and reliability;
 * a mechanics state at 2.5 mm 5.9 s, at 10 mm 1.3 s; the power cycle to periodic steady state 13 s at 0.57 M and
 * 103 s at 7.56 M cells) and from cold single runs of wse-coarse at 46 k to 2.1 M cells with 1 and 2 threads
 * (which give {@code t0} and the parallel share of Amdahl's law in {@code s}). A transient's cost depends on its
 * trace and its steps, known only while it runs: its constant is that of the default six-hour cycle. The plan
 * scales every estimate by what finished points of the same sweep really took, when there are any.
 */
final class CostModel {
    /** Fixed part of a point: case, core array, the first (cold) solver iterations, output file (s) [E]. */
    static final double T0 = 2.0;
    /** Steady thermal run per cell at 2 threads: grid, power, Picard + multigrid PCG, result file (s/cell) [E]. */
    static final double STEADY_PER_CELL = 1.9e-6;
    /** Extra per cell of the default power cycle to periodic steady state (~59 steps) at 2 threads (s/cell) [E]. */
    static final double CYCLE_PER_CELL = 12.9e-6;
    /** Parallel share of the thermal work (Amdahl), from 1 and 2 threads [E]. */
    static final double PARALLEL_SHARE = 0.6;
    /** Mechanics per operating state: fixed part (s) and plate-mesh nodes per second [E]. */
    static final double MECH_STATE_S = 1.0, MECH_NODES_PER_S = 2100;
    /** Reliability per core (s) [E]. */
    static final double RELIABILITY_PER_CORE = 1.0e-5;
    /** Start of a task: the JVM, then loading every point's case to check it (s, and s per point) [E]. */
    static final double TASK_START_S = 3.0, CHECK_PER_POINT_S = 0.05;

    private CostModel() { }

    /** Estimated wall seconds of one point run with {@code threads} solver threads. */
    static double seconds(CaseSpec spec, GridPlan plan, int threads) {
        double perCell = STEADY_PER_CELL
                + (spec.analysis().thermal().timeDependent() ? CYCLE_PER_CELL : 0);
        double t = T0 + plan.cells() * perCell * threadScale(threads);
        if (spec.analysis().mechanics())
            t += Math.max(1, spec.mechanics().states().size()) * (MECH_STATE_S + mechanicsNodes(spec, plan) / MECH_NODES_PER_S);
        if (spec.analysis().reliability()) t += RELIABILITY_PER_CORE * cores(spec);
        return t;
    }

    /** Time at {@code threads} threads relative to the 2 threads the constants were measured with (Amdahl). */
    static double threadScale(int threads) {
        int n = Math.max(1, threads);
        return ((1 - PARALLEL_SHARE) + PARALLEL_SHARE / n) / ((1 - PARALLEL_SHARE) + PARALLEL_SHARE / 2);
    }

    /** Nodes of the mechanics plate mesh: the layers' outlines as break lines at the case's spacing. */
    static int mechanicsNodes(CaseSpec spec, GridPlan plan) {
        int nl = plan.layerCount();
        double[] bx = new double[2 * nl], by = new double[2 * nl];
        for (int l = 0; l < nl; l++) {
            bx[2 * l] = plan.layerX0(l);
            bx[2 * l + 1] = plan.layerX1(l);
            by[2 * l] = plan.layerY0(l);
            by[2 * l + 1] = plan.layerY1(l);
        }
        return PlateMesh.covering(bx, by, spec.mechanics().spacing()).nodes();
    }

    /** Cores of the wafer (dies x cores per die), without building the core array. */
    private static long cores(CaseSpec spec) {
        if (spec.dies() == null || spec.cores() == null) return 0;
        return (long) spec.dies().columns() * spec.dies().rows() * spec.cores().perDieX() * spec.cores().perDieY();
    }
}
