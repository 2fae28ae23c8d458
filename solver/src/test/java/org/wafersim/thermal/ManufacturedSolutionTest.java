package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * Manufactured solution with layered, piecewise-constant conductivity: T = T0 + cos(pi x/Lx) cos(pi y/Ly) f(z),
 * where the vertical flux F(z) = k_l f'(z) = F0 + 2 C z is one linear function across all layers, so T and the
 * normal flux are continuous at every interface. The source is
 * q = cos cos [k_l (pi^2/Lx^2 + pi^2/Ly^2) f(z) - 2 C]; sides are adiabatic (cos has zero slope there), top and
 * bottom have the exact temperature imposed. The observed order over three nested grids must be 2 +- 0.15.
 */
class ManufacturedSolutionTest {
    static final double LX = 2e-3, LY = 1.5e-3, T0 = 320, F0 = 40, C = 3e4;
    static final double[] TH = {0.4e-3, 0.1e-3, 0.3e-3};     // layer thicknesses, bottom to top
    static final double[] K = {150, 1.5, 400};                // contrast 270 between neighbours

    static double f(double z) {
        double zl = 0, fl = 0;
        for (int l = 0; l < TH.length; l++) {
            double zt = zl + TH[l];
            if (z <= zt || l == TH.length - 1)
                return fl + (F0 * (z - zl) + C * (z * z - zl * zl)) / K[l];
            fl += (F0 * (zt - zl) + C * (zt * zt - zl * zl)) / K[l];
            zl = zt;
        }
        throw new AssertionError();
    }

    static int layerOf(double z) {
        double zl = 0;
        for (int l = 0; l < TH.length; l++) {
            zl += TH[l];
            if (z < zl) return l;
        }
        return TH.length - 1;
    }

    static double exact(double x, double y, double z) {
        return T0 + Math.cos(Math.PI * x / LX) * Math.cos(Math.PI * y / LY) * f(z);
    }

    /** Returns {max error, rms error} on a grid with m cells per layer in z and 4m x 3m in-plane (graded). */
    static double[] run(int m, int threads) {
        double[] xf = TestGrids.refine(new double[]{0, 0.3e-3, 0.8e-3, 1.4e-3, 2e-3}, m);
        double[] yf = TestGrids.refine(new double[]{0, 0.6e-3, 1.1e-3, 1.5e-3}, m);
        double[] zf = TestGrids.refine(TestGrids.layeredZ(TH, 2, 1.5), m / 2);
        int perLayer = m;
        Grid g = TestGrids.layered(xf, yf, zf, 3, perLayer);
        double[] q = new double[g.cells()];
        double s = Math.PI * Math.PI / (LX * LX) + Math.PI * Math.PI / (LY * LY);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double x = g.xc(i), y = g.yc(j), z = g.zc(k);
                    int l = layerOf(z);
                    q[g.index(i, j, k)] = Math.cos(Math.PI * x / LX) * Math.cos(Math.PI * y / LY)
                            * (K[l] * s * f(z) - 2 * C);
                }
        double ztop = zf[zf.length - 1];
        BoundaryFaces bf = BoundaryFaces.scan(g, (face, i, j, k) -> switch (face) {
            case ZMIN -> new Convection(Double.POSITIVE_INFINITY, exact(g.xc(i), g.yc(j), 0), "bottom");
            case ZMAX -> new Convection(Double.POSITIVE_INFINITY, exact(g.xc(i), g.yc(j), ztop), "top");
            default -> null;
        });
        ThermalProblem p = new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K[0]),
                ConductivityLaw.isotropic(K[1]), ConductivityLaw.isotropic(K[2])), q, bf);
        SteadyResult r;
        try (Parallel par = new Parallel(threads)) {
            r = new SteadySolver(par, new SteadySolver.Options(1e-12, 200, 1e-9, 5, false)).solve(p, null);
        }
        double max = 0, sum = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double e = r.temperature()[g.index(i, j, k)] - exact(g.xc(i), g.yc(j), g.zc(k));
                    max = Math.max(max, Math.abs(e));
                    sum += e * e;
                }
        return new double[]{max, Math.sqrt(sum / g.cells())};
    }

    @Test
    void secondOrderOnThreeNestedGrids() {
        int[] ms = {4, 8, 16};
        double[][] e = new double[ms.length][];
        for (int i = 0; i < ms.length; i++) e[i] = run(ms[i], 2);
        for (int i = 1; i < ms.length; i++) {
            double orderMax = Math.log(e[i - 1][0] / e[i][0]) / Math.log(2);
            double orderRms = Math.log(e[i - 1][1] / e[i][1]) / Math.log(2);
            assertEquals(2.0, orderRms, 0.15, "rms order between m=" + ms[i - 1] + " and " + ms[i]);
            assertEquals(2.0, orderMax, 0.15, "max order between m=" + ms[i - 1] + " and " + ms[i]);
        }
    }
}
