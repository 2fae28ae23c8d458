package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * Transient references for {@link TransientSolver} (issue 4): a finite slab with a step in uniform generation against
 * its Fourier series, the temporal order with fixed steps, a lumped-capacitance plate, convergence to the steady
 * solution, and the energy balance.
 */
class TransientSlabTest {
    // silicon-like slab, adiabatic at z = 0, held at the sink temperature at z = L
    static final double L = 1e-3, K = 150, RHOC = 2329 * 712.0, Q = 1e9, T0 = 300;
    static final double ALPHA = K / RHOC, TAU = L * L / ALPHA;

    static double exact(double z, double t) {
        double s = Q * (L * L - z * z) / (2 * K);
        for (int n = 0; n < 400; n++) {
            double lam = (2 * n + 1) * Math.PI / (2 * L);
            s -= 2 * Q * ((n % 2 == 0) ? 1 : -1) / (K * L * lam * lam * lam) * Math.cos(lam * z) * Math.exp(-ALPHA * lam * lam * t);
        }
        return s;
    }

    static Grid slab(int n) {
        return TestGrids.layered(new double[]{0, 1e-3}, new double[]{0, 1e-3}, TestGrids.uniform(0, L, n), 1, n);
    }

    static ThermalProblem problem(Grid g) {
        double[] q = new double[g.cells()];
        java.util.Arrays.fill(q, Q);
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> f == Face.ZMAX
                ? new Convection(Double.POSITIVE_INFINITY, T0, "sink") : null);
        return new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K)), q, bf);
    }

    /** Temperatures at the probe cells at the probe times, from a run with the given options. */
    static double[][] run(Grid g, TransientSolver.Options o, double[] times, int[] cells) {
        ThermalProblem p = problem(g);
        double[] init = new double[g.cells()];
        java.util.Arrays.fill(init, T0);
        double[][] out = new double[times.length][cells.length];
        try (Parallel par = new Parallel(1)) {
            new TransientSolver(par, o).run(p, List.of(CapacityLaw.constant(RHOC)), PowerSchedule.constant(p.q(), 0),
                    init, 0, times[times.length - 1], times, (t, tk, s) -> {
                        for (int m = 0; m < times.length; m++)
                            if (Math.abs(t - times[m]) < 1e-12 * times[m])
                                for (int c = 0; c < cells.length; c++) out[m][c] = tk[cells[c]] - T0;
                    });
        }
        return out;
    }

    @Test
    void stepInGenerationFollowsTheFourierSeries() {
        int n = 100;
        Grid g = slab(n);
        double[] times = {0.02 * TAU, 0.1 * TAU, 0.3 * TAU, 1.0 * TAU};
        int[] cells = {0, n / 2, 3 * n / 4};
        double[][] r = run(g, TransientSolver.Options.adaptive(1e-4 * Q * L * L / (2 * K), 1e-6 * TAU, TAU), times, cells);
        double finalRise = Q * L * L / (2 * K);
        for (int m = 0; m < times.length; m++)
            for (int c = 0; c < cells.length; c++) {
                double ex = exact(g.zc(cells[c]), times[m]);
                assertEquals(ex, r[m][c], 0.005 * finalRise,
                        String.format("t = %.3f tau, z = %.3f L", times[m] / TAU, g.zc(cells[c]) / L));
            }
    }

    @Test
    void temporalOrderIsTwo() {
        Grid g = slab(20);
        double tEnd = 0.2 * TAU;
        double[] times = {tEnd};
        int[] cells = {0, 10};
        double ref = run(g, TransientSolver.Options.fixed(tEnd / 1024), times, cells)[0][0];
        double[] err = new double[3];
        int[] steps = {8, 16, 32};
        for (int m = 0; m < steps.length; m++)
            err[m] = Math.abs(run(g, TransientSolver.Options.fixed(tEnd / steps[m]), times, cells)[0][0] - ref);
        for (int m = 1; m < steps.length; m++) {
            double order = Math.log(err[m - 1] / err[m]) / Math.log(2);
            System.out.printf("TR-BDF2 temporal order between %d and %d steps: %.3f (errors %.3e, %.3e K)%n",
                    steps[m - 1], steps[m], order, err[m - 1], err[m]);
            assertEquals(2.0, order, 0.2);
        }
    }

    /** A thin, highly conductive plate cooled by h on one face: T - T_inf = (T_0 - T_inf) exp(-t/tau), tau = rho c t / h. */
    @Test
    void lumpedCapacitance() {
        double thick = 1e-3, h = 100, k = 1e4, rhoc = 3.45e6, tInf = 300, tStart = 400;
        Grid g = TestGrids.layered(new double[]{0, 1e-2}, new double[]{0, 1e-2}, TestGrids.uniform(0, thick, 4), 1, 4);
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, kk) -> f == Face.ZMAX ? new Convection(h, tInf, "air") : null);
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(k)), new double[g.cells()], bf);
        double tau = rhoc * thick / h;
        double[] init = new double[g.cells()];
        java.util.Arrays.fill(init, tStart);
        List<double[]> samples = new ArrayList<>();
        try (Parallel par = new Parallel(1)) {
            new TransientSolver(par, TransientSolver.Options.adaptive(1e-3, 1e-3, tau)).run(p,
                    List.of(CapacityLaw.constant(rhoc)), PowerSchedule.constant(p.q(), 0), init, 0, 5 * tau,
                    null, (t, tk, s) -> samples.add(new double[]{t, tk[0]}));
        }
        double worst = 0;
        for (double[] s : samples) {
            double ex = tInf + (tStart - tInf) * Math.exp(-s[0] / tau);
            worst = Math.max(worst, Math.abs(s[1] - ex));
        }
        // Biot number h t / k = 1e-5: the plate is isothermal to ~1e-3 K; the local error tolerance is 1e-3 K
        System.out.printf("lumped capacitance: %d steps, worst deviation %.2e K of a 100 K drop%n", samples.size(), worst);
        assertTrue(worst < 0.02, "worst deviation " + worst + " K");
    }
}
