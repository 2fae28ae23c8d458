package org.wafersim.thermal;

import org.wafersim.grid.Grid;

/**
 * Heat crossing each layer interface of a layered grid: the sum over the interface's cell faces of
 * G (T_below - T_above), with G the series conductance of the two half cells at their final temperatures (the
 * operator of the converged solve, to within the outer-iteration tolerance). Positive means upwards (towards the
 * coolant). Interface l is the bottom face of layer l (layers top to bottom), i.e. between layers l and l + 1.
 */
public final class HeatBudget {
    private HeatBudget() { }

    public static double[] interfaceHeat(ThermalProblem p, double[] t) {
        return interfaceHeat(p, t, org.wafersim.linalg.Parallel.serial());
    }

    /**
     * As {@link #interfaceHeat(ThermalProblem, double[])}, the rows of each interface on the run's threads: each row
     * is summed in order and the rows' sums added in row order, the same value for any number of threads.
     */
    public static double[] interfaceHeat(ThermalProblem p, double[] t, org.wafersim.linalg.Parallel par) {
        Grid g = p.grid();
        int nl = g.layerCount();
        double[] out = new double[Math.max(0, nl - 1)];
        for (int l = 0; l < nl - 1; l++) {
            int kUp = g.layerK0(l), kDown = kUp - 1;
            if (kDown < 0 || g.layerK1(l + 1) != kUp) { out[l] = Double.NaN; continue; }
            double[] rows = new double[g.ny];
            par.forEach(g.ny, (long) g.nx * g.ny, j -> {
                double s = 0;
                for (int i = 0; i < g.nx; i++) {
                    int cu = g.index(i, j, kUp), cd = g.index(i, j, kDown);
                    if (g.isVoid(cu) || g.isVoid(cd)) continue;
                    double ku = p.laws().get(g.material(cu)).kz(t[cu]), kd = p.laws().get(g.material(cd)).kz(t[cd]);
                    double gz = g.dx(i) * g.dy(j) / (g.dz(kUp) / (2 * ku) + p.contactResistance(kDown)
                            + g.dz(kDown) / (2 * kd));
                    s += gz * (t[cd] - t[cu]);
                }
                rows[j] = s;
            });
            double s = 0;
            for (double r : rows) s += r;
            out[l] = s;
        }
        return out;
    }
}
