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
 * The 1-D multilayer slab silicon (bottom) / TIM / copper (top) with a convective top face, against the exact
 * profiles of {@link LayeredSlab}. Without generation (bottom held at 80 degC) the profile is piecewise linear and
 * the series-resistance face conductances are exact at cell centres: errors are round-off (&lt; 1e-10 K for a 50 K
 * drop). With the default wafer's mean flux generated in the silicon (adiabatic bottom) the profile is quadratic
 * there and the half-cell flux at the interface is O(h^2): the observed order on a smooth graded grid family
 * (4, 8, 16, 32 cells per layer) must be 2 +- 0.15.
 */
public final class SlabCheck implements Check {
    static final double T_SI = 0.775e-3, T_TIM = 50e-6, T_CU = 3e-3;
    static final LayeredSlab SLAB = new LayeredSlab(new double[]{T_SI, T_TIM, T_CU}, new double[]{148, 4, 401},
            20000, 303.15);
    static final double T_BOTTOM = 353.15;
    /** The default case's mean flux (15 kW on 215 mm x 215 mm) deposited in the silicon, W/m^3. */
    static final double Q = 15000 / 0.046225 / T_SI;

    @Override public String name() { return "slab-1d"; }

    @Override public String description() {
        return "1-D Si/TIM/Cu slab: exact piecewise-linear profile; 2nd order with generation";
    }

    /** Graded base grid (4 cells per layer, neighbour ratio 1.2) refined by bisection: a smooth grid family. */
    static double[] faces(int n) {
        double[] th = SLAB.thickness();
        return n % 4 != 0 ? BoxProblems.layeredZ(th, n, 1.2) : BoxProblems.refine(BoxProblems.layeredZ(th, 4, 1.2), n / 4);
    }

    static SteadyResult solve(int n, double q, boolean fixedBottom, int threads) {
        double[] zf = faces(n);
        Grid g = BoxProblems.layered(new double[]{0, 1e-3}, new double[]{0, 1e-3}, zf, BoxProblems.everyN(3, n), 0);
        double[] qa = new double[g.cells()];
        for (int k = 0; k < n; k++) qa[k] = q;
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> {
            if (f == Face.ZMAX) return new Convection(SLAB.h(), SLAB.coolant(), "coolant");
            if (f == Face.ZMIN && fixedBottom) return new Convection(Double.POSITIVE_INFINITY, T_BOTTOM, "bottom");
            return null;
        });
        List<ConductivityLaw> laws = new ArrayList<>();
        for (double k : SLAB.conductivity()) laws.add(ConductivityLaw.isotropic(k));
        return Solve.steady(new ThermalProblem(g, laws, qa, bf), threads, 1e-13, 5);
    }

    @Override public List<Row> run(Context ctx) {
        List<Row> rows = new ArrayList<>();
        double linErr = 0;
        for (int n : new int[]{2, 3, 7}) {
            SteadyResult r = solve(n, 0, true, 1);
            double[] zf = faces(n);
            for (int k = 0; k < zf.length - 1; k++)
                linErr = Math.max(linErr, Math.abs(r.temperature()[k] - SLAB.linear(0.5 * (zf[k] + zf[k + 1]), T_BOTTOM)));
        }
        // 50 K drop: round-off of a 3n-unknown tridiagonal system is ~1e-13 K
        rows.add(Row.atMost(name(), "no generation: max |T - exact| (2, 3, 7 cells/layer)", linErr, 1e-10, "K", ""));
        int[] ns = {4, 8, 16, 32};
        double[] err = new double[ns.length];
        double balance = 0;
        for (int m = 0; m < ns.length; m++) {
            SteadyResult r = solve(ns[m], Q, false, 1);
            double[] zf = faces(ns[m]);
            for (int k = 0; k < zf.length - 1; k++)
                err[m] = Math.max(err[m], Math.abs(r.temperature()[k] - SLAB.withGeneration(0.5 * (zf[k] + zf[k + 1]), Q)));
            balance = Math.max(balance, Math.abs(r.balanceRelError()));
        }
        for (int m = 1; m < ns.length; m++) {
            double p = Solve.order(err[m - 1], err[m]);
            rows.add(Row.atMost(name(), "generation: |order - 2|, " + ns[m - 1] + " -> " + ns[m] + " cells/layer",
                    Math.abs(p - 2), 0.15, "", String.format("order %.3f; max error %.2e K", p, err[m])));
        }
        rows.add(Row.atMost(name(), "generation: energy balance |in - out| / in", balance, 1e-12, "rel", ""));
        return rows;
    }
}
