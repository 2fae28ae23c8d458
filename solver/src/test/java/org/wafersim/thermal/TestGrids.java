package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;

/** Small grids for the analytical tests: layered boxes with one material per layer. */
final class TestGrids {
    private TestGrids() { }

    static double[] uniform(double a, double b, int n) {
        double[] f = new double[n + 1];
        for (int i = 0; i <= n; i++) f[i] = a + (b - a) * i / n;
        f[n] = b;
        return f;
    }

    /** Faces for layers of the given thicknesses (bottom to top), n cells each, graded geometrically by ratio r. */
    static double[] layeredZ(double[] thickness, int n, double r) {
        double[] z = new double[thickness.length * n + 1];
        int m = 0;
        double z0 = 0;
        for (double t : thickness) {
            // symmetric grading: small cells at both interfaces
            double[] w = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                int d = Math.min(i, n - 1 - i);
                w[i] = Math.pow(r, d);
                s += w[i];
            }
            for (int i = 0; i < n; i++) {
                z[m + 1] = z[m] + t * w[i] / s;
                m++;
            }
            z0 += t;
            z[m] = z0;
        }
        return z;
    }

    /** Splits every cell of the face array into {@code factor} equal cells (nested refinement). */
    static double[] refine(double[] f, int factor) {
        double[] r = new double[(f.length - 1) * factor + 1];
        for (int i = 0; i < f.length - 1; i++)
            for (int s = 0; s < factor; s++) r[i * factor + s] = f[i] + (f[i + 1] - f[i]) * s / factor;
        r[r.length - 1] = f[f.length - 1];
        return r;
    }

    /** A grid whose layer l (bottom to top) is z-cells [l*n, (l+1)*n) with material id l. */
    static Grid layered(double[] xf, double[] yf, double[] zf, int layers, int n) {
        int nx = xf.length - 1, ny = yf.length - 1, nz = zf.length - 1;
        short[] mat = new short[nx * ny * nz];
        for (int k = 0; k < nz; k++)
            for (int c = 0; c < nx * ny; c++) mat[k * nx * ny + c] = (short) (k / n);
        List<String> names = new ArrayList<>();
        List<String> lnames = new ArrayList<>();
        int[] k0 = new int[layers], k1 = new int[layers];
        for (int l = 0; l < layers; l++) {
            names.add("m" + l);
            // layer table is top to bottom
            int top = layers - 1 - l;
            lnames.add("layer" + top);
            k0[l] = top * n;
            k1[l] = (top + 1) * n;
        }
        return new Grid(xf, yf, zf, mat, names, lnames, k0, k1, 0, n);
    }
}
