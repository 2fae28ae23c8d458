package org.wafersim.mechanics;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The in-plane mechanics mesh: a tensor product of node lines xs, ys (strictly increasing, m); rectangular
 * elements between them. Node (i, j) has index j*(nx+1) + i, element (i, j) index j*nx + i, where nx, ny count
 * elements. It is independent of (usually coarser than) the thermal grid; temperatures reach it by
 * area-weighted restriction ({@link LayerStrains}).
 */
public final class PlateMesh {
    public final int nx, ny;
    private final double[] xs, ys;

    public PlateMesh(double[] xs, double[] ys) {
        if (xs.length < 2 || ys.length < 2) throw new IllegalArgumentException("mesh needs two node lines per axis");
        for (int i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) throw new IllegalArgumentException("xs not increasing");
        for (int i = 1; i < ys.length; i++) if (!(ys[i] > ys[i - 1])) throw new IllegalArgumentException("ys not increasing");
        this.xs = xs.clone();
        this.ys = ys.clone();
        nx = xs.length - 1;
        ny = ys.length - 1;
    }

    /**
     * Node lines through every breakpoint (footprint edges), each interval cut into equal parts no longer than
     * {@code spacing}.
     */
    public static PlateMesh covering(double[] breaksX, double[] breaksY, double spacing) {
        return new PlateMesh(lines(breaksX, spacing), lines(breaksY, spacing));
    }

    static double[] lines(double[] breaks, double spacing) {
        TreeSet<Double> set = new TreeSet<>();
        for (double b : breaks) set.add(b);
        double[] b = set.stream().mapToDouble(Double::doubleValue).toArray();
        // merge breakpoints closer than a millionth of the span (the same edge computed twice)
        double span = b[b.length - 1] - b[0];
        double[] u = Arrays.stream(b).distinct().toArray();
        java.util.List<Double> out = new java.util.ArrayList<>();
        out.add(u[0]);
        for (int k = 1; k < u.length; k++) {
            double a0 = out.get(out.size() - 1), a1 = u[k];
            if (a1 - a0 <= 1e-6 * span) continue;
            int n = Math.max(1, (int) Math.ceil((a1 - a0) / spacing - 1e-9));
            for (int m = 1; m <= n; m++) out.add(m == n ? a1 : a0 + (a1 - a0) * m / n);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int nodes() { return (nx + 1) * (ny + 1); }

    public int elements() { return nx * ny; }

    public int node(int i, int j) { return j * (nx + 1) + i; }

    public int element(int i, int j) { return j * nx + i; }

    public double x(int i) { return xs[i]; }

    public double y(int j) { return ys[j]; }

    public double xc(int i) { return 0.5 * (xs[i] + xs[i + 1]); }

    public double yc(int j) { return 0.5 * (ys[j] + ys[j + 1]); }

    public double dx(int i) { return xs[i + 1] - xs[i]; }

    public double dy(int j) { return ys[j + 1] - ys[j]; }

    public double[] xs() { return xs.clone(); }

    public double[] ys() { return ys.clone(); }

    /** Index of the node line nearest to v. */
    static int nearest(double[] f, double v) {
        int best = 0;
        for (int i = 1; i < f.length; i++) if (Math.abs(f[i] - v) < Math.abs(f[best] - v)) best = i;
        return best;
    }

    public int nearestNodeX(double x) { return nearest(xs, x); }

    public int nearestNodeY(double y) { return nearest(ys, y); }
}
