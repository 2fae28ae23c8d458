package org.wafersim.power;

import java.util.Arrays;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;

/**
 * Overlap between the cores and the in-plane cells of a grid, computed separably: the cores form a tensor-product
 * array of global columns (x intervals) and global rows (y intervals), see {@link CoreArray}, so the map stores for
 * each global column the range of x-cells it overlaps and the overlap lengths, and the same for each global row.
 * A core's overlap with cell (i, j) is the product of its column's x-overlap with cell i and its row's y-overlap
 * with cell j. Storage is O(columns + rows); {@link #depositPower} and {@link #coreMean} cost O(cores + cells) and
 * allocate nothing per core. Works for any {@code cells_per_core}: with 0.25 one cell spans about 4 x 4 cores (a core
 * may straddle two cells), with 2 a core covers 2 x 2 cells.
 *
 * <p>The heat source and the per-core temperature live in the wafer's active layer: cells {@code k} in
 * {@code [activeK0, activeK1)}; power is spread uniformly through that slab and means are volume-weighted over it.
 */
public final class CoreCellMap {
    /** Overlaps shorter than this fraction of the core's width are round-off slivers and are dropped. */
    private static final double SLIVER = 1e-9;

    private final CoreArray cores;
    private final int nx, ny;
    private final double[] xfRef, yfRef;
    // per global column: first x-cell, number of x-cells, offset into xFrac
    private final int[] xStart, xCount, xOff;
    private final double[] xFrac;   // fraction of the core's width lying in each cell (sums to 1 per column)
    private final double[] xLen;    // overlap length (m)
    private final int[] yStart, yCount, yOff;
    private final double[] yFrac, yLen;

    private CoreCellMap(CoreArray cores, double[] xf, double[] yf) {
        this.cores = cores;
        this.nx = xf.length - 1;
        this.ny = yf.length - 1;
        this.xfRef = xf;
        this.yfRef = yf;
        int gcs = cores.globalColumns(), grs = cores.globalRows();
        xStart = new int[gcs];
        xCount = new int[gcs];
        xOff = new int[gcs + 1];
        double[][] xs = axis(xf, gcs, true, xStart, xCount, xOff);
        xFrac = xs[0];
        xLen = xs[1];
        yStart = new int[grs];
        yCount = new int[grs];
        yOff = new int[grs + 1];
        double[][] ys = axis(yf, grs, false, yStart, yCount, yOff);
        yFrac = ys[0];
        yLen = ys[1];
    }

    /** The map between the cores and the in-plane cells of grid {@code g}. */
    public static CoreCellMap of(Grid g, CoreArray cores) {
        return new CoreCellMap(cores, g.xFaces(), g.yFaces());
    }

    private double[][] axis(double[] f, int count, boolean isX, int[] start, int[] cnt, int[] off) {
        int n = f.length - 1;
        double[] frac = new double[count * 2 + 8];
        double[] len = new double[frac.length];
        int used = 0;
        for (int g = 0; g < count; g++) {
            double a = isX ? cores.columnX0(g) : cores.rowY0(g);
            double b = isX ? cores.columnX1(g) : cores.rowY1(g);
            if (a < f[0] - 1e-12 || b > f[n] + 1e-12)
                throw new IllegalArgumentException("core " + (isX ? "column " : "row ") + g + " lies outside the grid");
            double w = b - a;
            int i = Grid.locate(f, a);
            int first = -1, m = 0;
            double tot = 0;
            off[g] = used;
            for (; i < n && f[i] < b; i++) {
                double ov = Math.min(f[i + 1], b) - Math.max(f[i], a);
                if (!(ov > SLIVER * w)) {
                    if (first >= 0) break;      // a trailing sliver: done
                    continue;                   // a leading sliver
                }
                if (first < 0) first = i;
                if (used == frac.length) {
                    frac = Arrays.copyOf(frac, 2 * used);
                    len = Arrays.copyOf(len, 2 * used);
                }
                len[used] = ov;
                used++;
                m++;
                tot += ov;
            }
            if (m == 0) throw new IllegalArgumentException("core " + (isX ? "column " : "row ") + g + " covers no cell");
            for (int q = off[g]; q < used; q++) frac[q] = len[q] / tot;
            start[g] = first;
            cnt[g] = m;
        }
        off[count] = used;
        return new double[][] {Arrays.copyOf(frac, used), Arrays.copyOf(len, used)};
    }

