package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.export.FosterFit;
import org.wafersim.export.ThermalImpedance;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * Zth of a single RC: a thin, highly conductive plate (Biot number h t / k = 1e-5, so it is isothermal to 5e-6 of
 * its rise) heated uniformly from t = 0 and cooled by h on its top face. Lumped capacitance gives
 * Zth(t) = R (1 - exp(-t / tau)) with R = 1 / (h A), tau = rho c t / h. The transient solver's local error
 * tolerance is 1e-4 K of a 100 K rise (1e-6 relative per step, a few hundred steps): Zth must match within 1e-3 of
 * R at every accepted step, and a one-stage Foster fit must return R and tau within 1e-3.
 */
class ThermalImpedanceLumpedTest {
    @Test
    void singleRcStepResponse() {
        double thick = 1e-3, side = 1e-2, h = 100, k = 1e4, rhoc = 3.45e6, tInf = 300, rise = 100;
        double area = side * side, r = 1 / (h * area), tau = rhoc * thick / h, power = rise / r;
        Grid g = TestGrids.layered(new double[]{0, side}, new double[]{0, side}, TestGrids.uniform(0, thick, 4), 1, 4);
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, kk) -> f == Face.ZMAX ? new Convection(h, tInf, "air") : null);
        double[] q = new double[g.cells()];
        Arrays.fill(q, power / (area * thick));
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(k)), q, bf);
        double[] init = new double[g.cells()];
        Arrays.fill(init, tInf);
        List<double[]> samples = new ArrayList<>();
        samples.add(new double[]{0, tInf});
        try (Parallel par = new Parallel(1)) {
            new TransientSolver(par, TransientSolver.Options.adaptive(1e-4, 1e-4, tau)).run(p,
                    List.of(CapacityLaw.constant(rhoc)), PowerSchedule.constant(q, power), init, 0, 8 * tau,
                    null, (t, tk, s) -> { if (t > 0) samples.add(new double[]{t, Arrays.stream(tk).average().orElseThrow()}); });
        }
        int n = samples.size();
        double[] time = new double[n], tj = new double[n], pw = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = samples.get(i)[0];
            tj[i] = samples.get(i)[1];
            pw[i] = power;
        }
        ThermalImpedance.Curve c = ThermalImpedance.fromSeries(time, tj, pw, 0, 0, "plate", "test");
        double worst = 0;
        for (int i = 0; i < c.t().length; i++) worst = Math.max(worst, Math.abs(c.z()[i] - r * -Math.expm1(-c.t()[i] / tau)) / r);
        System.out.printf("single RC: %d steps, worst |Zth - R(1 - e^-t/tau)| / R = %.2e%n", n, worst);
        assertTrue(worst < 1e-3, "worst relative deviation " + worst);
        assertTrue(c.settled() > 0.999, "8 tau is settled");
        assertEquals(0, c.leakageDrift(), 0);

        FosterFit.Result fit = FosterFit.fit(c.t(), c.z(), 1);
        System.out.printf("single RC Foster fit: R %.6e (exact %.6e), tau %.6e s (exact %.6e s)%n",
                fit.stages().get(0).r(), r, fit.stages().get(0).tau(), tau);
        assertEquals(r, fit.stages().get(0).r(), 1e-3 * r);
        assertEquals(tau, fit.stages().get(0).tau(), 1e-3 * tau);
    }
}
