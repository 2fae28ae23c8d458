package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * The 1-D multilayer slab of the foundation issue: silicon (bottom) / TIM / copper (top), convective top face.
 * Without generation the exact profile is piecewise linear and the series-resistance face conductances make the
 * scheme exact at cell centres; with generation in the silicon the exact profile is quadratic there and the
 * half-cell flux approximation at the interface is O(h^2).
 */
class Slab1DTest {
    static final double T_SI = 0.775e-3, T_TIM = 50e-6, T_CU = 3e-3;
    static final double K_SI = 148, K_TIM = 4, K_CU = 401;
    static final double H = 20000, T_COOL = 303.15, T_BOTTOM = 353.15;

    /** Graded base grid (4 cells per layer, neighbour ratio 1.2) refined by bisection: a smooth grid family. */
    static double[] faces(int n) {
        return n % 4 != 0 ? TestGrids.layeredZ(new double[]{T_SI, T_TIM, T_CU}, n, 1.2)
                : TestGrids.refine(TestGrids.layeredZ(new double[]{T_SI, T_TIM, T_CU}, 4, 1.2), n / 4);
    }

    private static SteadyResult solve(int n, double q, boolean fixedBottom) {
        double[] zf = faces(n);
        Grid g = TestGrids.layered(new double[]{0, 1e-3}, new double[]{0, 1e-3}, zf, 3, n);
        double[] qa = new double[g.cells()];
        for (int k = 0; k < n; k++) qa[k] = q;
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> {
            if (f == Face.ZMAX) return new Convection(H, T_COOL, "coolant");
            if (f == Face.ZMIN && fixedBottom) return new Convection(Double.POSITIVE_INFINITY, T_BOTTOM, "bottom");
            return null;
        });
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K_SI),
                ConductivityLaw.isotropic(K_TIM), ConductivityLaw.isotropic(K_CU)), qa, bf);
        try (Parallel par = new Parallel(1)) {
            return new SteadySolver(par, new SteadySolver.Options(1e-13, 100, 1e-9, 5, false)).solve(p, null);
        }
    }

    /** Exact piecewise-linear profile for a fixed bottom temperature and convective top. */
    private static double exactLinear(double z) {
        double rTotal = T_SI / K_SI + T_TIM / K_TIM + T_CU / K_CU + 1 / H;
        double flux = (T_BOTTOM - T_COOL) / rTotal;
        if (z <= T_SI) return T_BOTTOM - flux * z / K_SI;
        double t1 = T_BOTTOM - flux * T_SI / K_SI;
        if (z <= T_SI + T_TIM) return t1 - flux * (z - T_SI) / K_TIM;
        double t2 = t1 - flux * T_TIM / K_TIM;
        return t2 - flux * (z - T_SI - T_TIM) / K_CU;
    }

    /** Exact profile with uniform generation q in the silicon, adiabatic bottom, convective top. */
    private static double exactGeneration(double z, double q) {
        double flux = q * T_SI;
        double tCuTop = T_COOL + flux / H;
        double tTimTop = tCuTop + flux * T_CU / K_CU;
        double tSiTop = tTimTop + flux * T_TIM / K_TIM;
        if (z >= T_SI + T_TIM) return tCuTop + flux * (T_SI + T_TIM + T_CU - z) / K_CU;
        if (z >= T_SI) return tTimTop + flux * (T_SI + T_TIM - z) / K_TIM;
        return tSiTop + q * (T_SI * T_SI - z * z) / (2 * K_SI);
    }

    @Test
    void seriesResistancesAreExactToRoundOff() {
        for (int n : new int[]{2, 3, 7}) {
            SteadyResult r = solve(n, 0, true);
            double[] zf = faces(n);
            double maxErr = 0;
            for (int k = 0; k < zf.length - 1; k++)
                maxErr = Math.max(maxErr, Math.abs(r.temperature()[k] - exactLinear(0.5 * (zf[k] + zf[k + 1]))));
            // 50 K drop: round-off of a 3n-unknown tridiagonal system is ~1e-13 K.
            assertTrue(maxErr < 1e-10, "n=" + n + " max error " + maxErr + " K");
            assertEquals(0, r.balanceRelError(), 1e-12);
        }
    }

    @Test
    void generationConvergesAtSecondOrder() {
        double q = 15000 / 0.046225 / T_SI; // the default case's mean flux, deposited in the silicon (W/m^3)
        int[] ns = {4, 8, 16, 32};
        double[] err = new double[ns.length];
        for (int m = 0; m < ns.length; m++) {
            int n = ns[m];
            SteadyResult r = solve(n, q, false);
            double[] zf = faces(n);
            double e = 0;
            for (int k = 0; k < zf.length - 1; k++)
                e = Math.max(e, Math.abs(r.temperature()[k] - exactGeneration(0.5 * (zf[k] + zf[k + 1]), q)));
            err[m] = e;
            assertEquals(0, r.balanceRelError(), 1e-12);
        }
        for (int m = 1; m < ns.length; m++) {
            double order = Math.log(err[m - 1] / err[m]) / Math.log(2);
            assertEquals(2.0, order, 0.15, "observed order between n=" + ns[m - 1] + " and " + ns[m]
                    + " (errors " + err[m - 1] + ", " + err[m] + " K)");
        }
    }
}
