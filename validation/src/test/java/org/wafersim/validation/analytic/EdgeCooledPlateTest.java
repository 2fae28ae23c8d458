package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.thermal.*;

/**
 * A plate heated uniformly and cooled only at its edges (faces adiabatic, edges at the sink temperature): the peak
 * temperature rise at the centre against the double sine series (Carslaw &amp; Jaeger) within 1 %, second order under
 * refinement.
 */
class EdgeCooledPlateTest {
    static final double A = 30e-3, B = 20e-3, T = 0.775e-3, K = 148, QV = 1e7;

    static double peak(int n) {
        double[] xf = BoxProblems.refine(new double[]{0, A}, 3 * n), yf = BoxProblems.refine(new double[]{0, B}, 2 * n + 1);
        Grid g = BoxProblems.layered(xf, yf, new double[]{0, T / 2, T}, new int[]{0, 2}, 0);
        double[] q = new double[g.cells()];
        java.util.Arrays.fill(q, QV);
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> f.isSide()
                ? new Convection(Double.POSITIVE_INFINITY, 300, "edge") : null);
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K)), q, bf);
        SteadyResult r;
        try (Parallel par = new Parallel(2)) {
            r = new SteadySolver(par, new SteadySolver.Options(1e-12, 200, 1e-9, 5, false)).solve(p, null);
        }
        assertEquals(0, r.balanceRelError(), 1e-9);
        // odd cell counts: a cell centre sits on the plate centre
        int i = g.nx / 2, j = g.ny / 2;
        assertEquals(A / 2, g.xc(i), 1e-12);
        assertEquals(B / 2, g.yc(j), 1e-12);
        return r.temperature()[g.index(i, j, 0)] - 300;
    }

    @Test
    void peakRiseMatchesTheSeries() {
        double exact = EdgeCooledPlate.rise(A, B, K, QV, A / 2, B / 2, 401);
        int[] ns = {5, 11, 23};
        double[] err = new double[ns.length];
        for (int m = 0; m < ns.length; m++) {
            double v = peak(ns[m]);
            err[m] = Math.abs(v - exact) / exact;
            System.out.printf("edge-cooled plate: %d x %d cells: peak %.5f K, series %.5f K, error %.4f %%%n",
                    3 * ns[m], 2 * ns[m] + 1, v, exact, 100 * err[m]);
        }
        assertTrue(err[ns.length - 1] < 0.01);
        assertTrue(err[2] < err[1] && err[1] < err[0]);
    }
}
