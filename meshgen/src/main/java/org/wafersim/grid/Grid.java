package org.wafersim.grid;

import java.util.Arrays;
import java.util.List;

/**
 * A rectilinear, non-uniform, cell-centred grid: cell faces at {@code xf[0..nx]}, {@code yf[0..ny]},
 * {@code zf[0..nz]} (m); one material per cell ({@code -1} = void, i.e. no material: not part of the solve).
 * Fields on the grid are flat {@code double[]} with index {@code (k*ny + j)*nx + i} (z slowest), which is the
 * HDF5 {@code [z][y][x]} order of the result file.
 *
 * <p>The z axis points up: {@code zf[0]} is the board's back face, {@code zf[nz]} the top of the cold plate.
 * Layers are z-slabs {@code [layerK0[l], layerK1[l])} of cells; {@code layers} is ordered top to bottom as in the
 * case file, so layer 0 occupies the highest k.
 */
public final class Grid {
    public final int nx, ny, nz;
    private final double[] xf, yf, zf;
    private final short[] material;
    private final List<String> materialNames;
    private final List<String> layerNames;
    private final int[] layerK0, layerK1;
    private final int activeK0, activeK1;

    /**
     * @param xf, yf, zf     strictly increasing face coordinates (m)
     * @param material       material id per cell, -1 for void; length nx*ny*nz
     * @param materialNames  names for the material ids
     * @param layerNames     layer names, top to bottom
     * @param layerK0, layerK1 half-open z-cell range of each layer
     * @param activeK0, activeK1 half-open z-cell range of the heat-generating active layer
     */
    public Grid(double[] xf, double[] yf, double[] zf, short[] material, List<String> materialNames,
                List<String> layerNames, int[] layerK0, int[] layerK1, int activeK0, int activeK1) {
        this.nx = xf.length - 1;
        this.ny = yf.length - 1;
        this.nz = zf.length - 1;
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("grid needs at least one cell per axis");
        checkIncreasing(xf, "x");
        checkIncreasing(yf, "y");
        checkIncreasing(zf, "z");
        if (material.length != (long) nx * ny * nz)
            throw new IllegalArgumentException("material array length " + material.length + " != " + (long) nx * ny * nz);
        if (layerNames.size() != layerK0.length || layerK0.length != layerK1.length)
            throw new IllegalArgumentException("layer table sizes differ");
        this.xf = xf.clone();
        this.yf = yf.clone();
        this.zf = zf.clone();
        this.material = material;
        this.materialNames = List.copyOf(materialNames);
        this.layerNames = List.copyOf(layerNames);
        this.layerK0 = layerK0.clone();
        this.layerK1 = layerK1.clone();
        this.activeK0 = activeK0;
        this.activeK1 = activeK1;
    }

    private static void checkIncreasing(double[] f, String axis) {
        for (int i = 1; i < f.length; i++)
            if (!(f[i] > f[i - 1])) throw new IllegalArgumentException(axis + " faces not increasing at " + i);
    }

    public int cells() { return nx * ny * nz; }
    public int index(int i, int j, int k) { return (k * ny + j) * nx + i; }

    public double[] xFaces() { return xf.clone(); }
    public double[] yFaces() { return yf.clone(); }
    public double[] zFaces() { return zf.clone(); }
    public double xf(int i) { return xf[i]; }
    public double yf(int j) { return yf[j]; }
    public double zf(int k) { return zf[k]; }
    public double dx(int i) { return xf[i + 1] - xf[i]; }
    public double dy(int j) { return yf[j + 1] - yf[j]; }
    public double dz(int k) { return zf[k + 1] - zf[k]; }
    public double xc(int i) { return 0.5 * (xf[i] + xf[i + 1]); }
    public double yc(int j) { return 0.5 * (yf[j] + yf[j + 1]); }
    public double zc(int k) { return 0.5 * (zf[k] + zf[k + 1]); }

    /** Material id of a cell, -1 for void. */
    public int material(int cell) { return material[cell]; }
    public boolean isVoid(int cell) { return material[cell] < 0; }
    /** The material-id array itself (read-only by convention; not copied because it is as large as a field). */
    public short[] materialIds() { return material; }
    public List<String> materialNames() { return materialNames; }

    public List<String> layerNames() { return layerNames; }
    public int layerK0(int layer) { return layerK0[layer]; }
    public int layerK1(int layer) { return layerK1[layer]; }
    public int layerCount() { return layerNames.size(); }
    public int layerIndex(String name) { return layerNames.indexOf(name); }
    /** Layer containing z-cell k. */
    public int layerOfK(int k) {
        for (int l = 0; l < layerK0.length; l++) if (k >= layerK0[l] && k < layerK1[l]) return l;
        return -1;
    }
    public int activeK0() { return activeK0; }
    public int activeK1() { return activeK1; }

    /** Index of the cell containing coordinate v on the faces f (clamped to the grid). */
    public static int locate(double[] f, double v) {
        int p = Arrays.binarySearch(f, v);
        int i = p >= 0 ? p : -p - 2;
        return Math.max(0, Math.min(f.length - 2, i));
    }
    /**
     * For each interval of the increasing faces {@code gf}, the range [lo, hi) of intervals of the increasing faces
     * {@code mf} that overlap it with positive length (a merge of the two lists: linear in their lengths). For
     * remapping a field given on its own cells (a source map, a temperature field) onto the grid.
     */
    public static int[][] overlapRanges(double[] gf, double[] mf) {
        int n = gf.length - 1, m = mf.length - 1;
        int[][] r = new int[n][2];
        int lo = 0;
        for (int i = 0; i < n; i++) {
            while (lo < m && mf[lo + 1] <= gf[i]) lo++;
            int hi = lo;
            while (hi < m && mf[hi] < gf[i + 1]) hi++;
            r[i][0] = lo;
            r[i][1] = Math.max(lo, hi);
        }
        return r;
    }

    public int locateX(double x) { return locate(xf, x); }
    public int locateY(double y) { return locate(yf, y); }
    public int locateZ(double z) { return locate(zf, z); }

    /**
     * Volume-weighted mean of a cell field over the solid (non-void) cells of the z-slab {@code k0 <= k < k1}, e.g. a
     * layer ({@link #layerK0}, {@link #layerK1}) or the active layer: sum(f_c V_c) / sum(V_c), summed in cell order;
     * NaN when the slab has no solid cell.
     */
    public double volumeMean(double[] field, int k0, int k1) {
        double sum = 0, vol = 0;
        for (int k = k0; k < k1; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int c = index(i, j, k);
                    if (isVoid(c)) continue;
                    double v = dx(i) * dy(j) * dz(k);
                    sum += field[c] * v;
                    vol += v;
                }
        return sum / vol;
    }

    @Override public String toString() {
        return "Grid[" + nx + " x " + ny + " x " + nz + " = " + cells() + " cells]";
    }
}