    public CoreArray cores() { return cores; }

    // ---- per-core overlap ----------------------------------------------------------------------------------------

    /** First x-cell overlapped by core c. */
    public int xCellStart(int c) { return xStart[cores.globalColumn(c)]; }
    /** Number of x-cells overlapped by core c. */
    public int xCellCount(int c) { return xCount[cores.globalColumn(c)]; }
    /** Fraction of core c's width lying in x-cell {@code xCellStart(c) + m} (sums to 1 over m). */
    public double xFraction(int c, int m) { return xFrac[xOff[cores.globalColumn(c)] + m]; }
    /** Fraction of the width of x-cell {@code xCellStart(c) + m} covered by core c. */
    public double xCoverage(int c, int m) {
        int gc = cores.globalColumn(c), i = xStart[gc] + m;
        return xLen[xOff[gc] + m] / (xfRef[i + 1] - xfRef[i]);
    }
    public int yCellStart(int c) { return yStart[cores.globalRow(c)]; }
    public int yCellCount(int c) { return yCount[cores.globalRow(c)]; }
    public double yFraction(int c, int m) { return yFrac[yOff[cores.globalRow(c)] + m]; }
    public double yCoverage(int c, int m) {
        int gr = cores.globalRow(c), j = yStart[gr] + m;
        return yLen[yOff[gr] + m] / (yfRef[j + 1] - yfRef[j]);
    }

    // ---- deposit and mean ----------------------------------------------------------------------------------------

    /** Power per in-plane cell (W, length nx*ny, index j*nx + i) from power per core (W). */
    public double[] inPlanePower(double[] corePower) {
        double[] p2 = new double[nx * ny];
        inPlanePower(corePower, p2);
        return p2;
    }

    private void inPlanePower(double[] corePower, double[] p2) {
        if (corePower.length != cores.coreCount())
            throw new IllegalArgumentException("need one power per core: " + corePower.length + " != " + cores.coreCount());
        Arrays.fill(p2, 0.0);
        for (int c = 0, nc = cores.coreCount(); c < nc; c++) {
            double p = corePower[c];
            if (p == 0.0) continue;
            int gc = cores.globalColumn(c), gr = cores.globalRow(c);
            int i0 = xStart[gc], xo = xOff[gc], xn = xCount[gc];
            int j0 = yStart[gr], yo = yOff[gr], yn = yCount[gr];
            for (int b = 0; b < yn; b++) {
                double py = p * yFrac[yo + b];
                int row = (j0 + b) * nx + i0;
                for (int a = 0; a < xn; a++) p2[row + a] += py * xFrac[xo + a];
            }
        }
    }

    /**
     * Volumetric power density (W/m^3, length {@code g.cells()}) of the core powers (W), spread over the active-layer
     * cells in proportion to overlap volume; zero elsewhere. Conservative: sum(q*V) = sum(corePower) to round-off.
     */
    public double[] depositPower(Grid g, double[] corePower) {
        double[] q = new double[g.cells()];
        depositPower(g, corePower, q);
        return q;
    }

    /** As {@link #depositPower(Grid, double[])}, into {@code q} (overwritten entirely). */
    public void depositPower(Grid g, double[] corePower, double[] q) {
        checkGrid(g);
        if (q.length != g.cells()) throw new IllegalArgumentException("q has length " + q.length + ", grid has " + g.cells());
        Arrays.fill(q, 0.0);
        depositRows(g, corePower, q, 0, new double[nx * ny]);
    }

    /**
     * As {@link #depositPower(Grid, double[], double[])} for the active layer's cells only: {@code qActive} has
     * (activeK1 - activeK0) nx ny entries, entry s being cell activeK0 nx ny + s (the cells outside the active
     * layer, all zero, are not stored). The values are those of the whole-grid deposit, bit for bit.
     */
    public void depositActive(Grid g, double[] corePower, double[] qActive) {
        depositActive(g, corePower, qActive, new double[nx * ny]);
    }

