package org.wafersim.mechanics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** Whether each node line is a breakpoint (a footprint edge, an end of an equally divided interval). */
    private final boolean[] breakX, breakY;

    /** A mesh whose only breakpoints are its outer lines (the model finds footprint edges itself). */
    public PlateMesh(double[] xs, double[] ys) { this(xs, ys, null, null); }

    private PlateMesh(double[] xs, double[] ys, boolean[] breakX, boolean[] breakY) {
        if (xs.length < 2 || ys.length < 2) throw new IllegalArgumentException("mesh needs two node lines per axis");
        for (int i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) throw new IllegalArgumentException("xs not increasing");
        for (int i = 1; i < ys.length; i++) if (!(ys[i] > ys[i - 1])) throw new IllegalArgumentException("ys not increasing");
        this.xs = xs.clone();
        this.ys = ys.clone();
        nx = xs.length - 1;
        ny = ys.length - 1;
        this.breakX = breakX != null ? breakX.clone() : ends(xs.length);
        this.breakY = breakY != null ? breakY.clone() : ends(ys.length);
    }

    private static boolean[] ends(int n) {
        boolean[] b = new boolean[n];
        b[0] = b[n - 1] = true;
        return b;
    }

    /**
     * Node lines through every breakpoint (footprint edges), each interval cut into equal parts no longer than
     * {@code spacing}.
     */
    public static PlateMesh covering(double[] breaksX, double[] breaksY, double spacing) {
        List<Boolean> bx = new ArrayList<>(), by = new ArrayList<>();
        double[] xs = lines(breaksX, spacing, bx), ys = lines(breaksY, spacing, by);
        return new PlateMesh(xs, ys, toArray(bx), toArray(by));
    }

    private static boolean[] toArray(List<Boolean> l) {
        boolean[] b = new boolean[l.size()];
        for (int i = 0; i < b.length; i++) b[i] = l.get(i);
        return b;
    }

    static double[] lines(double[] breaks, double spacing) { return lines(breaks, spacing, new ArrayList<>()); }

    /** As {@link #lines(double[], double)}; {@code isBreak} receives, per line, whether it is a breakpoint. */
    private static double[] lines(double[] breaks, double spacing, List<Boolean> isBreak) {
        TreeSet<Double> set = new TreeSet<>();
        for (double b : breaks) set.add(b);
        double[] b = set.stream().mapToDouble(Double::doubleValue).toArray();
        // merge breakpoints closer than a millionth of the span (the same edge computed twice)
        double span = b[b.length - 1] - b[0];
        double[] u = Arrays.stream(b).distinct().toArray();
        List<Double> out = new ArrayList<>();
        out.add(u[0]);
        isBreak.add(true);
        for (int k = 1; k < u.length; k++) {
            double a0 = out.get(out.size() - 1), a1 = u[k];
            if (a1 - a0 <= 1e-6 * span) continue;
            int n = Math.max(1, (int) Math.ceil((a1 - a0) / spacing - 1e-9));
            for (int m = 1; m <= n; m++) {
                out.add(m == n ? a1 : a0 + (a1 - a0) * m / n);
                isBreak.add(m == n);
            }
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

    public boolean isBreakX(int i) { return breakX[i]; }

    public boolean isBreakY(int j) { return breakY[j]; }

    /**
     * The node lines a coarser mesh keeps: every line marked in {@code keep} (and both ends), and inside each run
     * between two such lines every other line counted from the run's start, so that each coarse interval spans
     * one or two fine ones. Returns the kept fine line indices, ascending.
     */
    static int[] coarseLines(boolean[] keep) {
        int n = keep.length;
        int[] out = new int[n];
        int m = 0, start = 0;
        out[m++] = 0;
        for (int i = 1; i < n; i++) {
            if (keep[i] || i == n - 1) {
                out[m++] = i;
                start = i;
            } else if ((i - start) % 2 == 0) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The mesh of the fine lines {@code ix}, {@code iy} (from {@link #coarseLines}); a line is a breakpoint there
     * if it is one here. Its finite-element spaces contain this mesh's (nested meshes).
     */
    PlateMesh subMesh(int[] ix, int[] iy) {
        double[] cx = new double[ix.length], cy = new double[iy.length];
        boolean[] bx = new boolean[ix.length], by = new boolean[iy.length];
        for (int k = 0; k < ix.length; k++) { cx[k] = xs[ix[k]]; bx[k] = breakX[ix[k]]; }
        for (int k = 0; k < iy.length; k++) { cy[k] = ys[iy[k]]; by[k] = breakY[iy[k]]; }
        return new PlateMesh(cx, cy, bx, by);
    }

    /** Index of the node line nearest to v. */
    static int nearest(double[] f, double v) {
        int best = 0;
        for (int i = 1; i < f.length; i++) if (Math.abs(f[i] - v) < Math.abs(f[best] - v)) best = i;
        return best;
    }

    public int nearestNodeX(double x) { return nearest(xs, x); }

    public int nearestNodeY(double y) { return nearest(ys, y); }
}
