package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The closed forms the analytical checks compare with, checked on their own: Lambert W solves w e^w = z; the slab
 * profiles are continuous in temperature and flux and meet their boundary conditions; the manufactured source is
 * -div(k grad T) of the manufactured temperature.
 */
class ReferenceFormulasTest {

    @Test
    void lambertWSolvesItsEquation() {
        assertEquals(-1, LambertW.w0(-1 / Math.E), 1e-7);   // branch point: W is only sqrt-accurate there
        assertEquals(0, LambertW.w0(0), 0);
        for (double z = -0.36; z < 0; z += 0.01) {
            double w = LambertW.w0(z);
            assertEquals(z, w * Math.exp(w), 1e-15, "z = " + z);
            assertTrue(w >= -1, "principal branch");
        }
        assertThrows(IllegalArgumentException.class, () -> LambertW.w0(-0.4));
    }

    @Test
    void slabProfilesAreContinuousAndMeetTheirBoundaryConditions() {
        LayeredSlab s = SlabCheck.SLAB;
        double[] th = s.thickness(), k = s.conductivity();
        double zTop = th[0] + th[1] + th[2], eps = 1e-12;
        assertEquals(SlabCheck.T_BOTTOM, s.linear(0, SlabCheck.T_BOTTOM), 1e-12);
        double q = SlabCheck.Q;
        for (double[] profile : new double[][]{{0}, {1}}) {
            boolean gen = profile[0] == 1;
            java.util.function.DoubleUnaryOperator t = z -> gen ? s.withGeneration(z, q) : s.linear(z, SlabCheck.T_BOTTOM);
            double zi = 0;
            for (int l = 0; l < 2; l++) {
                zi += th[l];
                assertEquals(t.applyAsDouble(zi - eps), t.applyAsDouble(zi + eps), 1e-6, "T continuous at interface " + l);
                double fluxBelow = -k[l] * (t.applyAsDouble(zi - 1e-9) - t.applyAsDouble(zi - 2e-9)) / 1e-9;
                double fluxAbove = -k[l + 1] * (t.applyAsDouble(zi + 2e-9) - t.applyAsDouble(zi + 1e-9)) / 1e-9;
                assertEquals(fluxBelow, fluxAbove, 1e-3 * Math.abs(fluxBelow), "flux continuous at interface " + l);
            }
            double top = t.applyAsDouble(zTop);
            double fluxTop = -k[2] * (top - t.applyAsDouble(zTop - 1e-9)) / 1e-9;
            assertEquals(s.h() * (top - s.coolant()), fluxTop, 1e-3 * fluxTop, "convective top");
        }
        // generation: adiabatic bottom, and all of q t_Si leaves through the top
        assertEquals(s.withGeneration(0, q), s.withGeneration(1e-9, q), 1e-9);
        assertEquals(SlabCheck.Q * th[0], s.h() * (s.withGeneration(zTop, q) - s.coolant()), 1e-9 * q * th[0]);
    }

    @Test
    void manufacturedSourceIsMinusDivKGradT() {
        LayeredManufacturedSolution m = ManufacturedSolutionCheck.MS;
        double d = 1e-6;   // central differences: truncation (pi d / L)^2 / 12 of each term (6e-6 of q where they cancel)
        // differentiate u = T - T0 = cos cos f, computed directly: T0 = 320 K would add its round-off
        java.util.function.DoubleUnaryOperator cx = x -> Math.cos(Math.PI * x / m.lx()), cy = y -> Math.cos(Math.PI * y / m.ly());
        double[][] points = {{0.3e-3, 0.4e-3, 0.2e-3}, {1.1e-3, 0.9e-3, 0.45e-3}, {1.7e-3, 1.2e-3, 0.7e-3}};
        for (double[] p : points) {
            double x = p[0], y = p[1], z = p[2], k = m.conductivity()[m.layerOf(z)];
            double u0 = cx.applyAsDouble(x) * cy.applyAsDouble(y) * m.f(z);
            assertEquals(m.temperature(x, y, z), m.t0() + u0, 1e-12);
            double lap = cy.applyAsDouble(y) * m.f(z) * (cx.applyAsDouble(x + d) - 2 * cx.applyAsDouble(x) + cx.applyAsDouble(x - d)) / (d * d)
                    + cx.applyAsDouble(x) * m.f(z) * (cy.applyAsDouble(y + d) - 2 * cy.applyAsDouble(y) + cy.applyAsDouble(y - d)) / (d * d)
                    + cx.applyAsDouble(x) * cy.applyAsDouble(y) * (m.f(z + d) - 2 * m.f(z) + m.f(z - d)) / (d * d);
            double q = m.source(x, y, z);
            assertEquals(q, -k * lap, 1e-4 * Math.abs(q), "at " + java.util.Arrays.toString(p));
        }
        // continuity of T and of k dT/dz at the interfaces
        double zi = m.thickness()[0];
        assertEquals(m.f(zi - 1e-12), m.f(zi + 1e-12), 1e-9);
        double fb = m.conductivity()[0] * (m.f(zi) - m.f(zi - 1e-9)) / 1e-9;
        double fa = m.conductivity()[1] * (m.f(zi + 1e-9) - m.f(zi)) / 1e-9;
        assertEquals(fb, fa, 1e-4 * Math.abs(fb));
    }
}