    /**
     * As {@link #depositActive(Grid, double[], double[])} with {@code plane} (nx ny entries, overwritten) as the
     * in-plane scratch: a caller that deposits every outer round keeps one instead of allocating a plane each time.
     */
    public void depositActive(Grid g, double[] corePower, double[] qActive, double[] plane) {
        checkGrid(g);
        int k0 = g.activeK0(), k1 = g.activeK1();
        if (qActive.length != (k1 - k0) * nx * ny)
            throw new IllegalArgumentException("qActive has length " + qActive.length + ", the active layer has "
                    + (k1 - k0) * nx * ny + " cells");
        Arrays.fill(qActive, 0.0);
        depositRows(g, corePower, qActive, k0, plane);
    }

    /**
     * Writes the density of the core powers into the active layer's non-zero cells of {@code out}, whose plane 0 is
     * grid plane {@code kFirst}: density = in-plane power / (dx dy h_active), the same arithmetic for both deposits.
     */
    private void depositRows(Grid g, double[] corePower, double[] out, int kFirst, double[] p2) {
        checkPlane(p2);
        inPlanePower(corePower, p2);
        int k0 = g.activeK0(), k1 = g.activeK1();
        double hAct = g.zf(k1) - g.zf(k0);
        double[] invDx = new double[nx];
        for (int i = 0; i < nx; i++) invDx[i] = 1.0 / g.dx(i);
        for (int k = k0; k < k1; k++) {
            for (int j = 0; j < ny; j++) {
                double s = 1.0 / (g.dy(j) * hAct);
                int r2 = j * nx, r3 = ((k - kFirst) * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    double p = p2[r2 + i];
                    if (p != 0.0) out[r3 + i] = p * invDx[i] * s;
                }
            }
        }
    }

    /**
     * Per-core mean of a cell field over the active-layer cells under each core: area-weighted in-plane
     * (by overlap area) and volume-weighted through the active slab.
     */
    public double[] coreMean(Grid g, double[] cellField) {
        double[] m = new double[cores.coreCount()];
        coreMean(g, cellField, m);
        return m;
    }

    /** As {@link #coreMean(Grid, double[])}, into {@code out} (length coreCount()). */
    public void coreMean(Grid g, double[] cellField, double[] out) {
        coreMean(g, cellField, out, new double[nx * ny]);
    }

    /** As {@link #coreMean(Grid, double[], double[])} with {@code plane} (nx ny entries, overwritten) as scratch. */
    public void coreMean(Grid g, double[] cellField, double[] out, double[] plane) {
        checkGrid(g);
        checkPlane(plane);
        if (cellField.length != g.cells())
            throw new IllegalArgumentException("field has length " + cellField.length + ", grid has " + g.cells());
        if (out.length != cores.coreCount())
            throw new IllegalArgumentException("out has length " + out.length + ", need " + cores.coreCount());
        int k0 = g.activeK0(), k1 = g.activeK1();
        double hAct = g.zf(k1) - g.zf(k0);
        double[] f2 = plane;
        Arrays.fill(f2, 0.0);
        for (int k = k0; k < k1; k++) {
            double wz = g.dz(k) / hAct;
            int o = k * ny * nx;
            for (int ij = 0; ij < nx * ny; ij++) f2[ij] += wz * cellField[o + ij];
        }
        for (int c = 0, nc = cores.coreCount(); c < nc; c++) {
            int gc = cores.globalColumn(c), gr = cores.globalRow(c);
            int i0 = xStart[gc], xo = xOff[gc], xn = xCount[gc];
            int j0 = yStart[gr], yo = yOff[gr], yn = yCount[gr];
            double s = 0;
            for (int b = 0; b < yn; b++) {
                int row = (j0 + b) * nx + i0;
                double sr = 0;
                for (int a = 0; a < xn; a++) sr += xFrac[xo + a] * f2[row + a];
                s += yFrac[yo + b] * sr;
            }
            out[c] = s;
        }
    }

    private void checkPlane(double[] plane) {
        if (plane.length != nx * ny)
            throw new IllegalArgumentException("plane scratch has length " + plane.length + ", need " + nx * ny);
    }

    private void checkGrid(Grid g) {
        if (g.nx != nx || g.ny != ny || g.xf(0) != xfRef[0] || g.xf(nx) != xfRef[nx] || g.yf(0) != yfRef[0] || g.yf(ny) != yfRef[ny])
            throw new IllegalArgumentException("the grid " + g + " is not the one this core map was built for");
    }
}
