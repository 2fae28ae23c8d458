package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multigrid preconditioner's building blocks on random layered operators (thin, strongly coupled z-layers,
 * graded in-plane widths, void cells): the one-colour residual the restriction relies on, the symmetry that CG
 * needs, and the in-place rebuild.
 */
class MultigridTest {
    private static Parallel par;

    @BeforeAll static void pool() { par = new Parallel(2); }
    @AfterAll static void close() { par.close(); }

    /** A random SPD 7-point operator: z couplings up to 1e3 x the in-plane ones, a few void cells, a cooled top. */
    static Stencil7 randomOperator(int nx, int ny, int nz, long seed) {
        return randomOperator(nx, ny, nz, seed, par);
    }

    static Stencil7 randomOperator(int nx, int ny, int nz, long seed, Parallel par) {
        Random r = new Random(seed);
        Stencil7 a = new Stencil7(nx, ny, nz);
        for (int c = 0; c < a.size(); c++) {
            a.active[c] = r.nextDouble() > 0.05;
            a.gx[c] = (float) (0.5 + r.nextDouble());
            a.gy[c] = (float) (0.5 + r.nextDouble());
            a.gz[c] = (float) Math.pow(10, 3 * r.nextDouble());
        }
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                a.gx[a.index(nx - 1, j, 0)] = 0;
                int top = a.index(i, j, nz - 1);
                a.active[top] = true;
                a.gb[top] = 2 + r.nextDouble();
            }
        for (int c = 0; c < a.size(); c++) {
            int i = c % nx, j = (c / nx) % ny, k = c / (nx * ny);
            if (i == nx - 1) a.gx[c] = 0;
            if (j == ny - 1) a.gy[c] = 0;
            if (k == nz - 1) a.gz[c] = 0;
        }
        a.finish(par);
        return a;
    }

    static double[] faces(int n, long seed) {
        Random r = new Random(seed);
        double[] f = new double[n + 1];
        for (int i = 1; i <= n; i++) f[i] = f[i - 1] + (i % 7 == 3 ? 0.15 : 1) * (0.8 + 0.4 * r.nextDouble());
        return f;
    }

    static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() - 0.5;
        return v;
    }

    @Test
    void oneColourResidualMatchesTheFullResidual() {
        for (int nx : new int[]{1, 2, 7, 8}) {
            Stencil7 a = randomOperator(nx, 5, 4, nx);
            LineSmoother s = new LineSmoother(a, par);
            double[] x = random(a.size(), 1), b = random(a.size(), 2), full = new double[a.size()];
            a.residual(par, b, x, full);
            double scale = 0;
            for (int c = 0; c < a.size(); c++) scale = Math.max(scale, a.diag(c) * Math.abs(x[c]) + Math.abs(b[c]));
            double[] row = new double[nx];
            for (int rw = 0; rw < a.ny * a.nz; rw++)
                for (int i0 = 0; i0 < 2; i0++) {
                    java.util.Arrays.fill(row, Double.NaN);
                    s.residualRowColourTo(rw, b, x, row, i0);
                    for (int i = 0; i < nx; i++) {
                        // the smoother's operator A' is A with its diagonal rounded up to float: at most 3e-7 of the diagonal term
                        if ((i - i0) % 2 == 0) assertEquals(full[rw * nx + i], row[i], 1e-6 * scale, "nx " + nx + " row " + rw + " i " + i);
                        else assertTrue(Double.isNaN(row[i]), "the other colour is not touched");
                    }
                }
        }
    }

    @Test
    void aRedBlackSweepLeavesNoResidualOnItsSecondColour() {
        Stencil7 a = randomOperator(9, 37, 5, 3);   // 37 rows: several row blocks of the fused sweep
        LineSmoother s = new LineSmoother(a, par);
        double[] b = random(a.size(), 4), x = random(a.size(), 5), row = new double[a.nx];
        for (boolean zero : new boolean[]{false, true}) {
            s.sweep(par, b, x, 0, zero);
            // the residual of the smoother's own (single-precision) operator, as the restriction computes it
            double scale = 0, second = 0, first = 0, bmax = 0;
            for (int c = 0; c < a.size(); c++) {
                scale = Math.max(scale, a.diag(c) * Math.abs(x[c]));
                bmax = Math.max(bmax, Math.abs(b[c]));
            }
            for (int rw = 0; rw < a.ny * a.nz; rw++) {
                int j = rw % a.ny;
                for (int colour = 0; colour < 2; colour++) {
                    int i0 = (colour + j) & 1;
                    s.residualRowColourTo(rw, b, x, row, i0);
                    for (int i = i0; i < a.nx; i += 2) {
                        if (colour == 1) second = Math.max(second, Math.abs(row[i]));
                        else first = Math.max(first, Math.abs(row[i]));
                    }
                }
            }
            // float pivots: the line solves are exact for A' to ~1e-7 of the terms that cancel in a row
            assertTrue(second <= 1e-6 * scale, "second colour residual " + second + " of " + scale);
            assertTrue(first > 1e-3 * bmax, "the first colour's residual is not trivially zero: " + first);
        }
    }

    @Test
    void theCycleIsASymmetricPositivePreconditioner() {
        Stencil7 a = randomOperator(24, 21, 6, 6);
        Multigrid mg = new Multigrid(a, faces(24, 7), faces(21, 8), par, false, 60);
        assertTrue(mg.levelCount() >= 3, "levels " + mg.levelCount());
        int n = a.size();
        double[] u = random(n, 9), v = random(n, 10), mu = new double[n], mv = new double[n];
        for (int c = 0; c < n; c++) if (!a.active[c]) u[c] = v[c] = 0;
        mg.precondition(u, mu);
        mg.precondition(v, mv);
        double uv = par.dot(u, mv), vu = par.dot(v, mu);
        // symmetric to single precision: the smoother's line solves are exactly symmetric, and they and the
        // restricted residual use the same float operator A' up to the rounding of the stored pivots (~6e-8)
        assertEquals(uv, vu, 1e-6 * Math.sqrt(par.dot(u, mu) * par.dot(v, mv)));
        assertTrue(par.dot(u, mu) > 0 && par.dot(v, mv) > 0);
        // as a preconditioner of CG on this operator: converges fast and to the requested residual
        double[] x = new double[n];
        Pcg.Result res = new Pcg(par).solve(a, mg::precondition, u, x, 1e-10, 100);
        assertTrue(res.converged() && res.relativeResidual() <= 1e-10, "residual " + res.relativeResidual());
        assertTrue(res.iterations() <= 20, "iterations " + res.iterations());
    }

    @Test
    void rebuildAfterAnInPlaceChangeEqualsANewHierarchy() {
        Stencil7 a = randomOperator(24, 21, 6, 11);
        double[] xf = faces(24, 12), yf = faces(21, 13);
        Multigrid reused = new Multigrid(a, xf, yf, par, false, 60);
        // the change a transient step makes: a new shift C/(d h) on the diagonal, new conductivities
        Random r = new Random(14);
        for (int c = 0; c < a.size(); c++) {
            a.gb[c] += r.nextDouble() * 3;
            a.gx[c] *= (float) (0.9 + 0.2 * r.nextDouble());
        }
        a.finish(par);
        reused.rebuild();
        Multigrid fresh = new Multigrid(a, xf, yf, par, false, 60);
        double[] v = random(a.size(), 15), z1 = new double[a.size()], z2 = new double[a.size()];
        reused.precondition(v, z1);
        fresh.precondition(v, z2);
        assertArrayEquals(z2, z1, 0.0);
    }
}
