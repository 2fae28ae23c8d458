package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Stencil7;

/**
 * The double operator's residual ({@link ConductanceAssembler#exactResidual}) against the float operator the solves
 * iterate with ({@link Stencil7}, face conductances rounded to float): the two differ by the rounding only (at most
 * 2^-24 of each face's term), the double one does not depend on the thread count, and the steady solver's refined
 * field satisfies the double system to its tolerance, where the float operator's residual of the same field is
 * orders of magnitude larger.
 */
class ExactResidualTest {
    /** A small wafer with k(T) silicon, frozen at 330 K: a linear problem whose solve is one refined round. */
    static ThermalProblem linearProblem() {
        PackageThermalModel.Model m = OperatingPointTest.model(OperatingPointTest.spec("dynamic: \"520 W\""), 520);
        return PackageThermalModel.frozenConductivity(m.problem(), 330);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    @Test
    void differsFromTheFloatOperatorsByTheRoundingOnlyAndNotByTheThreads() {
        ThermalProblem p = linearProblem();
        Grid g = p.grid();
        int n = g.cells();
        double[][] out = new double[2][];
        double[] rFloat = new double[n];
        double[] theta = new double[n], t = new double[n];
        for (int threads = 1; threads <= 2; threads++) {
            try (Parallel par = new Parallel(threads)) {
                ConductanceAssembler asm = new ConductanceAssembler(p, par);
                // a field with gradients in every direction, 0 on void cells as the solver keeps it
                for (int c = 0; c < n; c++) {
                    int i = c % g.nx, j = (c / g.nx) % g.ny, k = c / (g.nx * g.ny);
                    theta[c] = g.isVoid(c) ? 0 : 5 + 0.7 * i + 0.3 * j * j / (double) g.ny + 2.1 * k;
                    t[c] = theta[c] + asm.tRef;
                }
                Stencil7 a = new Stencil7(g.nx, g.ny, g.nz);
                double[] b = new double[n];
                asm.assemble(t, a, b);
                out[threads - 1] = new double[n];
                asm.exactResidual(t, theta, b, a.gb, out[threads - 1]);
                if (threads == 1) a.residual(par, b, theta, rFloat);
                if (threads == 1) {
                    // each cell: |exact - float| <= 2^-24 (1 + margin) sum over its faces of |g (theta_c - theta_n)|
                    int plane = g.nx * g.ny;
                    double worst = 0;
                    for (int c = 0; c < n; c++) {
                        if (g.isVoid(c)) continue;
                        int i = c % g.nx, j = (c / g.nx) % g.ny, k = c / plane;
                        double sum = Math.abs(a.gb[c] * theta[c]);
                        if (i > 0) sum += Math.abs(a.gx[c - 1] * (theta[c] - theta[c - 1]));
                        if (i < g.nx - 1) sum += Math.abs(a.gx[c] * (theta[c] - theta[c + 1]));
                        if (j > 0) sum += Math.abs(a.gy[c - g.nx] * (theta[c] - theta[c - g.nx]));
                        if (j < g.ny - 1) sum += Math.abs(a.gy[c] * (theta[c] - theta[c + g.nx]));
                        if (k > 0) sum += Math.abs(a.gz[c - plane] * (theta[c] - theta[c - plane]));
                        if (k < g.nz - 1) sum += Math.abs(a.gz[c] * (theta[c] - theta[c + plane]));
                        double d = Math.abs(out[0][c] - rFloat[c]);
                        assertTrue(d <= 0x1p-24 * 1.01 * sum + 1e-12 * Math.abs(b[c]),
                                "cell " + c + ": " + d + " vs bound " + 0x1p-24 * sum);
                        worst = Math.max(worst, d / Math.max(1e-300, sum));
                    }
                    // the double path is really taken: the two residuals differ by a rounding-sized amount
                    assertTrue(worst > 1e-10, "largest relative difference " + worst);
                }
            }
        }
        assertArrayEquals(out[0], out[1], 0.0, "1 and 2 threads");
    }

    @Test
    void theRefinedSolveSatisfiesTheDoubleSystem() {
        ThermalProblem p = linearProblem();
        Grid g = p.grid();
        int n = g.cells();
        try (Parallel par = new Parallel(2)) {
            SteadyResult r = new SteadySolver(par, new SteadySolver.Options(1e-12, 200, 1e-9, 5, false)).solve(p, null);
            ConductanceAssembler asm = new ConductanceAssembler(p, par);
            double[] theta = new double[n], t = r.temperature().clone();
            for (int c = 0; c < n; c++) {
                if (g.isVoid(c)) t[c] = asm.tRef;
                theta[c] = g.isVoid(c) ? 0 : t[c] - asm.tRef;
            }
            Stencil7 a = new Stencil7(g.nx, g.ny, g.nz);
            double[] b = new double[n], exact = new double[n], rFloat = new double[n];
            asm.assemble(t, a, b);
            asm.exactResidual(t, theta, b, a.gb, exact);
            a.residual(par, b, theta, rFloat);
            double bn = norm(b), re = norm(exact) / bn, rf = norm(rFloat) / bn;
            System.out.printf("refined field: double residual %.2e, float operator's residual %.2e (of |b|)%n", re, rf);
            // the solve stops at 1e-12 of |b| on its recursive residual, which tracks the double one to ~6e-8 of the
            // last correction: a few times 1e-12 at most
            assertTrue(re <= 1e-11, "double residual " + re);
            assertTrue(rf > 100 * re, "float residual " + rf + " vs double " + re);
        }
    }
}
