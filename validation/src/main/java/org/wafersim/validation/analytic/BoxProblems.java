package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;

/** Grids for the analytical reference problems: boxes of horizontal layers, one material id per layer. */
public final class BoxProblems {
    private BoxProblems() { }

    /** Splits every cell of a face array into {@code factor} equal cells (nested refinement). */
    public static double[] refine(double[] f, int factor) {
        double[] r = new double[(f.length - 1) * factor + 1];
        for (int i = 0; i < f.length - 1; i++)
            for (int s = 0; s < factor; s++) r[i * factor + s] = f[i] + (f[i + 1] - f[i]) * s / factor;
        r[r.length - 1] = f[f.length - 1];
        return r;
    }

    /** n cells on [a, b], sizes growing geometrically by ratio r from a towards b (r &lt; 1: shrinking). */
    public static double[] graded(double a, double b, int n, double r) {
        double[] w = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(r, i);
            s += w[i];
        }
        double[] f = new double[n + 1];
        f[0] = a;
        for (int i = 0; i < n; i++) f[i + 1] = f[i] + (b - a) * w[i] / s;
        f[n] = b;
        return f;
    }

    /**
     * Faces for layers of the given thicknesses (bottom to top), n cells each, graded geometrically by ratio r
     * symmetrically: the smallest cells sit at both interfaces of every layer, where the profile bends.
     */
    public static double[] layeredZ(double[] thickness, int n, double r) {
        double[] z = new double[thickness.length * n + 1];
        double[] w = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(r, Math.min(i, n - 1 - i));
            s += w[i];
        }
        int m = 0;
        double z0 = 0;
        for (double t : thickness) {
            for (int i = 0; i < n; i++, m++) z[m + 1] = z[m] + t * w[i] / s;
            z0 += t;
            z[m] = z0;   // the interface exactly, not the rounded running sum
        }
        return z;
    }

    /** Layer start indices {0, n, 2n, ..., layers*n}: every layer n cells thick. */
    public static int[] everyN(int layers, int n) {
        int[] k = new int[layers + 1];
        for (int l = 0; l <= layers; l++) k[l] = l * n;
        return k;
    }

    /**
     * A grid whose z-cells [kFrom[l], kFrom[l+1]) form layer l (bottom to top) with material id l; the active layer
     * is the given layer.
     */
    public static Grid layered(double[] xf, double[] yf, double[] zf, int[] kFrom, int activeLayer) {
        int nx = xf.length - 1, ny = yf.length - 1, nz = zf.length - 1, layers = kFrom.length - 1;
        short[] mat = new short[nx * ny * nz];
        for (int l = 0; l < layers; l++)
            for (int k = kFrom[l]; k < kFrom[l + 1]; k++)
                for (int c = 0; c < nx * ny; c++) mat[k * nx * ny + c] = (short) l;
        List<String> names = new ArrayList<>(), lnames = new ArrayList<>();
        int[] k0 = new int[layers], k1 = new int[layers];
        for (int i = 0; i < layers; i++) {
            int l = layers - 1 - i; // layer table is top to bottom
            names.add("m" + i);
            lnames.add("layer" + l);
            k0[i] = kFrom[l];
            k1[i] = kFrom[l + 1];
        }
        return new Grid(xf, yf, zf, mat, names, lnames, k0, k1, kFrom[activeLayer], kFrom[activeLayer + 1]);
    }
}
