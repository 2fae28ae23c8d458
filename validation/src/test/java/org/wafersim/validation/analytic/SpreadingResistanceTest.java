package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.thermal.*;

/**
 * Spreading resistance of a centred rectangular source on a rectangular flux channel with a convective bottom
 * against the series solution of Muzychka, Culham &amp; Yovanovich (J. Electronic Packaging 125, 2003): the mean
 * source temperature on a converged grid within 1 %, with the grid study showing convergence. The surface flux is
 * modelled as generation in a 2 um top layer (the difference, q'' delta / 2k, is ~1e-6 K here).
 */
class SpreadingResistanceTest {
    static final double A = 20e-3, B = 15e-3, T = 1e-3, K = 150, H = 2e4, C = 6e-3, D = 4e-3, Q = 10, DELTA = 2e-6;
    static final double XC = A / 2, YC = B / 2;

    /** Mean source-cell temperature rise with the base grid refined by m. */
    static double solve(int m) {
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
        SteadyResult r;
        try (Parallel par = new Parallel(2)) {
            r = new SteadySolver(par, new SteadySolver.Options(1e-12, 200, 1e-9, 5, false)).solve(p, null);
        }
        assertEquals(0, r.balanceRelError(), 1e-9);
        double s = 0, area = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                if (q[g.index(i, j, k)] > 0) {
                    double w = g.dx(i) * g.dy(j);
                    s += (r.temperature()[g.index(i, j, k)] - 300) * w;
                    area += w;
                }
        assertEquals(C * D, area, 1e-12);
        return s / area;
    }

    @Test
    void meanSourceTemperatureAgreesWithTheSeriesSolution() {
        double exact = SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, XC, YC, Q, 1500);
        double oneD = Q / (A * B) * (T / K + 1 / H);
        int[] ms = {1, 2, 4, 8};
        double[] err = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            double v = solve(ms[i]);
            err[i] = Math.abs(v - exact) / exact;
            System.out.printf("spreading: refinement %d: mean source rise %.6f K, series %.6f K (1-D part %.4f K), "
                    + "error %.3f %%%n", ms[i], v, exact, oneD, 100 * err[i]);
        }
        for (int i = 1; i < ms.length; i++) assertTrue(err[i] < err[i - 1], "error falls under refinement");
        double order = Math.log(err[ms.length - 2] / err[ms.length - 1]) / Math.log(2);
        System.out.printf("spreading: observed order %.2f%n", order);
        assertTrue(order > 0.9, "converging at order " + order);
        assertTrue(err[ms.length - 1] < 0.01, "finest grid within 1 %: " + err[ms.length - 1]);
    }

    @Test
    void seriesIsConvergedInItsTruncation() {
        double a = SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, XC, YC, Q, 750);
        double b = SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, XC, YC, Q, 1500);
        assertEquals(a, b, 1e-5 * b);
    }
}
