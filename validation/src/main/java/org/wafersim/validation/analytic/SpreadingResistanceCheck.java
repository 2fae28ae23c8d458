package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;
import org.wafersim.thermal.BoundaryFaces;
import org.wafersim.thermal.ConductivityLaw;
import org.wafersim.thermal.Convection;
import org.wafersim.thermal.Face;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.ThermalProblem;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Spreading resistance of a centred 6 x 4 mm source (10 W) on a 20 x 15 x 1 mm channel (k = 150 W/(m K)) with a
 * convective bottom (h = 2e4 W/(m^2 K)), against the series solution of Muzychka, Culham &amp; Yovanovich (J.
 * Electronic Packaging 125, 2003; {@link SpreadingResistance}): the mean source temperature on the finest of four
 * nested grids within 1 %, the error falling under every refinement at an observed order above 0.9. The surface flux
 * is modelled as generation in a 2 um top layer (the difference, q'' delta / 2k, is ~1e-6 K here).
 */
public final class SpreadingResistanceCheck implements Check {
    static final double A = 20e-3, B = 15e-3, T = 1e-3, K = 150, H = 2e4, C = 6e-3, D = 4e-3, Q = 10, DELTA = 2e-6;
    static final double XC = A / 2, YC = B / 2;
    static final int[] REFINEMENTS = {1, 2, 4, 8};

    @Override public String name() { return "spreading-muzychka"; }

    @Override public String description() {
        return "spreading resistance of a rectangular source on a flux channel (Muzychka et al. 2003)";
    }

    /** The series value (K): 1500 terms per axis, converged to 1e-5 relative. */
    public static double exact() {
        return SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, XC, YC, Q, 1500);
    }

    /** Mean source-cell temperature rise (K) and the energy balance with the base grid refined by m. */
    public static double[] solve(int m, int threads) {
        double[] xf = BoxProblems.refine(new double[]{0, XC - C / 2, XC + C / 2, A}, 4 * m);
        double[] yf = BoxProblems.refine(new double[]{0, YC - D / 2, YC + D / 2, B}, 4 * m);
        double[] zBulk = BoxProblems.graded(0, T - DELTA, 4 * m, 0.8);   // finer towards the source
        double[] zf = new double[zBulk.length + 1];
        System.arraycopy(zBulk, 0, zf, 0, zBulk.length);
        zf[zf.length - 1] = T;
        int nzb = zBulk.length - 1;
        Grid g = BoxProblems.layered(xf, yf, zf, new int[]{0, nzb, nzb + 1}, 1);
        double[] q = new double[g.cells()];
        int k = g.nz - 1;
        double qv = Q / (C * D * DELTA);
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                if (Math.abs(g.xc(i) - XC) < C / 2 && Math.abs(g.yc(j) - YC) < D / 2) q[g.index(i, j, k)] = qv;
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, kk) -> f == Face.ZMIN ? new Convection(H, 300, "sink") : null);
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K), ConductivityLaw.isotropic(K)), q, bf);
        SteadyResult r = Solve.steady(p, threads, 1e-12, 5);
        double s = 0, area = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                if (q[g.index(i, j, k)] > 0) {
                    double w = g.dx(i) * g.dy(j);
                    s += (r.temperature()[g.index(i, j, k)] - 300) * w;
                    area += w;
                }
        // the grid has planes on the source edges, so the source covers whole cells
        if (Math.abs(area - C * D) > 1e-12) throw new IllegalStateException("source area " + area + " != " + C * D);
        return new double[]{s / area, r.balanceRelError()};
    }

    @Override public List<Row> run(Context ctx) {
        double exact = exact();
        double[] err = new double[REFINEMENTS.length];
        double balance = 0;
        for (int i = 0; i < REFINEMENTS.length; i++) {
            double[] v = solve(REFINEMENTS[i], ctx.threads());
            err[i] = Math.abs(v[0] - exact) / exact;
            balance = Math.max(balance, Math.abs(v[1]));
            ctx.progress().accept(String.format("%s: refinement %d: mean source rise %.6f K, series %.6f K",
                    name(), REFINEMENTS[i], v[0], exact));
        }
        int last = REFINEMENTS.length - 1;
        List<Row> rows = new ArrayList<>();
        rows.add(Row.atMost(name(), "mean source rise, rel. error, finest grid", err[last], 0.01, "rel",
                String.format("errors %.2f %%, %.2f %%, %.2f %%, %.2f %%", 100 * err[0], 100 * err[1], 100 * err[2],
                        100 * err[3])));
        double worstRatio = 0;
        for (int i = 1; i <= last; i++) worstRatio = Math.max(worstRatio, err[i] / err[i - 1]);
        rows.add(Row.atMost(name(), "largest error ratio fine/coarse (must fall)", worstRatio, 1, "", ""));
        rows.add(Row.atLeast(name(), "observed order, last refinement", Solve.order(err[last - 1], err[last]), 0.9, "", ""));
        rows.add(Row.atMost(name(), "energy balance |in - out| / in", balance, 1e-9, "rel", ""));
        return rows;
    }
}
