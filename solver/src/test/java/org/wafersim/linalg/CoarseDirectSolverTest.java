package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.NotPositiveDefiniteException;

/** The coarsest-level direct solve: A x = b to round-off on a layered anisotropic box; a singular operator is named. */
class CoarseDirectSolverTest {
    static Stencil7 layeredBox(int nx, int ny, int nz, long seed) {
        Stencil7 a = new Stencil7(nx, ny, nz);
        Random r = new Random(seed);
        int plane = nx * ny;
        for (int c = 0; c < a.size(); c++) {
            int i = c % nx, j = (c / nx) % ny, k = c / plane;
            double kk = k % 3 == 0 ? 400 : k % 3 == 1 ? 3 : 150;     // copper / TIM / silicon-like contrast
            if (i < nx - 1) a.gx[c] = (float) (kk * (0.5 + r.nextDouble()));
            if (j < ny - 1) a.gy[c] = (float) (kk * (0.5 + r.nextDouble()));
            if (k < nz - 1) a.gz[c] = (float) (1e3 * kk * (0.5 + r.nextDouble()));   // thin layers: strong vertical coupling
        }
        for (int c = 0; c < a.size(); c++) {
            a.active[c] = true;
            if (c / plane == nz - 1) a.gb[c] = 50;                      // a convective top: positive definite
        }
        return a;
    }

    @Test
    void solvesToRoundOff() {
        for (int[] s : new int[][]{{7, 5, 4}, {16, 9, 6}, {1, 1, 3}, {12, 1, 1}}) {
            Stencil7 a = layeredBox(s[0], s[1], s[2], 42);
            double[] xTrue = new double[a.size()], b = new double[a.size()], x = new double[a.size()];
            Random r = new Random(7);
            for (int c = 0; c < xTrue.length; c++) xTrue[c] = r.nextGaussian();
            try (Parallel par = Parallel.serial()) {
                a.apply(par, xTrue, b);
                new CoarseDirectSolver(a).solve(b, x);
                double err = 0, ref = 0;
                for (int c = 0; c < x.length; c++) {
                    err = Math.max(err, Math.abs(x[c] - xTrue[c]));
                    ref = Math.max(ref, Math.abs(xTrue[c]));
                }
                // condition ~ 1e3 x 400 / 50: a backward-stable Cholesky gives ~cond x eps = 1e-10 relative at worst
                assertTrue(err <= 1e-9 * ref, "max error " + err + " on " + java.util.Arrays.toString(s));
            }
        }
    }

    @Test
    void anOperatorWithoutAHeatPathIsNamed() {
        Stencil7 a = layeredBox(4, 3, 2, 1);
        a.gb[5] = -2 * a.diag(5);   // diag(5) becomes its negative: not positive definite     // a negative self-conductance: not positive definite (an exactly singular operator
                                    // may pass by round-off; the multigrid's callers check for a heat path first)
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> new CoarseDirectSolver(a));
        assertTrue(e.getMessage().contains("coarse-grid") && e.getMessage().contains("heat path"), e.getMessage());
    }
}
