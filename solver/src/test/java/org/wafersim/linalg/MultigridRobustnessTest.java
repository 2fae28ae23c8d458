package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Robustness of the multigrid-preconditioned CG: the average residual reduction per iteration,
 * rho = (||r_n|| / ||r_0||)^(1/n), must not degrade by more than 20 % against the baseline (64^2 in-plane, layer
 * aspect ratio 1, no contrast) when the in-plane size grows to 512^2, the cell aspect ratio (dx/dz) to 1000, or the
 * conductivity contrast between layers to 10^4. "Degrade by 20 %" is measured on the convergence rate -ln(rho) (the
 * reduction achieved per iteration): rate >= 0.8 * baseline rate.
 */
class MultigridRobustnessTest {

    /** A box of layers two cells thick with alternating conductivity 1 and contrast, convective top and bottom. */
    static Stencil7 layeredBox(int n, int nz, double aspect, double contrast, Parallel par) {
        double dx = 1.0 / n, dz = dx / aspect;
        Stencil7 s = new Stencil7(n, n, nz);
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int c = s.index(i, j, k);
                    double kk = ((k / 2) % 2 == 0) ? 1 : contrast;
                    s.active[c] = true;
                    if (i < n - 1) s.gx[c] = kk * dz;
                    if (j < n - 1) s.gy[c] = kk * dz;
                    if (k < nz - 1) {
                        double k2 = (((k + 1) / 2) % 2 == 0) ? 1 : contrast;
                        s.gz[c] = dx * dx / (dz / (2 * kk) + dz / (2 * k2));
                    }
                    // convective top (strong) and bottom (weak), as in a package: coolant and board back
                    if (k == nz - 1) s.gb[c] = dx * dx / (dz / (2 * kk) + 1 / 2e4);
                    if (k == 0) s.gb[c] = dx * dx / (dz / (2 * kk) + 1 / 1e3);
                }
        s.finish(par);
        return s;
    }

    static double rate(int n, int nz, double aspect, double contrast) {
        try (Parallel par = new Parallel(2)) {
            Stencil7 s = layeredBox(n, nz, aspect, contrast, par);
            double[] f = new double[n + 1];
            for (int i = 0; i <= n; i++) f[i] = (double) i / n;
            Multigrid mg = new Multigrid(s, f, f, par);
            double[] b = new double[s.size()];
            Random rnd = new Random(42);
            for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble();
            double[] x = new double[s.size()];
            Pcg.Result r = new Pcg(par).solve(s, mg::precondition, b, x, 1e-8, 100);
            assertTrue(r.converged(), "did not converge");
            double rho = Math.pow(r.history()[r.iterations()] / r.history()[0], 1.0 / r.iterations());
            System.out.printf("multigrid n=%d nz=%d aspect=%g contrast=%g: %d iterations, rho=%.3f%n",
                    n, nz, aspect, contrast, r.iterations(), rho);
            return -Math.log(rho);
        }
    }

    @ParameterizedTest(name = "n={0} aspect={1} contrast={2}")
    @CsvSource({
            "512, 1, 1",
            "64, 10, 1",
            "64, 1000, 1",
            "64, 1, 100",
            "64, 1, 10000",
            "64, 1000, 10000",
            "256, 1000, 10000"})
    void convergenceRateDoesNotDegrade(int n, double aspect, double contrast) {
        double base = rate(64, 8, 1, 1);
        double r = rate(n, 8, aspect, contrast);
        assertTrue(r >= 0.8 * base, String.format("rate %.3f < 0.8 x baseline %.3f", r, base));
    }
}
