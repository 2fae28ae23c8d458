package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wafersim.grid.Grid;
import org.wafersim.thermal.BoundaryFaces;
import org.wafersim.thermal.ConductivityLaw;
import org.wafersim.thermal.Convection;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.ThermalProblem;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * A 30 x 20 x 0.775 mm silicon plate (k = 148 W/(m K)) heated uniformly (1e7 W/m^3), faces adiabatic, edges held at
 * the sink temperature: the peak rise at the centre against the double sine series of {@link EdgeCooledPlate}
 * (Carslaw &amp; Jaeger) within 1 % on the finest of three grids, the error falling under refinement.
 */
public final class EdgeCooledPlateCheck implements Check {
    static final double A = 30e-3, B = 20e-3, T = 0.775e-3, K = 148, QV = 1e7;
    static final int[] SIZES = {5, 11, 23};

    @Override public String name() { return "edge-cooled-plate"; }

    @Override public String description() {
        return "plate heated uniformly, cooled at its edges: peak rise vs double sine series";
    }

    /** The series value (K) at the centre, 401 odd-and-even terms per axis. */
    public static double exact() { return EdgeCooledPlate.rise(A, B, K, QV, A / 2, B / 2, 401); }

    /** Peak rise (K) and energy balance on a 3n x (2n+1) grid. */
    public static double[] peak(int n, int threads) {
        double[] xf = BoxProblems.refine(new double[]{0, A}, 3 * n), yf = BoxProblems.refine(new double[]{0, B}, 2 * n + 1);
        Grid g = BoxProblems.layered(xf, yf, new double[]{0, T / 2, T}, new int[]{0, 2}, 0);
        double[] q = new double[g.cells()];
        Arrays.fill(q, QV);
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> f.isSide()
                ? new Convection(Double.POSITIVE_INFINITY, 300, "edge") : null);
        SteadyResult r = Solve.steady(new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K)), q, bf), threads, 1e-12, 5);
        // odd cell counts: a cell centre sits on the plate centre
        int i = g.nx / 2, j = g.ny / 2;
        if (Math.abs(g.xc(i) - A / 2) > 1e-12 || Math.abs(g.yc(j) - B / 2) > 1e-12)
            throw new IllegalStateException("no cell centre on the plate centre");
        return new double[]{r.temperature()[g.index(i, j, 0)] - 300, r.balanceRelError()};
    }

    @Override public List<Row> run(Context ctx) {
        double exact = exact();
        double[] err = new double[SIZES.length];
        double balance = 0;
        for (int m = 0; m < SIZES.length; m++) {
            double[] v = peak(SIZES[m], ctx.threads());
            err[m] = Math.abs(v[0] - exact) / exact;
            balance = Math.max(balance, Math.abs(v[1]));
        }
        int last = SIZES.length - 1;
        List<Row> rows = new ArrayList<>();
        rows.add(Row.atMost(name(), "peak rise, rel. error, finest grid (69 x 47)", err[last], 0.01, "rel",
                String.format("errors %.3f %%, %.3f %%, %.3f %%; series %.5f K", 100 * err[0], 100 * err[1],
                        100 * err[2], exact)));
        double worstRatio = Math.max(err[1] / err[0], err[2] / err[1]);
        rows.add(Row.atMost(name(), "largest error ratio fine/coarse (must fall)", worstRatio, 1, "", ""));
        rows.add(Row.atMost(name(), "energy balance |in - out| / in", balance, 1e-9, "rel", ""));
        return rows;
    }
}
