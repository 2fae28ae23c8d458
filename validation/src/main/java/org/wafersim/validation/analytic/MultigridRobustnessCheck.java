package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wafersim.linalg.Multigrid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.Stencil7;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Robustness of the multigrid-preconditioned CG (DESIGN section 5; Trottenberg, Oosterlee &amp; Schueller 2001,
 * section 5.1-5.2): the convergence rate -ln(rho), rho = (||r_n|| / ||r_0||)^(1/n) the mean residual reduction per
 * iteration, must stay at 80 % or more of the baseline (64^2 in-plane, 8 layers, cell aspect ratio 1, no contrast)
 * when the grid grows, the cell aspect ratio dx/dz reaches 1000 or the conductivity contrast between layers 10^4.
 * The same variants as the solver module's test (about 3 s in all on two cores).
 */
public final class MultigridRobustnessCheck implements Check {
    /** {in-plane cells, aspect ratio, contrast}. */
    static final double[][] VARIANTS = {{512, 1, 1}, {64, 10, 1}, {64, 1000, 1}, {64, 1, 100}, {64, 1, 1e4},
            {64, 1000, 1e4}, {256, 1000, 1e4}};

    @Override public String name() { return "multigrid-robustness"; }

    @Override public String description() {
        return "PCG + multigrid rate vs grid size, aspect ratio 1000, contrast 1e4 (>= 0.8 x baseline)";
    }

    /** A box of layers two cells thick with alternating conductivity 1 and contrast, convective top and bottom. */
    static Stencil7 layeredBox(int n, int nz, double aspect, double contrast, Parallel par) {
        double dx = 1.0 / n, dz = dx / aspect;
        Stencil7 s = new Stencil7(n, n, nz);
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int c = s.index(i, j, k);
                    double kk = ((k / 2) % 2 == 0) ? 1 : contrast;
                    s.active[c] = true;
                    if (i < n - 1) s.gx[c] = (float) (kk * dz);
                    if (j < n - 1) s.gy[c] = (float) (kk * dz);
                    if (k < nz - 1) {
                        double k2 = (((k + 1) / 2) % 2 == 0) ? 1 : contrast;
                        s.gz[c] = (float) (dx * dx / (dz / (2 * kk) + dz / (2 * k2)));
                    }
                    // convective top (strong) and bottom (weak), as in a package: coolant and board back
                    if (k == nz - 1) s.gb[c] = dx * dx / (dz / (2 * kk) + 1 / 2e4);
                    if (k == 0) s.gb[c] = dx * dx / (dz / (2 * kk) + 1 / 1e3);
                }
        s.finish(par);
        return s;
    }

    /** Convergence rate -ln(rho) of PCG to 1e-8 on a random right-hand side; NaN if it did not converge. */
    static double rate(int n, double aspect, double contrast, int threads) {
        try (Parallel par = new Parallel(threads)) {
            Stencil7 s = layeredBox(n, 8, aspect, contrast, par);
            double[] f = new double[n + 1];
            for (int i = 0; i <= n; i++) f[i] = (double) i / n;
            Multigrid mg = new Multigrid(s, f, f, par);
            double[] b = new double[s.size()];
            Random rnd = new Random(42);
            for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble();
            double[] x = new double[s.size()];
            Pcg.Result r = new Pcg(par).solve(s, mg::precondition, b, x, 1e-8, 100);
            if (!r.converged()) return Double.NaN;
            return -Math.log(Math.pow(r.history()[r.iterations()] / r.history()[0], 1.0 / r.iterations()));
        }
    }

    @Override public List<Row> run(Context ctx) {
        double base = rate(64, 1, 1, ctx.threads());
        List<Row> rows = new ArrayList<>();
        for (double[] v : VARIANTS) {
            double r = rate((int) v[0], v[1], v[2], ctx.threads());
            rows.add(Row.atLeast(name(), String.format("rate / baseline, %d^2, aspect %.0f, contrast %.0f", (int) v[0], v[1], v[2]),
                    r / base, 0.8, "", String.format("rate %.3f, baseline %.3f", r, base)));
        }
        return rows;
    }
}
