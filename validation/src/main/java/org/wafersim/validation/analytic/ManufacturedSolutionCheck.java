package org.wafersim.validation.analytic;

import java.util.ArrayList;
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
 * The manufactured 3-D solution of {@link LayeredManufacturedSolution} on a 2 x 1.5 x 0.8 mm box of three layers
 * (k = 150, 1.5, 400 W/(m K): contrast 270 between neighbours) on non-uniform nested grids (m cells per layer in z,
 * 4m x 3m in-plane, m = 4, 8, 16): the observed order of the max and rms errors must be 2 +- 0.15.
 */
public final class ManufacturedSolutionCheck implements Check {
    static final LayeredManufacturedSolution MS = new LayeredManufacturedSolution(2e-3, 1.5e-3, 320, 40, 3e4,
            new double[]{0.4e-3, 0.1e-3, 0.3e-3}, new double[]{150, 1.5, 400});

    @Override public String name() { return "manufactured-3d"; }

    @Override public String description() {
        return "manufactured 3-D solution, 3 layers, contrast 270: 2nd-order convergence (max, rms)";
    }

    /** {max error, rms error} (K) with m cells per layer in z and 4m x 3m in-plane (graded). */
    static double[] errors(int m, int threads) {
        double[] xf = BoxProblems.refine(new double[]{0, 0.3e-3, 0.8e-3, 1.4e-3, 2e-3}, m);
        double[] yf = BoxProblems.refine(new double[]{0, 0.6e-3, 1.1e-3, 1.5e-3}, m);
        double[] zf = BoxProblems.refine(BoxProblems.layeredZ(MS.thickness(), 2, 1.5), m / 2);
        Grid g = BoxProblems.layered(xf, yf, zf, BoxProblems.everyN(3, m), 0);
        double[] q = new double[g.cells()];
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) q[g.index(i, j, k)] = MS.source(g.xc(i), g.yc(j), g.zc(k));
        double ztop = zf[zf.length - 1];
        BoundaryFaces bf = BoundaryFaces.scan(g, (face, i, j, k) -> switch (face) {
            case ZMIN -> new Convection(Double.POSITIVE_INFINITY, MS.temperature(g.xc(i), g.yc(j), 0), "bottom");
            case ZMAX -> new Convection(Double.POSITIVE_INFINITY, MS.temperature(g.xc(i), g.yc(j), ztop), "top");
            default -> null;
        });
        List<ConductivityLaw> laws = new ArrayList<>();
        for (double k : MS.conductivity()) laws.add(ConductivityLaw.isotropic(k));
        SteadyResult r = Solve.steady(new ThermalProblem(g, laws, q, bf), threads, 1e-12, 5);
        double max = 0, sum = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double e = r.temperature()[g.index(i, j, k)] - MS.temperature(g.xc(i), g.yc(j), g.zc(k));
                    max = Math.max(max, Math.abs(e));
                    sum += e * e;
                }
        return new double[]{max, Math.sqrt(sum / g.cells())};
    }

    @Override public List<Row> run(Context ctx) {
        int[] ms = {4, 8, 16};
        double[][] e = new double[ms.length][];
        for (int i = 0; i < ms.length; i++) e[i] = errors(ms[i], ctx.threads());
        List<Row> rows = new ArrayList<>();
        String[] norm = {"max", "rms"};
        for (int n = 0; n < 2; n++)
            for (int i = 1; i < ms.length; i++) {
                double p = Solve.order(e[i - 1][n], e[i][n]);
                rows.add(Row.atMost(name(), "|order - 2| of the " + norm[n] + " error, m = " + ms[i - 1] + " -> " + ms[i],
                        Math.abs(p - 2), 0.15, "", String.format("order %.3f; %s error %.2e K", p, norm[n], e[i][n])));
            }
        return rows;
    }
}
