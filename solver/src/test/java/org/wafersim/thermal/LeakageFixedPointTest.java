package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * Leakage feedback on a single lumped node: T = T_a + R (P_0 + P_L e^{beta (T - T_ref)}). With
 * u = T - T_a - R P_0 and c = T_a + R P_0 - T_ref the fixed point is u = -W_0(z)/beta, z = -beta R P_L e^{beta c}
 * (Lambert W, principal branch = the stable state); it exists iff z &gt;= -1/e, i.e. the runaway threshold is
 * beta R P_L e^{beta c} = 1/e.
 */
class LeakageFixedPointTest {
    static final double K = 100, H = 1000, DZ = 1e-3, A = 1e-4, TA = 300, TREF = 300, BETA = 0.025, P0 = 1;
    static final double R = (DZ / (2 * K) + 1 / H) / A;   // cell centre to ambient, K/W

    /** A one-cell grid; the feedback is the lumped leakage on that cell. */
    static ThermalProblem node(double pl) {
        Grid g = TestGrids.layered(new double[]{0, 1e-2}, new double[]{0, 1e-2}, new double[]{0, DZ}, 1, 1);
        double v = A * DZ;
        double[] q = {P0 / v};
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> f == Face.ZMAX ? new Convection(H, TA, "top") : null);
        HeatSourceFeedback fb = new HeatSourceFeedback() {
            public double evaluate(double[] t, double[] qq, double[] dq) {
                double p = pl * Math.exp(BETA * (t[0] - TREF));
                qq[0] = p / v;
                dq[0] = BETA * p / v;
                return p;
            }
            public String hottest(double[] t) { return "the node at " + t[0] + " K"; }
        };
        return new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K)), q, bf, fb, List.of());
    }

    /** Principal branch of Lambert W on [-1/e, 0] by Halley's iteration. */
    static double lambertW0(double z) {
        double w = z < -0.3 ? -1 + Math.sqrt(2 * (1 + Math.E * z)) : z;
        for (int i = 0; i < 100; i++) {
            double e = Math.exp(w), f = w * e - z;
            double wn = w - f / (e * (w + 1) - (w + 2) * f / (2 * w + 2));
            if (Math.abs(wn - w) < 1e-15) return wn;
            w = wn;
        }
        return w;
    }

    static double z(double pl) {
        return -BETA * R * pl * Math.exp(BETA * (TA + R * P0 - TREF));
    }

    @Test
    void fixedPointMatchesLambertWBelowThreshold() {
        for (double frac : new double[]{0.2, 0.6, 0.9, 0.99}) {
            double pl = frac / Math.E / (-z(1));     // z = -frac/e
            double exact = TA + R * P0 - lambertW0(z(pl)) / BETA;
            SteadyResult r;
            try (Parallel par = new Parallel(1)) {
                r = new SteadySolver(par, new SteadySolver.Options(1e-14, 50, 1e-9, 100, false)).solve(node(pl), null);
            }
            assertEquals(exact, r.temperature()[0], 1e-6, "at " + frac + " of the threshold");
            assertEquals(0, r.balanceRelError(), 1e-9);
        }
    }

    @Test
    void runawayAboveThreshold() {
        for (double frac : new double[]{1.01, 1.5, 5}) {
            double pl = frac / Math.E / (-z(1));
            ThermalRunawayException e;
            try (Parallel par = new Parallel(1)) {
                e = assertThrows(ThermalRunawayException.class, () ->
                        new SteadySolver(par, new SteadySolver.Options(1e-14, 50, 1e-9, 200, false)).solve(node(pl), null));
            }
            assertTrue(e.getMessage().contains("thermal runaway") && e.getMessage().contains("the node"), e.getMessage());
            assertTrue(e.powerW() > P0);
        }
    }
}
