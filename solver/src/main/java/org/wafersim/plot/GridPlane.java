package org.wafersim.plot;

import java.util.Arrays;

/**
 * One x-y plane of a cell field on the rectilinear grid: cell (i, j) covers {@code [xFaces[i], xFaces[i+1]] x
 * [yFaces[j], yFaces[j+1]]}, so non-uniform cells are drawn at their true positions and sizes.
 */
public final class GridPlane implements PlaneField {
    private final double[] xf, yf, values;
    private final int nx, ny;

    /**
     * @param xFaces cell faces along x (nx+1, increasing, m); likewise {@code yFaces}
     * @param values nx*ny values, index {@code j*nx + i} (C order of a {@code [y][x]} array); NaN for void cells
     */
    public GridPlane(double[] xFaces, double[] yFaces, double[] values) {
        nx = xFaces.length - 1;
        ny = yFaces.length - 1;
        if (nx < 1 || ny < 1 || values.length != nx * ny)
            throw new IllegalArgumentException("plane of " + values.length + " values does not match " + nx + " x " + ny + " cells");
        xf = xFaces.clone();
        yf = yFaces.clone();
        this.values = values.clone();
    }

    @Override public double[] extent() {
        return new double[]{xf[0], xf[nx], yf[0], yf[ny]};
    }

    @Override public double valueAt(double x, double y) {
        int i = cell(xf, x), j = cell(yf, y);
        return i < 0 || j < 0 ? Double.NaN : values[j * nx + i];
    }

    /** Index of the cell containing v (faces f), or -1 outside. */
    static int cell(double[] f, double v) {
        if (!(v >= f[0] && v <= f[f.length - 1])) return -1;
        int p = Arrays.binarySearch(f, v);
        int i = p >= 0 ? p : -p - 2;
        return Math.min(i, f.length - 2);
    }

    @Override public Peak peak() {
        int best = -1;
        for (int c = 0; c < values.length; c++)
            if (Double.isFinite(values[c]) && (best < 0 || values[c] > values[best])) best = c;
        if (best < 0) return null;
        int i = best % nx, j = best / nx;
        return new Peak(0.5 * (xf[i] + xf[i + 1]), 0.5 * (yf[j] + yf[j + 1]), values[best]);
    }

    @Override public Peak valley() {
        int best = -1;
        for (int c = 0; c < values.length; c++)
            if (Double.isFinite(values[c]) && (best < 0 || values[c] < values[best])) best = c;
        if (best < 0) return null;
        int i = best % nx, j = best / nx;
        return new Peak(0.5 * (xf[i] + xf[i + 1]), 0.5 * (yf[j] + yf[j + 1]), values[best]);
    }

    @Override public double[] range() {
        return PlaneField.finiteRange(values);
    }
}
