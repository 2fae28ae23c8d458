package org.wafersim.thermal;

import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.power.CoreCellMap;
import org.wafersim.units.Units;

/**
 * Leakage power of every core, growing exponentially with the core's temperature (reference-data.md D.2):
 * <pre>  P_leak,i(T_i) = P_ref,i exp(beta (T_i - T_ref)),   dP/dT = beta P  </pre>
 * where T_i is the core's area-weighted mean temperature over the active-layer cells under it (the same
 * {@link CoreCellMap} the dynamic power and the reported core temperatures use). Spare cores are power-gated and
 * leak nothing. The derivative is deposited on the cells with the same weights as the power, i.e. each cell's
 * linearisation uses its own temperature for its share of the core: exact for one cell per core, and at any
 * resolution the fixed point is unchanged (the linear term vanishes at convergence).
 */
public final class CoreLeakage implements HeatSourceFeedback {
    private final CoreArray cores;
    private final CoreCellMap map;
    private final Grid grid;
    private final double[] pRef;
    private final double tRef, beta;
    private final double[] coreT, p, dp;
    /**
     * In-plane scratch of the core map's mean and deposit, reused by every evaluation: a plane per call (14 MB at 2
     * cells per core) outlived young collections and was promoted as old-generation garbage, 6-7 B per cell of the
     * thermal stage's peak.
     */
    private final double[] plane;

    /**
     * @param pRef leakage of each core at tRef (W)
     * @param tRef reference temperature (K)
     * @param beta exponential coefficient (1/K)
     */
    public CoreLeakage(CoreArray cores, CoreCellMap map, Grid grid, double[] pRef, double tRef, double beta) {
        if (pRef.length != cores.coreCount()) throw new IllegalArgumentException("pRef length");
        this.cores = cores;
        this.map = map;
        this.grid = grid;
        this.pRef = pRef.clone();
        this.tRef = tRef;
        this.beta = beta;
        coreT = new double[cores.coreCount()];
        p = new double[cores.coreCount()];
        dp = new double[cores.coreCount()];
        plane = new double[grid.nx * grid.ny];
    }

    /**
     * Reference leakage spread over the active cores in proportion to core area (leakage scales with the
     * number of transistors, not with the workload); spares get none.
     */
    public static double[] referenceLeakage(CoreArray cores, double totalAtRef) {
        double area = 0;
        for (int c = 0; c < cores.coreCount(); c++) if (!cores.isSpare(c)) area += cores.area(c);
        double[] r = new double[cores.coreCount()];
        for (int c = 0; c < r.length; c++) if (!cores.isSpare(c)) r[c] = totalAtRef * cores.area(c) / area;
        return r;
    }

    /**
     * The leakage at its reference temperature (W): the scale of the divergence guard. Without it the guard compared
     * the leakage with the fixed (dynamic) power alone, and a chip without dynamic power (the first solve of the
     * operating-point search) "diverged" as soon as its leakage at the coolant temperature passed 1 kW.
     */
    @Override
    public double powerScale() {
        double s = 0;
        for (double v : pRef) s += v;
        return s;
    }

    @Override
    public double evaluate(double[] t, double[] q, double[] dqdT) {
        compute(t);
        map.depositPower(grid, p, q);
        map.depositPower(grid, dp, dqdT);
        double s = 0;
        for (double v : p) s += v;
        return s;
    }

    /** The active layer: the only cells a core's leakage heats. */
    @Override
    public int slabFirst() { return grid.activeK0() * grid.nx * grid.ny; }

    @Override
    public int slabCells(int cells) { return (grid.activeK1() - grid.activeK0()) * grid.nx * grid.ny; }

    @Override
    public double evaluateSlab(double[] t, double[] q, double[] dqdT) {
        compute(t);
        map.depositActive(grid, p, q, plane);
        map.depositActive(grid, dp, dqdT, plane);
        double s = 0;
        for (double v : p) s += v;
        return s;
    }

    /** Leakage per core (W) at the cell temperatures t. */
    public double[] corePowers(double[] t) {
        compute(t);
        return p.clone();
    }

    /** Fills p and dp (per core) at the cell temperatures t. */
    private void compute(double[] t) {
        map.coreMean(grid, t, coreT, plane);
        for (int c = 0; c < p.length; c++) {
            p[c] = pRef[c] == 0 ? 0 : pRef[c] * Math.exp(beta * (coreT[c] - tRef));
            dp[c] = beta * p[c];
        }
    }

    @Override
    public String hottest(double[] t) {
        map.coreMean(grid, t, coreT, plane);
        int h = 0;
        for (int c = 1; c < coreT.length; c++) if (coreT[c] > coreT[h]) h = c;
        int d = cores.die(h);
        double leak = pRef[h] * Math.exp(beta * (coreT[h] - tRef));
        return String.format("core %d at die (column %d, row %d), core (column %d, row %d): %.1f degC, leakage %.3g W",
                h, cores.dieColumn(d), cores.dieRow(d), cores.coreColumn(h), cores.coreRow(h), coreT[h] - Units.ZERO_CELSIUS_K, leak);
    }
}
